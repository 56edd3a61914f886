package io.camelretool.benchmarks.application;

/**
 * The start-up baseline: a JVM that prints one line from {@code main} and then does nothing until it is stopped. Its
 * time to that line and its resident memory are what any Java program pays before its first line of work.
 */
public final class IdleJvm {

    static final String READY = "ready";

    private IdleJvm() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println(READY);
        Thread.sleep(Long.MAX_VALUE);
    }
}
