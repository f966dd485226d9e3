package org.gridgov.common.config;

import java.time.Duration;
import java.util.List;

/**
 * The platform's configuration keys, which every main accepts (the launcher passes one set of them to every job);
 * each job module declares its own next to its entry points. Config files and env vars set them too.
 */
public final class GridgovOptions {

    public static final ConfigOption<String> KAFKA_BOOTSTRAP =
            ConfigOption.string("kafka.bootstrap-servers", "localhost:9092", "Kafka bootstrap servers.");
    public static final ConfigOption<Integer> KAFKA_REPLICATION = ConfigOption.integer(
                    "kafka.replication",
                    0,
                    "Copies of each partition of a topic the platform creates (gridgov topics create, the jobs' preflight); "
                            + "0 takes the brokers' default.replication.factor. At most the number of brokers.")
            .atLeast(0)
            .atMost((int) Short.MAX_VALUE);
    public static final ConfigOption<Boolean> KAFKA_CREATE_TOPICS = ConfigOption.bool(
            "kafka.create-topics",
            true,
            "A Flink job's client creates the platform's missing topics before it submits (false: the client "
                    + "cannot reach Kafka, run gridgov topics create where it can).");
    public static final ConfigOption<String> SECRETS_FILE = ConfigOption.string(
            "secrets.file",
            "",
            "Properties file with the secrets (pii.salt, warehouse.password, alerts.webhook.url, "
                    + "alerts.webhook.secret), read where they are used: on every Flink TaskManager (and by the "
                    + "client, to check them) instead of GRIDGOV_* variables; empty = environment only.");
    public static final ConfigOption<String> WAREHOUSE_URL = ConfigOption.string(
            "warehouse.jdbc-url",
            "jdbc:mysql://localhost:9030/gridgov",
            "JDBC URL of the warehouse (Doris FE query port, or local MariaDB).");
    public static final ConfigOption<String> WAREHOUSE_USER =
            ConfigOption.string("warehouse.user", "root", "Warehouse user.");
    public static final ConfigOption<String> WAREHOUSE_PASSWORD = ConfigOption.secret(
            "warehouse.password", "Warehouse password; set GRIDGOV_WAREHOUSE_PASSWORD, never a file in git.");
    public static final ConfigOption<WarehouseDialect> WAREHOUSE_DIALECT = ConfigOption.enumeration(
            "warehouse.dialect",
            WarehouseDialect.class,
            WarehouseDialect.DORIS,
            "SQL dialect of the warehouse: doris (production) or mysql (local MariaDB).");
    public static final ConfigOption<DorisGroupCommit> WAREHOUSE_GROUP_COMMIT = ConfigOption.enumeration(
            "warehouse.doris.group-commit",
            DorisGroupCommit.class,
            DorisGroupCommit.OFF,
            "Doris 2.1+ group commit of the writers' INSERTs (off, sync-mode, async-mode), added to the JDBC URL as "
                    + "sessionVariables=group_commit=...; ignored on mysql. Group commit does not keep the order of two "
                    + "writes of one key: the writers never write one key twice in a flush, but leave it off where a "
                    + "later flush may overwrite a key within the commit interval (alert versions).");
    public static final ConfigOption<String> PII_SALT = ConfigOption.secret(
            "pii.salt",
            "Secret salt for person keys (HMAC-SHA256), at least 16 characters; set GRIDGOV_PII_SALT. "
                    + "Changing it changes every person key.");
    public static final ConfigOption<Boolean> LOADER_BOUNDED = ConfigOption.bool(
            "loader.bounded",
            false,
            "Stop the ODS loader once it has read up to the offsets current at start (demo and backfills).");
    public static final ConfigOption<Integer> LOADER_PARALLELISM = ConfigOption.integer(
                    "loader.parallelism", 2, "Parallelism of the ODS loader.")
            .atLeast(1);
    public static final ConfigOption<String> LOADER_GROUP_ID = ConfigOption.string(
            "loader.group-id",
            "gridgov-ods-loader",
            "Kafka consumer group of the ODS loader (offsets are committed on checkpoints).");
    public static final ConfigOption<Duration> LOADER_CHECKPOINT_INTERVAL = ConfigOption.duration(
                    "loader.checkpoint-interval",
                    Duration.ofSeconds(10),
                    "Checkpoint interval of the ODS loader; rows are flushed to the warehouse on every checkpoint.")
            .atLeast(Duration.ofMillis(10))
            .withDeprecatedKeys("loader.checkpoint-interval-ms");
    public static final ConfigOption<Integer> LOADER_BATCH_SIZE = ConfigOption.integer(
                    "loader.batch-size", 500, "Rows per table buffered before the sink writes a JDBC batch.")
            .atLeast(1);
    public static final ConfigOption<Duration> LOADER_DUPLICATE_WINDOW = ConfigOption.duration(
                    "loader.duplicate-window",
                    Duration.ofDays(7),
                    "重复来电: a 12345 record of the same caller and category as a case still open and accepted at most this "
                            + "long before it is marked a duplicate (dwd_hotline_case.master_case_id).")
            .atLeast(Duration.ofMinutes(1));
    public static final ConfigOption<String> SPARK_MASTER = ConfigOption.string(
            "spark.master", "local[*]", "Spark master when the job is not started by spark-submit.");
    public static final ConfigOption<Integer> SPARK_SHUFFLE_PARTITIONS = ConfigOption.integer(
                    "spark.shuffle-partitions",
                    0,
                    "Shuffle partitions of a batch job's Spark session when "
                            + "spark.sql.shuffle.partitions is not given; 0 derives them: 4 on a local master, on a cluster "
                            + "twice the cores the application gets (spark.cores.max, else the executors' cores at start). "
                            + "Spark's own default, 200, made a month's analytics 2.4 times slower on a small cluster.")
            .atLeast(0);
    public static final ConfigOption<Integer> WAREHOUSE_READ_PARTITIONS = ConfigOption.integer(
                    "warehouse.read-partitions",
                    0,
                    "JDBC connections a Spark job reads one partitioned warehouse table with, "
                            + "split by the table's partition date between its smallest and largest value; 0 = 1 on mysql, "
                            + "4 on doris (each Doris FE query is then a scan of fewer tablets). Unpartitioned tables are "
                            + "read with one.")
            .atLeast(0);
    public static final ConfigOption<String> STAT_MONTH = ConfigOption.string(
            "batch.month", "", "Month (yyyy-MM) a batch job computes; empty means every month present in the input.");

    public static final List<ConfigOption<?>> ALL = List.of(
            KAFKA_BOOTSTRAP,
            KAFKA_REPLICATION,
            KAFKA_CREATE_TOPICS,
            SECRETS_FILE,
            WAREHOUSE_URL,
            WAREHOUSE_USER,
            WAREHOUSE_PASSWORD,
            WAREHOUSE_DIALECT,
            WAREHOUSE_GROUP_COMMIT,
            PII_SALT,
            LOADER_BOUNDED,
            LOADER_PARALLELISM,
            LOADER_GROUP_ID,
            LOADER_CHECKPOINT_INTERVAL,
            LOADER_BATCH_SIZE,
            LOADER_DUPLICATE_WINDOW,
            SPARK_MASTER,
            SPARK_SHUFFLE_PARTITIONS,
            WAREHOUSE_READ_PARTITIONS,
            STAT_MONTH);

    /** A batch job's Spark session: every main that starts one reads these. */
    public static final List<ConfigOption<?>> SPARK =
            List.of(SPARK_MASTER, SPARK_SHUFFLE_PARTITIONS, WAREHOUSE_READ_PARTITIONS);

    /** The warehouse connection: every main that reads or writes the warehouse reads these. */
    public static final List<ConfigOption<?>> WAREHOUSE =
            List.of(WAREHOUSE_URL, WAREHOUSE_USER, WAREHOUSE_PASSWORD, WAREHOUSE_DIALECT, WAREHOUSE_GROUP_COMMIT);

    private GridgovOptions() {}
}
