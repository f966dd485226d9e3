package org.gridgov.common.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU of this JVM's own native threads, which the thread MXBean does not list, for the benches: the garbage collector
 * (G1's and Parallel's workers, refinement and concurrent threads) and the JIT compilers, read from
 * {@code /proc/self/task/TID/stat} by thread name. Linux only; threads that end in between are lost, which these
 * pools' threads do not.
 */
public final class JvmThreadCpu {

    /** Linux's USER_HZ, the unit of /proc's CPU times, on every architecture gridgov runs on. */
    public static final double TICKS_PER_SECOND = 100;

    private JvmThreadCpu() {}

    /** {GC ticks, JIT compiler ticks} so far; null off Linux or when /proc cannot be read. */
    public static long[] gcAndJitTicks() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return null;
        }
        long gc = 0;
        long jit = 0;
        try (Stream<Path> all = Files.list(tasks)) {
            for (Path t : (Iterable<Path>) all::iterator) {
                String stat;
                try {
                    stat = Files.readString(t.resolve("stat"));
                } catch (IOException e) {
                    continue; // the thread ended meanwhile
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                // fields after the name, which is in parentheses and may hold spaces: utime and stime are 14 and 15
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                // Linux keeps 15 characters of a name: "GC Thread#0", "G1 Refine#0", "G1 Conc#0", "C2 CompilerThre"
                if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("GC ")) {
                    gc += ticks;
                } else if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                    jit += ticks;
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return new long[] {gc, jit};
    }
}
