package org.gridgov.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Samples the resident memory of this JVM plus every descendant (MariaDB, the Flink and Spark JVMs) and keeps the
 * peak of the sum, so the demo can say what a laptop needs. Linux only (reads /proc); elsewhere reports nothing.
 */
final class MemoryWatch implements AutoCloseable {

    private final Thread thread;
    private volatile long peakKb;
    private volatile boolean running = true;

    MemoryWatch() {
        thread = new Thread(this::run, "memory-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            long sum = rssKb(ProcessHandle.current().pid())
                    + ProcessHandle.current()
                            .descendants()
                            .mapToLong(p -> rssKb(p.pid()))
                            .sum();
            peakKb = Math.max(peakKb, sum);
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // process gone or not Linux
        }
        return 0;
    }

    /** Peak resident memory of the process tree in MiB; 0 where /proc is unavailable. */
    long peakMib() {
        return peakKb / 1024;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
