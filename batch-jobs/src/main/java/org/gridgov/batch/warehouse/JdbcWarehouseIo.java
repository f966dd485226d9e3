package org.gridgov.batch.warehouse;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gridgov.common.config.GridgovConfig;
import org.gridgov.common.config.GridgovOptions;
import org.gridgov.warehouse.ColumnType;
import org.gridgov.warehouse.SqlDialect;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.WarehouseSettings;

/**
 * The warehouse over JDBC: MariaDB locally, Doris through its MySQL-protocol FE port. Reads use Spark's JDBC source;
 * writes use our own per-partition batches of {@link SqlDialect#upsert}, because Spark's JDBC writer can only append
 * or overwrite whole tables, and a re-run of a month must replace that month's rows and nothing else.
 *
 * <p>Production may swap in the spark-doris-connector (issue 4) behind {@link WarehouseIo}: row-by-row INSERTs are
 * fine for ADS tables of a few hundred rows, but Doris turns every INSERT statement into a load transaction, so
 * large DWS writes should go through Stream Load instead.
 */
public final class JdbcWarehouseIo implements WarehouseIo, Serializable {

    private static final long serialVersionUID = 1L;

    /** Speaks to MariaDB and Doris alike; named explicitly because spark-submit's class loader hides it from
     * DriverManager's service lookup. */
    public static final String DRIVER = "com.mysql.cj.jdbc.Driver";

    static final int DEFAULT_BATCH_SIZE = 500;
    /** Reads of a partitioned Doris table when warehouse.read-partitions is not given. */
    static final int DORIS_READ_PARTITIONS = 4;

    /** The platform's one warehouse-settings class; its password is null when there is none (embedded MariaDB). */
    private final WarehouseSettings warehouse;

    private final int batchSize;
    /** JDBC connections per read of a partitioned table (1: one SELECT). */
    private final int readPartitions;

    public JdbcWarehouseIo(String url, String user, String password, SqlDialect dialect, int batchSize) {
        this(new WarehouseSettings(url, Objects.requireNonNull(user, "user"), password, dialect), batchSize);
    }

    public JdbcWarehouseIo(WarehouseSettings warehouse, int batchSize) {
        this(warehouse, batchSize, 1);
    }

    public JdbcWarehouseIo(WarehouseSettings warehouse, int batchSize, int readPartitions) {
        this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
        if (batchSize < 1 || readPartitions < 1) {
            throw new IllegalArgumentException(
                    "batch size and read partitions must be positive: " + batchSize + ", " + readPartitions);
        }
        this.batchSize = batchSize;
        this.readPartitions = readPartitions;
    }

    /**
     * From warehouse.jdbc-url, .user, .dialect, .read-partitions and the secret warehouse.password
     * (GRIDGOV_WAREHOUSE_PASSWORD).
     */
    public static JdbcWarehouseIo fromConfig(GridgovConfig config) {
        WarehouseSettings warehouse = WarehouseSettings.from(config);
        int partitions = config.get(GridgovOptions.WAREHOUSE_READ_PARTITIONS);
        if (partitions == 0) {
            partitions = warehouse.dialect() == SqlDialect.DORIS ? DORIS_READ_PARTITIONS : 1;
        }
        return new JdbcWarehouseIo(warehouse, DEFAULT_BATCH_SIZE, partitions);
    }

    public SqlDialect dialect() {
        return warehouse.dialect();
    }

    /**
     * A lazy JDBC relation over the whole table. Loading only fetches the schema; Spark pushes filters
     * ({@code pushDownPredicate}, on by default) and the pruned column list into the SELECT it runs later, so
     * {@code read(...).filter(col("accept_month").equalTo(m))} becomes {@code WHERE accept_month = 'm'} in the store.
     * Values in pushed filters are quoted by Spark's dialect; jobs also validate them (see StatMonth).
     * A table partitioned by a date (the dynamic partitions of the catalogue) is read over {@code readPartitions}
     * connections, Spark's {@code partitionColumn} between the column's smallest and largest value (one more query
     * first); each range scans fewer Doris partitions, and rows without a date land in the first. Others, and
     * {@code readPartitions} 1, are one SELECT.
     *
     * <p>DATETIME values are read as wall-clock time of the session zone ({@code connectionTimeZone}, passed through
     * to the driver); without it the driver would use the JVM's default zone, which need not be Beijing's.
     */
    @Override
    public Dataset<Row> read(SparkSession spark, Table table) {
        DataFrameReader reader = spark.read()
                .format("jdbc")
                .option("url", warehouse.url())
                .option("driver", DRIVER)
                .option("dbtable", SqlDialect.quote(table.name()))
                .option("user", warehouse.user())
                .option("pushDownPredicate", "true")
                .option("connectionTimeZone", sessionZone(spark));
        if (warehouse.password() != null) {
            reader = reader.option("password", warehouse.password());
        }
        String[] bounds = readPartitions > 1 ? bounds(table, sessionZone(spark)) : null;
        if (bounds != null) {
            reader = reader.option("partitionColumn", table.partitionColumn().orElseThrow())
                    .option("lowerBound", bounds[0])
                    .option("upperBound", bounds[1])
                    .option("numPartitions", readPartitions);
        }
        return reader.load();
    }

    /**
     * The smallest and largest value of the table's partition date, as Spark reads bounds of a DATE or DATETIME
     * column; null for a table without one, an empty table, or a single value (nothing to split).
     */
    String[] bounds(Table table, String zone) {
        if (table.partitionColumn().isEmpty()) {
            return null;
        }
        String column = SqlDialect.quote(table.partitionColumn().get());
        boolean date = table.column(table.partitionColumn().get()).type().kind() == ColumnType.Kind.DATE;
        try (Connection c = connect(warehouse, zone);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT MIN(" + column + "), MAX(" + column + ") FROM " + SqlDialect.quote(table.name()))) {
            if (!rs.next() || rs.getObject(1) == null) {
                return null;
            }
            String[] b = date
                    ? new String[] {
                        rs.getObject(1, LocalDate.class).toString(),
                        rs.getObject(2, LocalDate.class).toString()
                    }
                    : new String[] {
                        BOUND.format(rs.getObject(1, LocalDateTime.class)),
                        BOUND.format(rs.getObject(2, LocalDateTime.class))
                    };
            return b[0].equals(b[1]) ? null : b;
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "reading the date range of " + table.name() + " failed: " + e.getMessage(), e);
        }
    }

    private static final DateTimeFormatter BOUND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    int readPartitions() {
        return readPartitions;
    }

    /**
     * Writes every partition in batches of the dialect's upsert statement, values bound in catalogue column order.
     * Each batch commits on its own: a failed run leaves some rows of the new result and some of the old, which the
     * next run overwrites, since every row is keyed.
     */
    @Override
    public void upsert(Dataset<Row> rows, Table table) {
        Dataset<Row> ordered = SparkSchemas.conform(rows, table);
        String zone = sessionZone(ordered.sparkSession());
        ordered.foreachPartition(
                new PartitionWriter(warehouse, warehouse.dialect().upsert(table), table.name(), batchSize, zone));
    }

    private static String sessionZone(SparkSession spark) {
        return spark.conf().get("spark.sql.session.timeZone");
    }

    /** The serialisable task shipped to executors; holds only strings and numbers, never the Spark objects. */
    static final class PartitionWriter implements ForeachPartitionFunction<Row> {

        private static final long serialVersionUID = 1L;

        private final WarehouseSettings warehouse;
        private final String sql;
        private final String tableName;
        private final int batchSize;
        private final String zone;

        PartitionWriter(WarehouseSettings warehouse, String sql, String tableName, int batchSize, String zone) {
            this.warehouse = warehouse;
            this.sql = sql;
            this.tableName = tableName;
            this.batchSize = batchSize;
            this.zone = zone;
        }

        @Override
        public void call(Iterator<Row> rows) throws Exception {
            if (!rows.hasNext()) {
                return; // no connection for empty partitions
            }
            ZoneId zoneId = ZoneId.of(zone);
            // Doris ignores client transactions for INSERT; MariaDB commits once per batch instead of once per row.
            boolean transactional = warehouse.dialect() == SqlDialect.MYSQL;
            try (Connection c = connect(warehouse, zone)) {
                c.setAutoCommit(!transactional);
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    int pending = 0;
                    while (rows.hasNext()) {
                        Row row = rows.next();
                        for (int i = 0; i < row.length(); i++) {
                            Object v = JdbcValues.toJdbc(row.get(i), zoneId);
                            if (v == null) {
                                ps.setNull(i + 1, Types.NULL);
                            } else {
                                ps.setObject(i + 1, v);
                            }
                        }
                        ps.addBatch();
                        if (++pending == batchSize) {
                            flush(c, ps, transactional);
                            pending = 0;
                        }
                    }
                    if (pending > 0) {
                        flush(c, ps, transactional);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("upsert into " + tableName + " failed: " + e.getMessage(), e);
            }
        }

        private static void flush(Connection c, PreparedStatement ps, boolean transactional) throws SQLException {
            ps.executeBatch();
            if (transactional) {
                c.commit();
            }
        }
    }

    /** One connection, autocommit: each statement commits on its own, so a rerun starts from what is there. */
    @Override
    public long execute(SparkSession spark, java.util.function.Function<SqlDialect, List<String>> statements) {
        long rows = 0;
        try (Connection c = connect(warehouse, sessionZone(spark));
                Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            for (String sql : statements.apply(dialect())) {
                rows += s.executeUpdate(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("warehouse statement failed: " + e.getMessage(), e);
        }
        return rows;
    }

    /**
     * Opens a connection with the settings' driver call (not DriverManager, which spark-submit's class loader hides the
     * driver from), in the session zone: values are bound as LocalDateTime already; the zone keeps any driver-side
     * conversion consistent with reads.
     */
    static Connection connect(WarehouseSettings warehouse, String zone) throws SQLException {
        Properties props = new Properties();
        props.setProperty("connectionTimeZone", zone);
        return warehouse.open(props);
    }
}
