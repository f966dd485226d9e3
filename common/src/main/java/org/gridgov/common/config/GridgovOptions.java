package org.gridgov.common.config;

import java.util.List;

/** Every configuration key of the platform. Jobs read only these; config files and env vars set them. */
public final class GridgovOptions {

    public static final ConfigOption<String> KAFKA_BOOTSTRAP = ConfigOption.string("kafka.bootstrap-servers",
            "localhost:9092", "Kafka bootstrap servers.");
    public static final ConfigOption<String> WAREHOUSE_URL = ConfigOption.string("warehouse.jdbc-url",
            "jdbc:mysql://localhost:9030/gridgov", "JDBC URL of the warehouse (Doris FE query port, or local MariaDB).");
    public static final ConfigOption<String> WAREHOUSE_USER = ConfigOption.string("warehouse.user", "root",
            "Warehouse user.");
    public static final ConfigOption<String> WAREHOUSE_PASSWORD = ConfigOption.secret("warehouse.password",
            "Warehouse password; set GRIDGOV_WAREHOUSE_PASSWORD, never a file in git.");
    public static final ConfigOption<String> WAREHOUSE_DIALECT = ConfigOption.string("warehouse.dialect", "doris",
            "SQL dialect of the warehouse: doris (production) or mysql (local MariaDB).");
    public static final ConfigOption<String> PII_SALT = ConfigOption.secret("pii.salt",
            "Secret salt for person keys (HMAC-SHA256), at least 16 characters; set GRIDGOV_PII_SALT. "
                    + "Changing it changes every person key.");
    public static final ConfigOption<Boolean> LOADER_BOUNDED = ConfigOption.bool("loader.bounded", false,
            "Stop the ODS loader once it has read up to the offsets current at start (demo and backfills).");
    public static final ConfigOption<Integer> LOADER_PARALLELISM = ConfigOption.integer("loader.parallelism", 2,
            "Parallelism of the ODS loader.");
    public static final ConfigOption<String> LOADER_GROUP_ID = ConfigOption.string("loader.group-id",
            "gridgov-ods-loader", "Kafka consumer group of the ODS loader (offsets are committed on checkpoints).");
    public static final ConfigOption<Long> LOADER_CHECKPOINT_MS = ConfigOption.longValue("loader.checkpoint-interval-ms",
            10_000L, "Checkpoint interval of the ODS loader; rows are flushed to the warehouse on every checkpoint.");
    public static final ConfigOption<Integer> LOADER_BATCH_SIZE = ConfigOption.integer("loader.batch-size", 500,
            "Rows per table buffered before the sink writes a JDBC batch.");
    public static final ConfigOption<String> SPARK_MASTER = ConfigOption.string("spark.master", "local[*]",
            "Spark master when the job is not started by spark-submit.");
    public static final ConfigOption<String> STAT_MONTH = ConfigOption.string("batch.month", "",
            "Month (yyyy-MM) a batch job computes; empty means every month present in the input.");

    public static final List<ConfigOption<?>> ALL = List.of(KAFKA_BOOTSTRAP, WAREHOUSE_URL, WAREHOUSE_USER,
            WAREHOUSE_PASSWORD, WAREHOUSE_DIALECT, PII_SALT, LOADER_BOUNDED, LOADER_PARALLELISM, LOADER_GROUP_ID,
            LOADER_CHECKPOINT_MS, LOADER_BATCH_SIZE, SPARK_MASTER, STAT_MONTH);

    private GridgovOptions() {
    }
}
