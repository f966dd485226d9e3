package org.gridgov.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An engine job in its own JVM. Flink, Spark and the launcher disagree on Jackson, Netty and Guava, so each runs in a
 * separate process with its own classpath. The child is destroyed with all its descendants if the launcher exits
 * first, so a demo interrupted with Ctrl-C leaves no process behind.
 */
final class JobProcess implements AutoCloseable {

    /** Flink's Kryo and Spark's Unsafe use need these on JDK 17 (Spark's documented list). */
    static final List<String> JDK17_OPENS = List.of(
            "-XX:+IgnoreUnrecognizedVMOptions",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
            "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
            "-Djdk.reflect.useDirectMethodHandle=false");

    private static final int TAIL_LINES = 60;

    private final String name;
    private final Process process;
    private final Deque<String> tail = new ArrayDeque<>();
    private final List<String> stdout = new ArrayList<>();
    private final Thread pump;
    private final Thread errorPump;
    private final Thread killer;

    private JobProcess(String name, Process process, Consumer<String> echo) {
        this.name = name;
        this.process = process;
        this.pump = new Thread(() -> pump(process.getInputStream(), true, echo), name + "-stdout");
        this.pump.setDaemon(true);
        this.pump.start();
        this.errorPump = new Thread(() -> pump(process.getErrorStream(), false, echo), name + "-stderr");
        this.errorPump.setDaemon(true);
        this.errorPump.start();
        this.killer = new Thread(this::destroy, name + "-killer");
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /**
     * Starts {@code mainClass} with the given classpath, JVM options and arguments. {@code env} adds variables
     * (secrets travel this way, never on the command line where {@code ps} shows them).
     */
    static JobProcess start(
            String name,
            String classpath,
            List<String> jvmOptions,
            String mainClass,
            List<String> args,
            Map<String, String> env,
            Path workDir,
            Consumer<String> echo) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(mainClass);
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().putAll(env);
        try {
            return new JobProcess(name, pb.start(), echo);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** Keeps stdout (the job's answer) apart; both streams feed the tail shown when the job fails. */
    private void pump(java.io.InputStream in, boolean isStdout, Consumer<String> echo) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > TAIL_LINES) {
                        tail.removeFirst();
                    }
                    if (isStdout) {
                        stdout.add(line);
                    }
                }
                echo.accept(line);
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits up to the timeout; returns the exit code, or throws if the job did not finish in time. */
    int await(long timeout, TimeUnit unit) throws InterruptedException {
        if (!process.waitFor(timeout, unit)) {
            destroy();
            throw new IllegalStateException(name + " did not finish within " + unit.toSeconds(timeout) + " s");
        }
        pump.join(5_000);
        errorPump.join(5_000);
        return process.exitValue();
    }

    /** Everything the job printed on stdout. */
    List<String> output() {
        synchronized (tail) {
            return List.copyOf(stdout);
        }
    }

    /** The last lines the job printed, to show when it fails. */
    String tail() {
        synchronized (tail) {
            return String.join(System.lineSeparator(), tail);
        }
    }

    /** Lines the job printed that start with the prefix (jobs print their one-line summaries this way). */
    List<String> linesStartingWith(String prefix) {
        synchronized (tail) {
            return stdout.stream().filter(l -> l.startsWith(prefix)).toList();
        }
    }

    /** Asks the process to stop (SIGTERM: a service closes its connections), then kills it after the grace period. */
    void stopGracefully(Duration grace) {
        process.destroy();
        try {
            process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }

    private void destroy() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    @Override
    public void close() {
        destroy();
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException ignored) {
            // already shutting down
        }
    }
}
