package org.gridgov.batch.warehouse;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.Objects;
import java.util.Properties;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gridgov.common.config.GridgovConfig;
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

    /** The platform's one warehouse-settings class; its password is null when there is none (embedded MariaDB). */
    private final WarehouseSettings warehouse;
    private final int batchSize;

    public JdbcWarehouseIo(String url, String user, String password, SqlDialect dialect, int batchSize) {
        this(new WarehouseSettings(url, Objects.requireNonNull(user, "user"), password, dialect), batchSize);
    }

    public JdbcWarehouseIo(WarehouseSettings warehouse, int batchSize) {
        this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive: " + batchSize);
        }
        this.batchSize = batchSize;
    }

    /** From warehouse.jdbc-url, .user, .dialect and the secret warehouse.password (GRIDGOV_WAREHOUSE_PASSWORD). */
    public static JdbcWarehouseIo fromConfig(GridgovConfig config) {
        return new JdbcWarehouseIo(WarehouseSettings.from(config), DEFAULT_BATCH_SIZE);
    }

    public SqlDialect dialect() {
        return warehouse.dialect();
    }

    /**
     * A lazy JDBC relation over the whole table. Loading only fetches the schema; Spark pushes filters
     * ({@code pushDownPredicate}, on by default) and the pruned column list into the SELECT it runs later, so
     * {@code read(...).filter(col("accept_month").equalTo(m))} becomes {@code WHERE accept_month = 'm'} in the store.
     * Values in pushed filters are quoted by Spark's dialect; jobs also validate them (see StatMonth).
     * A single JDBC partition: fine for one month of a district, revisit with partitionColumn for full rebuilds.
     *
     * <p>DATETIME values are read as wall-clock time of the session zone ({@code connectionTimeZone}, passed through
     * to the driver); without it the driver would use the JVM's default zone, which need not be Beijing's.
     */
    @Override
    public Dataset<Row> read(SparkSession spark, Table table) {
        DataFrameReader reader = spark.read().format("jdbc")
                .option("url", warehouse.url())
                .option("driver", DRIVER)
                .option("dbtable", SqlDialect.quote(table.name()))
                .option("user", warehouse.user())
                .option("pushDownPredicate", "true")
                .option("connectionTimeZone", sessionZone(spark));
        if (warehouse.password() != null) {
            reader = reader.option("password", warehouse.password());
        }
        return reader.load();
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
        ordered.foreachPartition(new PartitionWriter(warehouse, warehouse.dialect().upsert(table), table.name(),
                batchSize, zone));
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
