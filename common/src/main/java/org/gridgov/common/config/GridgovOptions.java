package org.gridgov.common.config;

import java.time.Duration;
import java.util.List;

/**
 * The platform's configuration keys, which every main accepts (the launcher passes one set of them to every job);
 * each job module declares its own next to its entry points. Config files and env vars set them too.
 */
public final class GridgovOptions {

    public static final ConfigOption<String> KAFKA_BOOTSTRAP = ConfigOption.string("kafka.bootstrap-servers",
            "localhost:9092", "Kafka bootstrap servers.");
    public static final ConfigOption<String> WAREHOUSE_URL = ConfigOption.string("warehouse.jdbc-url",
            "jdbc:mysql://localhost:9030/gridgov", "JDBC URL of the warehouse (Doris FE query port, or local MariaDB).");
    public static final ConfigOption<String> WAREHOUSE_USER = ConfigOption.string("warehouse.user", "root",
            "Warehouse user.");
    public static final ConfigOption<String> WAREHOUSE_PASSWORD = ConfigOption.secret("warehouse.password",
            "Warehouse password; set GRIDGOV_WAREHOUSE_PASSWORD, never a file in git.");
    public static final ConfigOption<WarehouseDialect> WAREHOUSE_DIALECT = ConfigOption.enumeration(
            "warehouse.dialect", WarehouseDialect.class, WarehouseDialect.DORIS,
            "SQL dialect of the warehouse: doris (production) or mysql (local MariaDB).");
    public static final ConfigOption<String> PII_SALT = ConfigOption.secret("pii.salt",
            "Secret salt for person keys (HMAC-SHA256), at least 16 characters; set GRIDGOV_PII_SALT. "
                    + "Changing it changes every person key.");
    public static final ConfigOption<Boolean> LOADER_BOUNDED = ConfigOption.bool("loader.bounded", false,
            "Stop the ODS loader once it has read up to the offsets current at start (demo and backfills).");
    public static final ConfigOption<Integer> LOADER_PARALLELISM = ConfigOption.integer("loader.parallelism", 2,
            "Parallelism of the ODS loader.").atLeast(1);
    public static final ConfigOption<String> LOADER_GROUP_ID = ConfigOption.string("loader.group-id",
            "gridgov-ods-loader", "Kafka consumer group of the ODS loader (offsets are committed on checkpoints).");
    public static final ConfigOption<Duration> LOADER_CHECKPOINT_INTERVAL = ConfigOption.duration(
            "loader.checkpoint-interval", Duration.ofSeconds(10),
            "Checkpoint interval of the ODS loader; rows are flushed to the warehouse on every checkpoint.")
            .atLeast(Duration.ofMillis(10)).withDeprecatedKeys("loader.checkpoint-interval-ms");
    public static final ConfigOption<Integer> LOADER_BATCH_SIZE = ConfigOption.integer("loader.batch-size", 500,
            "Rows per table buffered before the sink writes a JDBC batch.").atLeast(1);
    public static final ConfigOption<String> SPARK_MASTER = ConfigOption.string("spark.master", "local[*]",
            "Spark master when the job is not started by spark-submit.");
    public static final ConfigOption<String> STAT_MONTH = ConfigOption.string("batch.month", "",
            "Month (yyyy-MM) a batch job computes; empty means every month present in the input.");

    public static final List<ConfigOption<?>> ALL = List.of(KAFKA_BOOTSTRAP, WAREHOUSE_URL, WAREHOUSE_USER,
            WAREHOUSE_PASSWORD, WAREHOUSE_DIALECT, PII_SALT, LOADER_BOUNDED, LOADER_PARALLELISM, LOADER_GROUP_ID,
            LOADER_CHECKPOINT_INTERVAL, LOADER_BATCH_SIZE, SPARK_MASTER, STAT_MONTH);

    /** The warehouse connection: every main that reads or writes the warehouse reads these. */
    public static final List<ConfigOption<?>> WAREHOUSE = List.of(WAREHOUSE_URL, WAREHOUSE_USER, WAREHOUSE_PASSWORD,
            WAREHOUSE_DIALECT);

    private GridgovOptions() {
    }
}
