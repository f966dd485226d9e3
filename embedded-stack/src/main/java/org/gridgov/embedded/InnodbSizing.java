package org.gridgov.embedded;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import org.gridgov.common.config.ConfigOption;
import org.gridgov.common.config.MemorySize;

/**
 * Memory of the embedded MariaDB's InnoDB, set from the machine instead of MariaDB's fixed defaults. With the default
 * 128 MB buffer pool the case tables outgrew the cache at about 1M cases and inserts slowed 2.5× (issue 15: 630
 * creations/s instead of 1,638; one warehouse load of three at 7.8k rows/s instead of 49k). An eighth of physical
 * memory keeps a million cases and the demo's warehouse cached on a laptop and leaves the rest to Flink, Spark and
 * Kafka in the same machine. InnoDB maps the pool lazily, so a test's short-lived server touches only what it uses.
 *
 * @param bufferPool {@code innodb_buffer_pool_size}
 * <p>The redo log is half the pool: a 1M-record local load writes about 1.5 GB of redo (≈660 bytes per row, measured
 * by {@code gridgov bench ingest}), and once the log is nearly full InnoDB must flush dirty pages before it may write
 * more, which is where a load's rate falls with size. The server also runs without the doublewrite buffer and with a
 * page-flushing budget for an SSD ({@link #serverArguments()}): the embedded warehouse lives in a temporary
 * directory deleted when it stops, so there is nothing a torn page could corrupt after a crash.
 *
 * @param logFile {@code innodb_log_file_size}: half the pool, so a bulk load does not stall on checkpoints
 */
public record InnodbSizing(MemorySize bufferPool, MemorySize logFile) {

    public static final ConfigOption<MemorySize> BUFFER_POOL = ConfigOption.memory(
            "embedded.warehouse.buffer-pool",
            null,
            "InnoDB buffer pool of the embedded MariaDB (demo, stack, bench, tests); empty = an eighth of "
                    + "physical memory, between 128mb and 4g.");
    public static final ConfigOption<MemorySize> LOG_FILE = ConfigOption.memory(
            "embedded.warehouse.log-file-size",
            null,
            "InnoDB redo log size of the embedded MariaDB; empty = half the buffer pool, between 96mb and 2g.");
    public static final List<ConfigOption<?>> OPTIONS = List.of(BUFFER_POOL, LOG_FILE);

    static final MemorySize MIN_POOL = MemorySize.ofMebiBytes(128);
    static final MemorySize MAX_POOL = MemorySize.ofMebiBytes(4096);
    static final MemorySize MIN_LOG = MemorySize.ofMebiBytes(96);
    static final MemorySize MAX_LOG = MemorySize.ofMebiBytes(2048);

    /** From {@code GRIDGOV_EMBEDDED_WAREHOUSE_*} variables where set, else derived from this machine's memory. */
    public static InnodbSizing fromEnvironment() {
        return of(System.getenv(), physicalMemory());
    }

    static InnodbSizing of(Map<String, String> env, long physicalBytes) {
        MemorySize pool = read(env, BUFFER_POOL);
        if (pool == null) {
            pool = clamp(physicalBytes / 8, MIN_POOL, MAX_POOL);
        }
        MemorySize log = read(env, LOG_FILE);
        if (log == null) {
            log = clamp(pool.bytes() / 2, MIN_LOG, MAX_LOG);
        }
        return new InnodbSizing(pool, log);
    }

    /**
     * The mysqld arguments: the sizes, no doublewrite buffer (the data directory does not outlive the server) and an
     * I/O budget for an SSD instead of the 200 pages/s of a spinning disk, so the page cleaner keeps up with a bulk
     * load before the redo log fills.
     */
    List<String> serverArguments() {
        return List.of(
                "--innodb-buffer-pool-size=" + bufferPool.bytes(),
                "--innodb-log-file-size=" + logFile.bytes(),
                "--innodb-doublewrite=0",
                "--innodb-io-capacity=2000",
                "--innodb-io-capacity-max=4000");
    }

    private static MemorySize read(Map<String, String> env, ConfigOption<MemorySize> option) {
        String raw = env.get(option.envName());
        return raw == null || raw.isBlank() ? null : option.parse(raw.trim());
    }

    private static MemorySize clamp(long bytes, MemorySize min, MemorySize max) {
        return MemorySize.ofBytes(Math.max(min.bytes(), Math.min(max.bytes(), bytes)));
    }

    private static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return MIN_POOL.bytes() * 8;
    }
}
