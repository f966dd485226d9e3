package org.gridgov.ingestion.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/** CPU time of this JVM and of its child processes (an embedded MariaDB), which stays comparable on a busy machine. */
final class Cpu {

    private Cpu() {}

    /** {@code [this JVM, child processes]} in nanoseconds so far. */
    static long[] now() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long children = ProcessHandle.current()
                .descendants()
                .mapToLong(
                        p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                .sum();
        return new long[] {jvm, children};
    }
}
