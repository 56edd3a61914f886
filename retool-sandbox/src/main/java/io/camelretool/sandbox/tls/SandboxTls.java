package io.camelretool.sandbox.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The trust material of a sandbox served over https, as a self-hosted Retool behind a private CA has it: a CA of its
 * own and a server certificate it signed for {@code 127.0.0.1} and {@code localhost}. Generated once per JVM with the
 * JDK's {@code keytool} (the JDK has no public API to issue certificates), into a temporary folder removed at exit.
 * Clients trust the CA through {@link #trustStore()} or the PKCS12 file {@link #trustStorePath()}.
 */
public final class SandboxTls {

    private static SandboxTls generated;

    private final KeyStore serverKeyStore;
    private final KeyStore trustStore;
    private final Path trustStorePath;
    private final String password;

    private SandboxTls(KeyStore serverKeyStore, KeyStore trustStore, Path trustStorePath, String password) {
        this.serverKeyStore = serverKeyStore;
        this.trustStore = trustStore;
        this.trustStorePath = trustStorePath;
        this.password = password;
    }

    /**
     * The JVM's material, generated on first use (about a second and a half).
     *
     * @throws IllegalStateException when the JDK's keytool is missing or fails
     */
    public static synchronized SandboxTls generated() {
        if (generated == null) {
            generated = generate();
        }
        return generated;
    }

    /** Holds the CA's certificate only: what a client needs to trust the sandbox. */
    public KeyStore trustStore() {
        return trustStore;
    }

    /** {@link #trustStore()} as a PKCS12 file, for tools and configuration that take a path. */
    public Path trustStorePath() {
        return trustStorePath;
    }

    /** The trust store file's password; it protects nothing secret (the file holds one public certificate). */
    public String trustStorePassword() {
        return password;
    }

    /** The server's side: its key and the certificate chain up to the CA. */
    public SSLContext serverContext() {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(serverKeyStore, password.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("retool-sandbox cannot use its generated key: " + e.getMessage(), e);
        }
    }

    /** A client's side that trusts the sandbox's CA and nothing else, for tests. */
    public SSLContext clientContext() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("retool-sandbox cannot build a client context: " + e.getMessage(), e);
        }
    }

    private static SandboxTls generate() {
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        try {
            Path folder = Files.createTempDirectory("retool-sandbox-tls");
            Path generatedStore = folder.resolve("generated.p12");
            keytool(List.of("-genkeypair", "-alias", "ca", "-dname", "CN=retool-sandbox test CA", "-ext", "bc:c"),
                    generatedStore, password);
            keytool(List.of("-genkeypair", "-alias", "server", "-dname", "CN=localhost", "-signer", "ca",
                    "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-ext", "eku=serverAuth"), generatedStore, password);
            KeyStore both = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(generatedStore)) {
                both.load(in, password.toCharArray());
            }
            // the server store holds the server's key only, so its key manager cannot pick the CA's
            KeyStore server = emptyStore();
            Key serverKey = both.getKey("server", password.toCharArray());
            Certificate[] chain = both.getCertificateChain("server");
            server.setKeyEntry("server", serverKey, password.toCharArray(), chain);
            KeyStore trust = emptyStore();
            trust.setCertificateEntry("retool-sandbox-ca", both.getCertificate("ca"));
            Path trustFile = folder.resolve("truststore.p12");
            try (OutputStream out = Files.newOutputStream(trustFile)) {
                trust.store(out, password.toCharArray());
            }
            Files.delete(generatedStore);
            trustFile.toFile().deleteOnExit();
            folder.toFile().deleteOnExit();
            return new SandboxTls(server, trust, trustFile, password);
        } catch (IOException e) {
            throw new UncheckedIOException("retool-sandbox cannot write its TLS material: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("retool-sandbox cannot read its generated TLS material: "
                    + e.getMessage(), e);
        }
    }

    private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }

    private static void keytool(List<String> arguments, Path store, String password) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        if (!Files.isExecutable(keytool)) {
            throw new IllegalStateException("retool-sandbox --tls needs the JDK's keytool at " + keytool);
        }
        List<String> command = new ArrayList<>(List.of(keytool.toString()));
        command.addAll(arguments);
        command.addAll(List.of("-keyalg", "EC", "-groupname", "secp256r1", "-validity", "3650", "-storetype",
                "PKCS12", "-keystore", store.toString(), "-storepass", password, "-keypass", password));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (InputStream output = process.getInputStream()) {
            String printed = new String(output.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed to generate the sandbox's certificates: " + printed);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while keytool generated the sandbox's certificates", e);
        }
    }
}
