package org.gridgov.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One JVM of a cluster (a Kafka broker, a Flink JobManager or TaskManager, a Spark master, a client command), its
 * output in a log file. Whatever happens to the test, the process and everything it started (a Spark worker's
 * executors) are killed: by {@link #close}, and by a shutdown hook should the test JVM exit first.
 */
final class NodeProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;
    private final Thread killer;

    private NodeProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.killer = new Thread(this::killTree, name + "-killer");
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /** {@code java <jvmOptions> -cp <classpath> <mainClass> <args>}, output to {@code logDir/<name>.log}. */
    static NodeProcess java(
            String name,
            String classpath,
            List<String> jvmOptions,
            String mainClass,
            List<String> args,
            Map<String, String> env,
            Path logDir) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(mainClass);
        cmd.addAll(args);
        return start(name, cmd, env, logDir);
    }

    static NodeProcess start(String name, List<String> command, Map<String, String> env, Path logDir) {
        Path log = logDir.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        try {
            Files.createDirectories(logDir);
            return new NodeProcess(name, pb.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to end; its exit code, or an exception naming the log when it takes too long. */
    int await(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            killTree();
            throw new IllegalStateException(name + " did not finish within " + timeout.toSeconds() + " s; log: " + log);
        }
        return process.exitValue();
    }

    /** Everything the process printed so far. */
    String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path log() {
        return log;
    }

    /** {@code kill -9}: no shutdown hook of the node runs, as when a machine dies. */
    void kill() throws InterruptedException {
        killTree();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    private void killTree() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    @Override
    public void close() {
        killTree();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalStateException ignored) {
            // the JVM is shutting down: the hook runs anyway
        }
    }

    /** Polls {@code condition} every half second until it holds; fails naming {@code what} after {@code timeout}. */
    static void await(String what, Duration timeout, Check condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what, last);
    }

    /** A condition polled by {@link #await(String, Duration, Check)}; an exception counts as not yet. */
    @FunctionalInterface
    interface Check {
        boolean holds() throws Exception;
    }
}
