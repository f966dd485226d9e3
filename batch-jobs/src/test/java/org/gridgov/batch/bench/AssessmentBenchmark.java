package org.gridgov.batch.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.to_timestamp;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.LongStream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.gridgov.batch.api.AssessmentBenchmarkOptions;
import org.gridgov.batch.api.BatchJob;
import org.gridgov.batch.assessment.AssessmentJob;
import org.gridgov.batch.spark.BatchSession;
import org.gridgov.batch.warehouse.JdbcWarehouseIo;
import org.gridgov.batch.warehouse.SparkSchemas;
import org.gridgov.batch.warehouse.WarehouseIo;
import org.gridgov.common.config.GridgovConfig;
import org.gridgov.common.district.District;
import org.gridgov.common.district.Grid;
import org.gridgov.common.model.TrackPoint;
import org.gridgov.common.track.PatrolMetrics;
import org.gridgov.embedded.EmbeddedWarehouse;
import org.gridgov.warehouse.AssessmentAdsTables;
import org.gridgov.warehouse.AssessmentTables;
import org.gridgov.warehouse.CaseTables;
import org.gridgov.warehouse.GridWorkTables;
import org.gridgov.warehouse.SqlDialect;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.WarehouseSchema;
import org.gridgov.warehouse.WarehouseSettings;
import org.locationtech.jts.geom.Point;

/**
 * Times the monthly assessment job ({@link AssessmentJob}) over W grid workers and D days of their work records,
 * generated in Spark: one check-in a day (2 % without check-out), P patrols a day, a visit a day, a report every
 * other day, a mediation every tenth day, ten dwd_case rows per grid, rules for the four levels and a manual score
 * for every hundredth worker. With the defaults (10,000 workers × 30 days × 2 patrols, 5 GPS points each) the patrol
 * rows stand for 3 M GPS points; the tracks themselves are not generated, since computing the patrol metrics from
 * them is the loader's step (issue 16 part 2), not this job's.
 *
 * <p>First, as production runs it, before the job has run in this JVM: the generated tables are upserted into a fresh
 * embedded MariaDB warehouse (not timed) and the job reads them over JDBC and upserts both ADS tables (timed; {@code
 * --bench.assessment-through-warehouse=false} skips it). Then twice from inputs cached in memory, the ADS rows
 * written to Spark's {@code noop} sink: the job's own computation without JDBC. Options: {@link AssessmentBenchmarkOptions} ({@code --bench.assessment-workers=10000
 * --bench.assessment-days=30 ...}) and {@code --spark.master}. Test scope; {@code gridgov bench assessment} runs it.
 */
public final class AssessmentBenchmark {

    static final String MONTH = "2025-03";
    private static final Instant NOW = Instant.parse("2025-04-01T02:00:00Z");

    private AssessmentBenchmark() {}

    /** Inputs held as cached datasets; writes go to the noop sink. */
    static final class DatasetWarehouse implements WarehouseIo {
        private final Map<String, Dataset<Row>> tables = new HashMap<>();
        private final Map<String, Table> definitions = new java.util.LinkedHashMap<>();

        void put(Table t, Dataset<Row> rows) {
            tables.put(t.name(), SparkSchemas.conform(rows, t).cache());
            definitions.put(t.name(), t);
        }

        /** Upserts every generated table into {@code target}; returns the rows written. */
        long copyTo(WarehouseIo target) {
            long rows = 0;
            for (Table t : definitions.values()) {
                target.upsert(tables.get(t.name()), t);
                rows += count(t);
            }
            return rows;
        }

        long count(Table t) {
            return tables.get(t.name()).count();
        }

        @Override
        public Dataset<Row> read(SparkSession spark, Table table) {
            Dataset<Row> d = tables.get(table.name());
            return d != null ? d : spark.createDataFrame(List.of(), SparkSchemas.of(table));
        }

        @Override
        public void upsert(Dataset<Row> rows, Table table) {
            SparkSchemas.conform(rows, table)
                    .write()
                    .format("noop")
                    .mode("overwrite")
                    .save();
        }
    }

    public static void main(String[] args) {
        GridgovConfig config = GridgovConfig.fromArgs(args, BatchJob.ASSESSMENT_BENCHMARK.options());
        int workers = config.get(AssessmentBenchmarkOptions.WORKERS);
        int days = Math.min(
                config.get(AssessmentBenchmarkOptions.DAYS),
                YearMonth.parse(MONTH).lengthOfMonth());
        int patrolsPerDay = config.get(AssessmentBenchmarkOptions.PATROLS_PER_DAY);
        int pointsPerPatrol = config.get(AssessmentBenchmarkOptions.POINTS_PER_PATROL);
        SparkSession spark = SparkSession.builder()
                .config(BatchSession.conf(config, "gridgov-assessment-benchmark", new org.apache.spark.SparkConf())
                        .set(
                                "spark.sql.shuffle.partitions",
                                String.valueOf(config.get(AssessmentBenchmarkOptions.SHUFFLE_PARTITIONS))))
                .getOrCreate();
        try {
            System.out.printf(
                    Locale.ROOT,
                    "machine: %d cores, max heap %d MiB, Spark %s %s%n",
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20,
                    spark.version(),
                    spark.sparkContext().master());
            long t0 = System.nanoTime();
            DatasetWarehouse w = generate(spark, workers, days, patrolsPerDay);
            long patrols = w.count(GridWorkTables.DWD_GRID_PATROL);
            System.out.printf(
                    Locale.ROOT,
                    "generated in %.1f s for %s: %,d workers, %,d attendance, %,d patrols "
                            + "(≈ %,d GPS points at %d a patrol), %,d visits, %,d reports, %,d mediations, %,d cases%n",
                    seconds(t0),
                    MONTH,
                    w.count(WarehouseSchema.DIM_GRID),
                    w.count(GridWorkTables.DWD_GRID_ATTENDANCE),
                    patrols,
                    patrols * pointsPerPatrol,
                    pointsPerPatrol,
                    w.count(GridWorkTables.DWD_GRID_VISIT),
                    w.count(GridWorkTables.DWD_GRID_REPORT),
                    w.count(GridWorkTables.DWD_GRID_MEDIATION),
                    w.count(CaseTables.DWD_CASE));
            patrolMetrics(patrols, pointsPerPatrol);
            // the warehouse run first, before this JVM has run the job (none of its code JIT-compiled or generated by
            // Spark yet): the monthly job runs once in a fresh JVM in production
            if (config.get(AssessmentBenchmarkOptions.THROUGH_WAREHOUSE)) {
                throughWarehouse(spark, w);
            }
            for (int run = 1; run <= 2; run++) {
                long t = System.nanoTime();
                AssessmentJob.Result r =
                        new AssessmentJob(w, Clock.fixed(NOW, ZoneOffset.UTC)).run(spark, List.of(MONTH));
                System.out.printf(
                        Locale.ROOT,
                        "assessment job, run %d, inputs cached in memory: %s in %.1f s%n",
                        run,
                        AssessmentJob.summary(r),
                        seconds(t));
            }
        } finally {
            spark.stop();
        }
    }

    /**
     * The job as production runs it: the generated tables upserted into a fresh embedded MariaDB warehouse (not timed),
     * then the job reading them over JDBC ({@link JdbcWarehouseIo}, the job's own reader) and upserting both ADS tables
     * into it, timed from start to the last ADS row written. The ADS row counts are read back from the database.
     */
    static void throughWarehouse(SparkSession spark, DatasetWarehouse generated) {
        try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.start()) {
            JdbcWarehouseIo io = new JdbcWarehouseIo(
                    new WarehouseSettings(
                            warehouse.jdbcUrl(), EmbeddedWarehouse.USER, EmbeddedWarehouse.PASSWORD, SqlDialect.MYSQL),
                    1_000);
            long t0 = System.nanoTime();
            long rows = generated.copyTo(io);
            System.out.printf(
                    Locale.ROOT,
                    "warehouse: fresh embedded MariaDB, %,d generated rows upserted in %.1f s " + "(not timed)%n",
                    rows,
                    seconds(t0));
            long t = System.nanoTime();
            AssessmentJob.Result r = new AssessmentJob(io, Clock.fixed(NOW, ZoneOffset.UTC)).run(spark, List.of(MONTH));
            double s = seconds(t);
            System.out.printf(
                    Locale.ROOT,
                    "assessment job through the warehouse (JDBC reads, ADS upserts): %s in "
                            + "%.1f s; stored %,d worker rows, %,d unit rows (target ≤ 120 s at 10,000 workers × 30 days on 2 "
                            + "cores)%n",
                    AssessmentJob.summary(r),
                    s,
                    stored(warehouse, AssessmentAdsTables.ADS_GRID_WORKER_ASSESSMENT),
                    stored(warehouse, AssessmentAdsTables.ADS_UNIT_ASSESSMENT));
        }
    }

    private static long stored(EmbeddedWarehouse warehouse, Table t) {
        try (java.sql.Connection c = warehouse.connect();
                java.sql.Statement st = c.createStatement();
                java.sql.ResultSet rs =
                        st.executeQuery("SELECT COUNT(*) FROM " + t.name() + " WHERE month = '" + MONTH + "'")) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("counting " + t.name(), e);
        }
    }

    /**
     * The step the dwd_grid_patrol rows stand for: the loader's {@link PatrolMetrics} (distance, speed, jumps, and the
     * JTS coverage of the buffered track within the grid) over as many tracks as the month has patrols, each a walk of
     * {@code pointsPerPatrol} fixes inside one of the district's real grids, on every core. The loader runs it per
     * record as the records arrive over the month; it is timed here so the GPS side of the ≈3M points is measured too.
     */
    static void patrolMetrics(long patrols, int pointsPerPatrol) {
        List<Grid> grids = District.licheng().grids();
        long t = System.nanoTime();
        double coverage = LongStream.range(0, patrols)
                .parallel()
                .mapToDouble(i -> {
                    Grid g = grids.get((int) (i % grids.size()));
                    SplittableRandom r = new SplittableRandom(i);
                    Point start = g.anchor();
                    List<TrackPoint> track = new ArrayList<>(pointsPerPatrol);
                    double lat = start.getY();
                    double lon = start.getX();
                    for (int k = 0; k < pointsPerPatrol; k++) {
                        // about 60 m a minute, a walk
                        lat += (r.nextDouble() - 0.5) * 0.0008;
                        lon += (r.nextDouble() - 0.5) * 0.0008;
                        track.add(new TrackPoint(k * 60, lat, lon));
                    }
                    return PatrolMetrics.of(track, g.boundary()).coverageRatio();
                })
                .sum();
        System.out.printf(
                Locale.ROOT,
                "patrol metrics (the loader's step, %d threads): %,d tracks, %,d GPS points in "
                        + "%.1f s (mean coverage %.3f)%n",
                ForkJoinPool.getCommonPoolParallelism() + 1,
                patrols,
                patrols * pointsPerPatrol,
                seconds(t),
                coverage / Math.max(1, patrols));
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** A deterministic pseudo-random value in [0, n) of a row id and a salt. */
    private static Column draw(Column id, int salt, int n) {
        return pmod(xxhash64(id, lit(salt)), lit((long) n));
    }

    static DatasetWarehouse generate(SparkSession spark, int workers, int days, int patrolsPerDay) {
        DatasetWarehouse w = new DatasetWarehouse();
        int parts = Math.max(2, spark.sparkContext().defaultParallelism() * 2);
        Column first = lit(Date.valueOf(MONTH + "-01"));
        // grid i: 10 grids a community, 50 communities a street
        Column gridSuffix = format_string("%09d", col("w"));
        Dataset<Row> grids = spark.range(0, workers, 1, parts)
                .select(col("id").as("w"))
                .select(
                        col("w"),
                        concat(lit(District.CODE), gridSuffix).as("grid_code"),
                        concat(lit(District.CODE), format_string("%06d", floor(col("w").divide(10))))
                                .as("community_code"),
                        concat(lit(District.CODE), format_string("%03d", floor(col("w").divide(500))))
                                .as("street_code"),
                        concat(lit("W"), gridSuffix).as("worker_id"));
        grids = grids.cache();
        w.put(
                WarehouseSchema.DIM_GRID,
                fill(
                        grids.select(
                                col("grid_code"),
                                col("grid_code").as("grid_name"),
                                col("community_code"),
                                col("street_code"),
                                lit("POLYGON EMPTY").as("boundary_wkt")),
                        WarehouseSchema.DIM_GRID));
        w.put(
                WarehouseSchema.DIM_COMMUNITY,
                grids.select(
                                col("community_code"),
                                concat(lit("社区"), col("community_code")).as("community_name"),
                                col("street_code"))
                        .distinct());
        w.put(
                WarehouseSchema.DIM_STREET,
                grids.select(
                                col("street_code"),
                                concat(lit("街道"), col("street_code")).as("street_name"),
                                lit(District.CODE).as("district_code"),
                                lit(District.NAME).as("district_name"))
                        .distinct());
        List<Column> place = List.of(col("worker_id"), col("grid_code"), col("street_code"), col("community_code"));

        // one row per worker and day (and per patrol): worker = id / n, day = (id / k) % days
        Dataset<Row> workerDays = perWorker(spark, grids, (long) workers * days, days, parts);
        Column day = date_add(first, col("day").cast(DataTypes.IntegerType));
        Column id = col("id");
        w.put(
                GridWorkTables.DWD_GRID_ATTENDANCE,
                fill(
                        workerDays.select(cols(
                                place,
                                day.as("work_date"),
                                to_timestamp(concat(day.cast("string"), lit(" 08:00:00")))
                                        .as("check_in_time"),
                                when(draw(id, 1, 50).equalTo(0), lit(null))
                                        .otherwise(to_timestamp(concat(day.cast("string"), lit(" 17:30:00"))))
                                        .as("check_out_time"),
                                lit(36.68).as("check_in_lat"),
                                lit(117.07).as("check_in_lon"),
                                when(draw(id, 1, 50).equalTo(0), 1).otherwise(0).as("is_missing_checkout"),
                                lit(0).as("is_off_grid_checkin"))),
                        GridWorkTables.DWD_GRID_ATTENDANCE));
        if (patrolsPerDay > 0) {
            Dataset<Row> patrolRows = perWorker(
                            spark, grids, (long) workers * days * patrolsPerDay, days * patrolsPerDay, parts)
                    .withColumn("day", floor(col("day").divide(patrolsPerDay)));
            Column pday = date_add(first, col("day").cast(DataTypes.IntegerType));
            Column jump = draw(id, 2, 2000).equalTo(0);
            w.put(
                    GridWorkTables.DWD_GRID_PATROL,
                    fill(
                            patrolRows.select(cols(
                                    place,
                                    concat(lit("P"), id.cast("string")).as("patrol_id"),
                                    pday.as("patrol_date"),
                                    to_timestamp(concat(pday.cast("string"), lit(" 09:00:00")))
                                            .as("start_time"),
                                    to_timestamp(concat(pday.cast("string"), lit(" 10:00:00")))
                                            .as("end_time"),
                                    lit(60).as("duration_min"),
                                    draw(id, 3, 8000).plus(500).as("distance_m"),
                                    lit(5).as("point_count"),
                                    draw(id, 4, 1000).divide(1000.0).as("coverage_ratio"),
                                    when(jump, lit(240.0)).otherwise(lit(6.0)).as("max_speed_kmh"),
                                    when(jump, 1).otherwise(0).as("jump_count"),
                                    when(jump, 1).otherwise(0).as("is_fake_jump"))),
                            GridWorkTables.DWD_GRID_PATROL));
        }
        w.put(
                GridWorkTables.DWD_GRID_VISIT,
                fill(
                        workerDays.select(cols(
                                place,
                                concat(lit("V"), id.cast("string")).as("visit_id"),
                                day.as("visit_date"),
                                concat(lit("pk"), draw(id, 5, 1_000_000).cast("string"))
                                        .as("person_key"),
                                to_timestamp(concat(day.cast("string"), lit(" 14:00:00")))
                                        .as("visit_time"))),
                        GridWorkTables.DWD_GRID_VISIT));
        w.put(
                GridWorkTables.DWD_GRID_REPORT,
                fill(
                        workerDays
                                .filter(pmod(id, lit(2L)).equalTo(0))
                                .select(cols(
                                        place,
                                        concat(lit("R"), id.cast("string")).as("record_id"),
                                        day.as("record_date"),
                                        lit("C0101").as("category_code"),
                                        when(draw(id, 6, 5).equalTo(0), 1)
                                                .otherwise(0)
                                                .as("is_hidden_danger"),
                                        to_timestamp(concat(day.cast("string"), lit(" 11:00:00")))
                                                .as("record_time"))),
                        GridWorkTables.DWD_GRID_REPORT));
        String[] outcomes = {"RESOLVED", "RESOLVED", "PARTLY", "FAILED"};
        Column outcome = lit(outcomes[3]);
        for (int i = outcomes.length - 2; i >= 0; i--) {
            outcome = when(draw(id, 7, outcomes.length).equalTo(i), lit(outcomes[i]))
                    .otherwise(outcome);
        }
        w.put(
                GridWorkTables.DWD_GRID_MEDIATION,
                fill(
                        workerDays
                                .filter(pmod(id, lit(10L)).equalTo(0))
                                .select(cols(
                                        place,
                                        concat(lit("M"), id.cast("string")).as("mediation_id"),
                                        day.as("mediation_date"),
                                        lit("NEIGHBOUR").as("dispute_type"),
                                        outcome.as("outcome"),
                                        to_timestamp(concat(day.cast("string"), lit(" 15:00:00")))
                                                .as("mediation_time"))),
                        GridWorkTables.DWD_GRID_MEDIATION));
        Dataset<Row> caseRows = perWorker(spark, grids, (long) workers * 10, 10, parts);
        Column cday = date_add(first, draw(id, 8, days).cast(DataTypes.IntegerType));
        Column selfHandled = draw(id, 9, 3).equalTo(0);
        w.put(
                CaseTables.DWD_CASE,
                fill(
                        caseRows.select(cols(
                                List.of(col("grid_code"), col("community_code"), col("street_code")),
                                concat(lit("SJ"), id.cast("string")).as("case_id"),
                                cday.as("report_date"),
                                lit(MONTH).as("report_month"),
                                lit("case-service").as("origin"),
                                when(selfHandled, lit(null))
                                        .otherwise(concat(
                                                lit("D"), draw(id, 10, 30).cast("string")))
                                        .as("department_code"),
                                lit("CLOSED").as("status"),
                                to_timestamp(concat(cday.cast("string"), lit(" 09:00:00")))
                                        .as("reported_time"),
                                draw(id, 11, 4).equalTo(0).cast("int").as("rejected_cnt"),
                                lit(0).as("supervised_cnt"),
                                lit(5).as("event_cnt"),
                                when(selfHandled, 1).otherwise(0).as("is_self_handled"),
                                lit(0).as("is_dispute"),
                                when(draw(id, 12, 10).equalTo(0), 0)
                                        .otherwise(1)
                                        .as("is_closed"),
                                when(draw(id, 13, 8).equalTo(0), 1).otherwise(0).as("is_overdue"),
                                when(draw(id, 14, 3).equalTo(0), lit("SATISFIED"))
                                        .when(draw(id, 14, 3).equalTo(1), lit(null))
                                        .otherwise(lit("DISSATISFIED"))
                                        .as("satisfaction"),
                                lit(0).as("is_merged"),
                                to_timestamp(concat(cday.cast("string"), lit(" 18:00:00")))
                                        .as("last_event_time"))),
                        CaseTables.DWD_CASE));
        w.put(
                AssessmentTables.DIM_ASSESSMENT_RULE,
                spark.createDataFrame(rules(), SparkSchemas.of(AssessmentTables.DIM_ASSESSMENT_RULE)));
        w.put(
                AssessmentTables.DWD_MANUAL_SCORE,
                fill(
                        grids.filter(pmod(col("w"), lit(100L)).equalTo(0))
                                .select(
                                        concat(lit("MS"), col("worker_id")).as("score_id"),
                                        lit(MONTH).as("month"),
                                        lit("GRID_WORKER").as("level"),
                                        col("worker_id").as("subject_code"),
                                        lit(2.5).as("points"),
                                        lit("benchmark").as("reason"),
                                        lit("bench").as("scored_by"),
                                        lit(Timestamp.valueOf(MONTH + "-28 10:00:00"))
                                                .as("scored_at")),
                        AssessmentTables.DWD_MANUAL_SCORE));
        grids.unpersist();
        return w;
    }

    /** Rows 0..n−1 with their worker's place: worker = id / perWorker, day = id % perWorker. */
    private static Dataset<Row> perWorker(SparkSession spark, Dataset<Row> grids, long n, int perWorker, int parts) {
        Dataset<Row> ids = spark.range(0, n, 1, parts)
                .select(
                        col("id"),
                        floor(col("id").divide(perWorker)).as("w"),
                        pmod(col("id"), lit((long) perWorker)).as("day"));
        return ids.join(org.apache.spark.sql.functions.broadcast(grids), "w");
    }

    private static Column[] cols(List<Column> first, Column... more) {
        List<Column> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all.toArray(new Column[0]);
    }

    /** The table's columns the generator does not set, as NULL. */
    private static Dataset<Row> fill(Dataset<Row> rows, Table t) {
        Dataset<Row> out = rows;
        List<String> have = List.of(rows.columns());
        for (org.gridgov.warehouse.Column c : t.columns()) {
            if (!have.contains(c.name())) {
                out = out.withColumn(c.name(), lit(null).cast(SparkSchemas.type(c.type())));
            }
        }
        return out;
    }

    /** Version 1 of every level, the district's, from 2025-01-01. */
    static List<Row> rules() {
        List<Row> out = new ArrayList<>();
        Date from = Date.valueOf(LocalDate.of(2025, 1, 1));
        Object[][] worker = {
            {"EVENTS_REPORTED", 10.0, 15.0, "RATIO_TO_TARGET"}, {"EVENTS_HANDLED", 10.0, 4.0, "RATIO_TO_TARGET"},
            {"HIDDEN_DANGERS", 5.0, 3.0, "RATIO_TO_TARGET"}, {"SATISFACTION", 10.0, 0.9, "RATIO_TO_TARGET"},
            {"ATTENDANCE", 15.0, 0.95, "THRESHOLD"}, {"PATROL_DISTANCE_KM", 10.0, 200.0, "RATIO_TO_TARGET"},
            {"PATROL_COVERAGE", 10.0, 0.6, "RATIO_TO_TARGET"}, {"VISITS", 10.0, 25.0, "RATIO_TO_TARGET"},
            {"MEDIATIONS", 5.0, 1.0, "THRESHOLD"}, {"OVERDUE_COUNT", 10.0, 3.0, "INVERSE_COUNT"},
            {"REJECT_COUNT", 5.0, 4.0, "INVERSE_COUNT"}
        };
        for (String level : List.of("GRID_WORKER", "COMMUNITY", "STREET")) {
            for (Object[] r : worker) {
                out.add(RowFactory.create(
                        1,
                        level,
                        District.CODE,
                        r[0],
                        from,
                        null,
                        AssessmentAdsTables.ITEMS.get((String) r[0]),
                        r[1],
                        r[2],
                        r[3],
                        "bench"));
            }
        }
        out.add(RowFactory.create(
                1,
                "DEPARTMENT",
                District.CODE,
                "EVENTS_HANDLED",
                from,
                null,
                "办结数",
                40.0,
                200.0,
                "RATIO_TO_TARGET",
                "bench"));
        out.add(RowFactory.create(
                1,
                "DEPARTMENT",
                District.CODE,
                "SATISFACTION",
                from,
                null,
                "满意率",
                30.0,
                0.9,
                "RATIO_TO_TARGET",
                "bench"));
        out.add(RowFactory.create(
                1,
                "DEPARTMENT",
                District.CODE,
                "OVERDUE_COUNT",
                from,
                null,
                "超期数",
                30.0,
                50.0,
                "INVERSE_COUNT",
                "bench"));
        return out;
    }
}
