package org.gridgov.cases.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.common.testing.JvmThreadCpu;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a measured stretch of the benchmark cost: CPU by who spent it (the service's Tomcat threads, the benchmark's
 * own HTTP clients, the rest of the JVM — GC, JIT, pool housekeeping — and the MariaDB server process, read from
 * {@code /proc} through its {@code pid_file}), and the statements the server ran (its global status counters). Both
 * are divided by the operations of the stretch. Linux only for the server's CPU; elsewhere it prints as unknown.
 */
final class CostProbe {

    private static final List<String> COUNTERS = List.of(
            "Questions",
            "Com_insert",
            "Com_select",
            "Com_update",
            "Com_commit",
            "Com_rollback",
            "Com_set_option",
            "Com_stmt_prepare",
            "Com_stmt_execute");
    /** Linux's USER_HZ, the unit of /proc/PID/stat's CPU times. */
    private static final double TICKS_PER_SECOND = JvmThreadCpu.TICKS_PER_SECOND;

    /** Per-operation figures of one stretch. */
    record Costs(
            double serverThreadsMicros,
            double clientMicros,
            double otherJvmMicros,
            double gcMicros,
            double jitMicros,
            double databaseMicros,
            Map<String, Double> statements) {
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder(String.format(
                    "CPU %.0f µs in the service's request threads,"
                            + " %.0f µs in the benchmark's HTTP clients, %.0f µs elsewhere in the JVM (of which GC %s,"
                            + " JIT compilers %s), ",
                    serverThreadsMicros,
                    clientMicros,
                    otherJvmMicros,
                    Double.isNaN(gcMicros) ? "unknown" : String.format("%.0f µs", gcMicros),
                    Double.isNaN(jitMicros) ? "unknown" : String.format("%.0f µs", jitMicros)));
            b.append(
                    Double.isNaN(databaseMicros)
                            ? "MariaDB unknown"
                            : String.format("%.0f µs in MariaDB", databaseMicros));
            b.append("; statements:");
            statements.forEach((k, v) -> b.append(String.format(" %s %.2f", k, v)));
            return b.toString();
        }
    }

    /**
     * CPU of the benchmark's client threads that have ended: each load's threads live only as long as the load, so
     * they add their own CPU here when they end ({@link #clientThreadEnded}); the thread MXBean no longer lists them
     * when the stretch is read.
     */
    private static final java.util.concurrent.atomic.AtomicLong ENDED_CLIENT_NANOS =
            new java.util.concurrent.atomic.AtomicLong();

    /** A benchmark client thread ends, having spent {@code cpuNanos}. */
    static void clientThreadEnded(long cpuNanos) {
        ENDED_CLIENT_NANOS.addAndGet(Math.max(0, cpuNanos));
    }

    private final long endedClientNanos = ENDED_CLIENT_NANOS.get();
    private final JdbcTemplate jdbc;
    private final Map<String, Long> status;
    private final Map<Long, long[]> threadCpu;
    private final long processCpu;
    private final long databaseTicks;
    private final long[] vmTicks;
    private final Path databaseStat;

    private CostProbe(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.databaseStat = databaseStat(jdbc);
        this.status = status(jdbc);
        this.threadCpu = threadCpu();
        this.processCpu = processCpu();
        this.databaseTicks = ticks(databaseStat);
        this.vmTicks = JvmThreadCpu.gcAndJitTicks();
    }

    /** This JVM's CPU and its JIT compilers' at one moment, to tell when compiling has settled. */
    record JvmCpu(long processNanos, long jitTicks) {
        static JvmCpu now() {
            long[] vm = JvmThreadCpu.gcAndJitTicks();
            return new JvmCpu(processCpu(), vm == null ? -1 : vm[1]);
        }

        /** The JIT compilers' share of the JVM's CPU since this moment; NaN off Linux. */
        double jitShareSince() {
            JvmCpu later = now();
            long process = later.processNanos - processNanos;
            if (jitTicks < 0 || later.jitTicks < 0 || process <= 0) {
                return Double.NaN;
            }
            return (later.jitTicks - jitTicks) / TICKS_PER_SECOND * 1e9 / process;
        }
    }

    static CostProbe start(JdbcTemplate jdbc) {
        return new CostProbe(jdbc);
    }

    Costs stop(long operations) {
        long db = ticks(databaseStat);
        long[] vm = JvmThreadCpu.gcAndJitTicks();
        long process = processCpu() - processCpu;
        Map<Long, long[]> after = threadCpu();
        Map<String, Long> statusAfter = status(jdbc);
        long server = 0;
        long client = 0;
        for (Map.Entry<Long, long[]> e : after.entrySet()) {
            long[] before = threadCpu.get(e.getKey());
            long spent = e.getValue()[0] - (before == null ? 0 : before[0]);
            if (e.getValue()[1] == 1) {
                server += spent;
            } else if (e.getValue()[1] == 2) {
                client += spent;
            }
        }
        client += ENDED_CLIENT_NANOS.get() - endedClientNanos;
        double n = Math.max(1, operations);
        Map<String, Double> perOp = new java.util.LinkedHashMap<>();
        for (String c : COUNTERS) {
            perOp.put(c, (statusAfter.getOrDefault(c, 0L) - status.getOrDefault(c, 0L)) / n);
        }
        double dbMicros =
                databaseStat == null || db < 0 ? Double.NaN : (db - databaseTicks) / TICKS_PER_SECOND * 1e6 / n;
        double gc = vm == null || vmTicks == null ? Double.NaN : (vm[0] - vmTicks[0]) / TICKS_PER_SECOND * 1e6 / n;
        double jit = vm == null || vmTicks == null ? Double.NaN : (vm[1] - vmTicks[1]) / TICKS_PER_SECOND * 1e6 / n;
        return new Costs(
                server / 1e3 / n,
                client / 1e3 / n,
                Math.max(0, process - server - client) / 1e3 / n,
                gc,
                jit,
                dbMicros,
                perOp);
    }

    private static Map<String, Long> status(JdbcTemplate jdbc) {
        Map<String, Long> m = new HashMap<>();
        jdbc.query("SHOW GLOBAL STATUS", rs -> {
            String name = rs.getString(1);
            if (COUNTERS.contains(name)) {
                m.put(name, Long.parseLong(rs.getString(2)));
            }
        });
        return m;
    }

    /** Thread id → {CPU ns, 1 = a Tomcat request thread, 2 = a benchmark client thread, 0 = other}. */
    private static Map<Long, long[]> threadCpu() {
        ThreadMXBean t = ManagementFactory.getThreadMXBean();
        Map<Long, long[]> m = new HashMap<>();
        for (ThreadInfo info : t.getThreadInfo(t.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = t.getThreadCpuTime(info.getThreadId());
            if (cpu < 0) {
                continue;
            }
            String name = info.getThreadName();
            // Tomcat's workers and its poller/acceptor (http-nio-…); the clients' load threads report themselves when
            // they end (clientThreadEnded), a JDK HttpClient's threads are counted here
            int kind = name.startsWith("http-nio") ? 1 : name.startsWith("HttpClient") ? 2 : 0;
            m.put(info.getThreadId(), new long[] {cpu, kind});
        }
        return m;
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * A clock of the database server's CPU for stretches the benchmark times itself (the seeding's slices):
     * {@link java.util.function.LongSupplier#getAsLong()} answers the server's CPU so far in µs, or -1 when it is not readable.
     */
    static java.util.function.LongSupplier databaseCpuMicros(JdbcTemplate jdbc) {
        Path stat = databaseStat(jdbc);
        return () -> {
            long t = ticks(stat);
            return t < 0 ? -1 : (long) (t / TICKS_PER_SECOND * 1e6);
        };
    }

    /** /proc/PID/stat of the database server, when it runs on this machine and tells its pid file. */
    private static Path databaseStat(JdbcTemplate jdbc) {
        try {
            String pidFile = jdbc.queryForObject("SELECT @@pid_file", String.class);
            if (pidFile == null || !Files.isReadable(Path.of(pidFile))) {
                return null;
            }
            Path stat = Path.of("/proc", Files.readString(Path.of(pidFile)).trim(), "stat");
            return Files.isReadable(stat) ? stat : null;
        } catch (RuntimeException | java.io.IOException e) {
            return null;
        }
    }

    /** utime + stime in clock ticks; -1 when unknown. */
    private static long ticks(Path stat) {
        if (stat == null) {
            return -1;
        }
        try {
            String s = Files.readString(stat);
            // fields after the command name, which is in parentheses and may hold spaces
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }
}
