package io.camelretool.sandbox;

import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar retool-sandbox.jar}: the sandbox as a process of its own, for other languages and tools. */
public final class SandboxMain {

    private SandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SandboxCommandLine commandLine;
        try {
            commandLine = SandboxCommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("retool-sandbox: " + e.getMessage());
            System.err.print(SandboxCommandLine.USAGE);
            System.exit(2);
            return;
        }
        if (commandLine.help()) {
            System.out.print(SandboxCommandLine.USAGE);
            return;
        }
        RetoolSandbox sandbox;
        try {
            sandbox = commandLine.builder().start();
        } catch (UncheckedIOException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            System.out.println("retool-sandbox stopped");
            System.out.flush();
        }, "retool-sandbox-shutdown"));
        System.out.println("retool-sandbox listening on " + sandbox.baseUrl());
        if (sandbox.isTls()) {
            System.out.println("retool-sandbox trust store: " + sandbox.tls().trustStorePath() + " (PKCS12, password "
                    + sandbox.tls().trustStorePassword() + ")");
        }
        System.out.flush();
        // the server's threads are daemons; this thread keeps the process alive until SIGTERM runs the hook
        new CountDownLatch(1).await();
    }
}
