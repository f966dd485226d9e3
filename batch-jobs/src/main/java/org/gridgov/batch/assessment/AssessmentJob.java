package org.gridgov.batch.assessment;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.gridgov.batch.StatMonth;
import org.gridgov.batch.cases.ResponseRateJob;
import org.gridgov.batch.warehouse.SparkSchemas;
import org.gridgov.batch.warehouse.WarehouseIo;
import org.gridgov.batch.warehouse.Writes;
import org.gridgov.common.district.District;
import org.gridgov.warehouse.AssessmentAdsTables;
import org.gridgov.warehouse.AssessmentTables;
import org.gridgov.warehouse.CaseTables;
import org.gridgov.warehouse.GridWorkTables;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.WarehouseSchema;

/**
 * 监督考核 scored from data (issue 16 part 4): for a month, every grid worker's raw value of each assessment item,
 * the points the rule version in force for the worker's street gives it (the street's own, else the district's), the
 * leaders' manual points, the total and the rank, and the anomaly flags; then the same per community, street (from their workers) and department (from the cases it handled).
 * Reads {@code dwd_grid_attendance/patrol/visit/mediation/report}, {@code dwd_case}, {@code dim_assessment_rule},
 * {@code dwd_manual_score} and the district's dimensions; writes {@code ads_grid_worker_assessment} and {@code
 * ads_unit_assessment}, upserted by month (a re-run replaces the month's rows).
 *
 * <p>Who is assessed: one worker per grid of {@code dim_grid}, worker id {@code W} + the grid code without the
 * district prefix (the simulator's and the loader's rule), so a worker with no record at all is assessed too (and
 * scores nothing). Records of a worker id that is no grid's are left out and counted ({@link Result#strayWorkers}).
 * A worker's cases are the {@code dwd_case} rows of their grid reported in the month.
 *
 * <p>Each item is a numerator over a denominator per worker (a count over 1, satisfied over visited cases, days
 * checked in over working days, summed coverage over patrols), so a community's or street's raw value is its
 * workers' numerators over their denominators: counts become per-worker means, rates pool their cases, patrols or
 * days. Working days are Monday to Friday (public holidays are not modelled, as in the simulator).
 */
public final class AssessmentJob {

    public static final Table WORKERS = AssessmentAdsTables.ADS_GRID_WORKER_ASSESSMENT;
    public static final Table UNITS = AssessmentAdsTables.ADS_UNIT_ASSESSMENT;
    public static final Table RULES = AssessmentTables.DIM_ASSESSMENT_RULE;
    public static final Table MANUAL = AssessmentTables.DWD_MANUAL_SCORE;
    /** The item codes, in the ADS tables' column order. */
    public static final List<String> ITEMS = List.copyOf(AssessmentAdsTables.ITEMS.keySet());
    /** Items whose raw value is missing, not 0, when there is nothing to judge (a rate without any 回访). */
    static final Set<String> NULL_WHEN_EMPTY = Set.of("SATISFACTION");
    /** Items a department has: it handles cases, it has no workers. */
    static final Set<String> DEPARTMENT_ITEMS =
            Set.of("EVENTS_HANDLED", "SATISFACTION", "OVERDUE_COUNT", "REJECT_COUNT");
    /** dwd_mediation outcome that counts as a mediation. */
    public static final String RESOLVED = "RESOLVED";

    private static final DataType POINTS_TYPE = DataTypes.createDecimalType(7, 2);
    /** One definition of the scoring methods, in plain Java ({@link ScoringMethod}), tested alone. */
    private static final UserDefinedFunction POINTS = udf(
                    (UDF4<String, Double, Double, Double, BigDecimal>) (method, weight, target, raw) ->
                            ScoringMethod.valueOf(method).points(weight, target, raw),
                    POINTS_TYPE)
            .withName("assessment_points");

    private final WarehouseIo io;
    private final Clock clock;

    public AssessmentJob(WarehouseIo io, Clock clock) {
        this.io = Objects.requireNonNull(io, "io");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * What a run wrote: rows per table, workers flagged with an anomaly, worker ids with records that are no grid's
     * worker (left out), and item codes the rules name that this job does not compute (not scored).
     */
    public record Result(
            long workerRows, long unitRows, long flaggedWorkers, long strayWorkers, Set<String> unknownRuleItems) {}

    /** The month's records, read with their date partitions pushed down. */
    public record MonthInputs(
            Dataset<Row> attendance,
            Dataset<Row> patrols,
            Dataset<Row> visits,
            Dataset<Row> mediations,
            Dataset<Row> reports,
            Dataset<Row> cases) {

        public static MonthInputs read(SparkSession spark, WarehouseIo io, String month) {
            return new MonthInputs(
                    inMonth(io.read(spark, GridWorkTables.DWD_GRID_ATTENDANCE), "work_date", month),
                    inMonth(io.read(spark, GridWorkTables.DWD_GRID_PATROL), "patrol_date", month),
                    inMonth(io.read(spark, GridWorkTables.DWD_GRID_VISIT), "visit_date", month),
                    inMonth(io.read(spark, GridWorkTables.DWD_GRID_MEDIATION), "mediation_date", month),
                    inMonth(io.read(spark, GridWorkTables.DWD_GRID_REPORT), "record_date", month),
                    io.read(spark, CaseTables.DWD_CASE)
                            .filter(col("report_month").equalTo(month)));
        }

        private static Dataset<Row> inMonth(Dataset<Row> rows, String dateColumn, String month) {
            return rows.filter(col(dateColumn)
                    .geq(lit(Date.valueOf(StatMonth.start(month).toLocalDate())))
                    .and(col(dateColumn)
                            .lt(lit(Date.valueOf(StatMonth.end(month).toLocalDate())))));
        }
    }

    public Result run(SparkSession spark, List<String> months) {
        months.forEach(StatMonth::require);
        Timestamp computedAt = Writes.computedAt(clock);
        AssessmentRules rules = rules(io.read(spark, RULES).collectAsList());
        Dataset<Row> roster = roster(
                        io.read(spark, WarehouseSchema.DIM_GRID),
                        io.read(spark, WarehouseSchema.DIM_COMMUNITY),
                        io.read(spark, WarehouseSchema.DIM_STREET))
                .cache();
        long workerRows = 0;
        long unitRows = 0;
        long flagged = 0;
        long strays = 0;
        try {
            for (String month : months) {
                MonthInputs in = MonthInputs.read(spark, io, month);
                Dataset<Row> activity = activity(in).cache();
                Dataset<Row> cases = in.cases().cache();
                try {
                    Dataset<Row> components =
                            components(month, roster, activity, cases).cache();
                    try {
                        Dataset<Row> manual =
                                io.read(spark, MANUAL).filter(col("month").equalTo(month));
                        Dataset<Row> workers = workers(month, components, rules, manual, computedAt);
                        workerRows += Writes.upsert(workers, WORKERS, io);
                        Dataset<Row> units = units(month, components, cases, rules, manual, computedAt);
                        unitRows += Writes.upsert(units, UNITS, io);
                        flagged += components
                                .filter(col("anomaly_flags").isNotNull())
                                .count();
                        strays += activity.join(
                                        roster, activity.col("worker_id").equalTo(roster.col("worker_id")), "left_anti")
                                .count();
                    } finally {
                        components.unpersist();
                    }
                } finally {
                    activity.unpersist();
                    cases.unpersist();
                }
            }
        } finally {
            roster.unpersist();
        }
        return new Result(workerRows, unitRows, flagged, strays, rules.unknownItems());
    }

    /** The rules table's rows as {@link AssessmentRules} (an unknown level or method fails the run, naming it). */
    public static AssessmentRules rules(List<Row> rows) {
        List<AssessmentRules.Rule> out = new ArrayList<>();
        for (Row r : rows) {
            Date validTo = r.getAs("valid_to");
            out.add(AssessmentRules.rule(
                    r.<Integer>getAs("rule_version"),
                    r.getAs("level"),
                    r.getAs("scope_code"),
                    r.getAs("item_code"),
                    r.<Date>getAs("valid_from").toLocalDate(),
                    validTo == null ? null : validTo.toLocalDate(),
                    r.<Double>getAs("weight"),
                    r.<Double>getAs("target"),
                    r.getAs("method")));
        }
        return new AssessmentRules(out, Set.copyOf(ITEMS));
    }

    /** One worker per grid: worker id, grid, community and street with their names. */
    public static Dataset<Row> roster(Dataset<Row> grids, Dataset<Row> communities, Dataset<Row> streets) {
        return grids.select(
                        concat(lit("W"), substring(col("grid_code"), District.CODE.length() + 1, Integer.MAX_VALUE))
                                .as("worker_id"),
                        col("grid_code"),
                        col("community_code"),
                        col("street_code"))
                .join(
                        communities.select(col("community_code"), col("community_name")),
                        new String[] {"community_code"},
                        "left")
                .join(streets.select(col("street_code"), col("street_name")), new String[] {"street_code"}, "left")
                .select(
                        col("worker_id"),
                        col("grid_code"),
                        col("community_code"),
                        coalesce(col("community_name"), col("community_code")).as("community_name"),
                        col("street_code"),
                        coalesce(col("street_name"), col("street_code")).as("street_name"));
    }

    /** The activity columns, each summed per worker over the month's records; a source fills its own, 0 elsewhere. */
    static final List<String> ACTIVITY = List.of(
            "reports",
            "hidden",
            "checkin_days",
            "missing_checkouts",
            "patrols",
            "distance_m",
            "coverage_sum",
            "low_coverage_patrols",
            "fake_jumps",
            "visits",
            "mediations_resolved");

    /** Per worker id with any record in the month: the {@link #ACTIVITY} sums (one shuffle over every source). */
    public static Dataset<Row> activity(MonthInputs in) {
        Dataset<Row> u = project(in.reports(), Map.of("reports", lit(1), "hidden", col("is_hidden_danger")))
                .unionByName(project(
                        in.attendance(),
                        Map.of("checkin_days", lit(1), "missing_checkouts", col("is_missing_checkout"))))
                .unionByName(project(
                        in.patrols(),
                        Map.of(
                                "patrols",
                                lit(1),
                                "distance_m",
                                col("distance_m"),
                                "coverage_sum",
                                col("coverage_ratio"),
                                "low_coverage_patrols",
                                when(col("coverage_ratio").lt(AnomalyKind.LOW_COVERAGE), 1)
                                        .otherwise(0),
                                "fake_jumps",
                                col("is_fake_jump"))))
                .unionByName(project(in.visits(), Map.of("visits", lit(1))))
                .unionByName(project(
                        in.mediations(),
                        Map.of(
                                "mediations_resolved",
                                when(col("outcome").equalTo(RESOLVED), 1).otherwise(0))));
        List<Column> sums = new ArrayList<>();
        for (String a : ACTIVITY) {
            sums.add(sum(col(a)).as(a));
        }
        return u.groupBy("worker_id")
                .agg(sums.get(0), sums.subList(1, sums.size()).toArray(new Column[0]));
    }

    private static Dataset<Row> project(Dataset<Row> rows, Map<String, Column> values) {
        List<Column> cols = new ArrayList<>();
        cols.add(col("worker_id"));
        for (String a : ACTIVITY) {
            Column v = values.get(a);
            cols.add((v == null ? lit(0.0) : v.cast(DataTypes.DoubleType)).as(a));
        }
        return rows.select(cols.toArray(new Column[0]));
    }

    /**
     * Case figures per {@code key} column of dwd_case (grid or department): handled (closed, and for a grid
     * self-handled), 回访 and satisfied, overdue, 驳回 count.
     */
    static Dataset<Row> caseFigures(Dataset<Row> cases, String key, boolean selfHandledOnly) {
        Column closed = col("is_closed").cast(DataTypes.IntegerType).equalTo(1);
        Column handled = selfHandledOnly
                ? closed.and(col("is_self_handled").cast(DataTypes.IntegerType).equalTo(1))
                : closed;
        return cases.filter(col(key).isNotNull())
                .groupBy(col(key))
                .agg(
                        sum(when(handled, 1.0).otherwise(0.0)).as("handled"),
                        sum(when(col("satisfaction").isNotNull(), 1.0).otherwise(0.0))
                                .as("visited_cases"),
                        sum(when(col("satisfaction").isin(ResponseRateJob.SATISFIED.toArray()), 1.0)
                                        .otherwise(0.0))
                                .as("satisfied"),
                        sum(when(col("is_overdue").cast(DataTypes.IntegerType).equalTo(1), 1.0)
                                        .otherwise(0.0))
                                .as("overdue"),
                        sum(col("rejected_cnt").cast(DataTypes.DoubleType)).as("rejects"));
    }

    /**
     * Per worker of the roster: each item's numerator and denominator ({@code <item>_num}, {@code <item>_den}), the
     * anomaly flags and the flag as a count (1/0).
     */
    public static Dataset<Row> components(
            String month, Dataset<Row> roster, Dataset<Row> activity, Dataset<Row> cases) {
        Dataset<Row> caseByGrid = caseFigures(cases, "grid_code", true);
        Dataset<Row> j = roster.join(activity, new String[] {"worker_id"}, "left")
                .join(caseByGrid, new String[] {"grid_code"}, "left");
        Map<String, Column[]> parts = new LinkedHashMap<>();
        Column one = lit(1.0);
        parts.put("EVENTS_REPORTED", new Column[] {z("reports"), one});
        parts.put("EVENTS_HANDLED", new Column[] {z("handled"), one});
        parts.put("HIDDEN_DANGERS", new Column[] {z("hidden"), one});
        parts.put("SATISFACTION", new Column[] {z("satisfied"), z("visited_cases")});
        parts.put("ATTENDANCE", new Column[] {z("checkin_days"), lit((double) StatMonth.workingDays(month))});
        parts.put("PATROL_DISTANCE_KM", new Column[] {z("distance_m").divide(1000.0), one});
        parts.put("PATROL_COVERAGE", new Column[] {z("coverage_sum"), z("patrols")});
        parts.put("VISITS", new Column[] {z("visits"), one});
        parts.put("MEDIATIONS", new Column[] {z("mediations_resolved"), one});
        parts.put("OVERDUE_COUNT", new Column[] {z("overdue"), one});
        parts.put("REJECT_COUNT", new Column[] {z("rejects"), one});
        if (!parts.keySet().equals(new java.util.LinkedHashSet<>(ITEMS))) {
            throw new IllegalStateException("items computed " + parts.keySet() + " are not the table's " + ITEMS);
        }
        Column stays = z("patrols").gt(0).and(z("low_coverage_patrols").equalTo(z("patrols")));
        Column jumps = z("fake_jumps").gt(0);
        Column missing = z("missing_checkouts").geq(AnomalyKind.MISSING_CHECKOUT_DAYS);
        Column flags = concat_ws(
                ",",
                when(stays, lit(AnomalyKind.STAYS_IN_ONE_PLACE.name())),
                when(jumps, lit(AnomalyKind.FAKE_PATROL_JUMP.name())),
                when(missing, lit(AnomalyKind.MISSING_CHECKOUT.name())));
        List<Column> out = new ArrayList<>(List.of(
                col("worker_id"),
                col("grid_code"),
                col("community_code"),
                col("community_name"),
                col("street_code"),
                col("street_name")));
        parts.forEach((item, nd) -> {
            out.add(nd[0].cast(DataTypes.DoubleType).as(num(item)));
            out.add(nd[1].cast(DataTypes.DoubleType).as(den(item)));
        });
        out.add(when(flags.equalTo(""), lit(null).cast(DataTypes.StringType))
                .otherwise(flags)
                .as("anomaly_flags"));
        out.add(when(flags.equalTo(""), 0).otherwise(1).as("flagged"));
        return j.select(out.toArray(new Column[0]));
    }

    private static Column z(String c) {
        return coalesce(col(c), lit(0.0));
    }

    static String num(String item) {
        return item.toLowerCase(Locale.ROOT) + "_num";
    }

    static String den(String item) {
        return item.toLowerCase(Locale.ROOT) + "_den";
    }

    /** {@code ads_grid_worker_assessment}'s rows of the month. */
    public static Dataset<Row> workers(
            String month, Dataset<Row> components, AssessmentRules rules, Dataset<Row> manual, Timestamp computedAt) {
        Dataset<Row> scored = score(
                components.withColumnRenamed("worker_id", "subject"),
                month,
                AssessmentLevel.GRID_WORKER,
                rules,
                manual,
                Window.orderBy(col("total_score").desc()));
        List<Column> out = new ArrayList<>();
        out.add(lit(month).as("month"));
        out.add(col("subject").as("worker_id"));
        for (String c : List.of(
                "grid_code",
                "community_code",
                "community_name",
                "street_code",
                "street_name",
                "total_score",
                "rank",
                "rule_version",
                "rule_scope")) {
            out.add(col(c));
        }
        itemColumns(out);
        out.add(col("manual_points"));
        out.add(col("anomaly_flags"));
        out.add(lit(computedAt).as("updated_at"));
        return SparkSchemas.conform(scored.select(out.toArray(new Column[0])), WORKERS);
    }

    /** {@code ads_unit_assessment}'s rows of the month: communities, streets (from their workers), departments. */
    public static Dataset<Row> units(
            String month,
            Dataset<Row> components,
            Dataset<Row> cases,
            AssessmentRules rules,
            Dataset<Row> manual,
            Timestamp computedAt) {
        Dataset<Row> communities = pooled(components, "community_code", "community_name");
        Dataset<Row> streets = pooled(components, "street_code", "street_name");
        Dataset<Row> departments = departments(cases);
        Dataset<Row> out = null;
        for (Map.Entry<AssessmentLevel, Dataset<Row>> e : Map.of(
                        AssessmentLevel.COMMUNITY,
                        communities,
                        AssessmentLevel.STREET,
                        streets,
                        AssessmentLevel.DEPARTMENT,
                        departments)
                .entrySet()) {
            Dataset<Row> scored = score(
                    e.getValue(),
                    month,
                    e.getKey(),
                    rules,
                    manual,
                    Window.orderBy(col("total_score").desc()));
            List<Column> cols = new ArrayList<>();
            cols.add(lit(month).as("month"));
            cols.add(lit(e.getKey().name()).as("level"));
            cols.add(col("subject").as("unit_code"));
            for (String c : List.of(
                    "unit_name",
                    "street_code",
                    "street_name",
                    "worker_cnt",
                    "total_score",
                    "rank",
                    "rule_version",
                    "rule_scope")) {
                cols.add(col(c));
            }
            itemColumns(cols);
            cols.add(col("manual_points"));
            cols.add(col("flagged_worker_cnt"));
            cols.add(lit(computedAt).as("updated_at"));
            Dataset<Row> level = SparkSchemas.conform(scored.select(cols.toArray(new Column[0])), UNITS);
            out = out == null ? level : out.unionByName(level);
        }
        return out;
    }

    /** A community's or street's workers added up: numerators and denominators summed, workers and flags counted. */
    static Dataset<Row> pooled(Dataset<Row> components, String codeColumn, String nameColumn) {
        List<Column> aggs = new ArrayList<>();
        for (String item : ITEMS) {
            aggs.add(sum(col(num(item))).as(num(item)));
            aggs.add(sum(col(den(item))).as(den(item)));
        }
        aggs.add(sum(col("flagged")).cast(DataTypes.IntegerType).as("flagged_worker_cnt"));
        // a community belongs to one street; a street is its own street
        aggs.add(org.apache.spark.sql.functions.first(col("street_code")).as("parent_street_code"));
        aggs.add(org.apache.spark.sql.functions.first(col("street_name")).as("parent_street_name"));
        return components
                .groupBy(col(codeColumn).as("subject"), col(nameColumn).as("unit_name"))
                .agg(count(lit(1)).cast(DataTypes.IntegerType).as("worker_cnt"), aggs.toArray(new Column[0]))
                .withColumnRenamed("parent_street_code", "street_code")
                .withColumnRenamed("parent_street_name", "street_name");
    }

    /** Departments from the month's cases they handled: only {@link #DEPARTMENT_ITEMS} have values. */
    static Dataset<Row> departments(Dataset<Row> cases) {
        Dataset<Row> f = caseFigures(cases, "department_code", false);
        Map<String, Column[]> parts = Map.of(
                "EVENTS_HANDLED", new Column[] {col("handled"), lit(1.0)},
                "SATISFACTION", new Column[] {col("satisfied"), col("visited_cases")},
                "OVERDUE_COUNT", new Column[] {col("overdue"), lit(1.0)},
                "REJECT_COUNT", new Column[] {col("rejects"), lit(1.0)});
        List<Column> cols = new ArrayList<>(List.of(
                col("department_code").as("subject"),
                col("department_code").as("unit_name"),
                lit(null).cast(DataTypes.StringType).as("street_code"),
                lit(null).cast(DataTypes.StringType).as("street_name"),
                lit(null).cast(DataTypes.IntegerType).as("worker_cnt"),
                lit(null).cast(DataTypes.IntegerType).as("flagged_worker_cnt")));
        for (String item : ITEMS) {
            Column[] nd = parts.get(item);
            cols.add((nd == null ? lit(null) : nd[0]).cast(DataTypes.DoubleType).as(num(item)));
            cols.add((nd == null ? lit(null) : nd[1]).cast(DataTypes.DoubleType).as(den(item)));
        }
        return f.select(cols.toArray(new Column[0]));
    }

    /**
     * Raw values, points by the rule set of the month for the row's street ({@code street_code}: the street's own
     * set where it has one in force, else the district's), manual points (keyed by {@code subject}), total and rank
     * (over the whole level, whichever scope's rules scored a row), the rule version and its scope, on rows holding
     * each item's numerator and denominator. The streets' sets become one CASE on {@code street_code} per column (a
     * district has a dozen streets), so no row is joined or shuffled for them.
     */
    static Dataset<Row> score(
            Dataset<Row> rows,
            String month,
            AssessmentLevel level,
            AssessmentRules rules,
            Dataset<Row> manual,
            org.apache.spark.sql.expressions.WindowSpec ranking) {
        Optional<AssessmentRules.RuleSet> ruleSet = rules.forMonth(level, month);
        Map<String, AssessmentRules.RuleSet> streetSets = rules.streetSets(level, month);
        Dataset<Row> m = manual.filter(col("level").equalTo(level.name()))
                .groupBy(col("subject_code").as("subject"))
                .agg(sum(col("points")).as("manual_sum"));
        Dataset<Row> r = rows.join(m, new String[] {"subject"}, "left");
        Column total = coalesce(col("manual_sum"), lit(0.0)).cast(POINTS_TYPE);
        for (String item : ITEMS) {
            Column n = col(num(item));
            Column d = col(den(item));
            Column raw = when(n.isNull(), lit(null).cast(DataTypes.DoubleType))
                    .when(d.gt(0), n.divide(d))
                    .otherwise(NULL_WHEN_EMPTY.contains(item) ? lit(null).cast(DataTypes.DoubleType) : lit(0.0));
            Column points = points(ruleSet.map(s -> s.items().get(item)).orElse(null), raw);
            points = byStreet(streetSets, set -> points(set.items().get(item), raw), points);
            r = r.withColumn(AssessmentAdsTables.rawColumn(item), raw)
                    .withColumn(AssessmentAdsTables.pointsColumn(item), points);
            total = total.plus(coalesce(col(AssessmentAdsTables.pointsColumn(item)), lit(BigDecimal.ZERO)));
        }
        return r.withColumn(
                        "manual_points", coalesce(col("manual_sum"), lit(0.0)).cast(POINTS_TYPE))
                .withColumn("total_score", total.cast(POINTS_TYPE))
                .withColumn("rank", rank().over(ranking))
                .withColumn(
                        "rule_version",
                        byStreet(
                                        streetSets,
                                        set -> lit(set.version()),
                                        ruleSet.map(s -> lit(s.version())).orElse(lit(null)))
                                .cast(DataTypes.IntegerType))
                .withColumn(
                        "rule_scope",
                        byStreet(
                                        streetSets,
                                        set -> lit(set.scope()),
                                        ruleSet.map(s -> lit(s.scope())).orElse(lit(null)))
                                .cast(DataTypes.StringType));
    }

    /** An item's points by one rule (NULL without one). */
    private static Column points(AssessmentRules.Rule rule, Column raw) {
        return rule == null
                ? lit(null).cast(POINTS_TYPE)
                : POINTS.apply(lit(rule.method().name()), lit(rule.weight()), lit(rule.target()), raw);
    }

    /** {@code perStreet} of the row's street where it has its own rule set, else {@code district}. */
    private static Column byStreet(
            Map<String, AssessmentRules.RuleSet> streetSets,
            java.util.function.Function<AssessmentRules.RuleSet, Column> perStreet,
            Column district) {
        Column chain = null;
        for (Map.Entry<String, AssessmentRules.RuleSet> e : streetSets.entrySet()) {
            Column here = col("street_code").equalTo(e.getKey());
            chain = chain == null
                    ? when(here, perStreet.apply(e.getValue()))
                    : chain.when(here, perStreet.apply(e.getValue()));
        }
        return chain == null ? district : chain.otherwise(district);
    }

    private static void itemColumns(List<Column> out) {
        for (String item : ITEMS) {
            out.add(col(AssessmentAdsTables.rawColumn(item)));
            out.add(col(AssessmentAdsTables.pointsColumn(item)));
        }
    }

    public static String summary(Result r) {
        return String.format(
                Locale.ROOT,
                "assessment %d workers (%d flagged), %d units%s%s",
                r.workerRows(),
                r.flaggedWorkers(),
                r.unitRows(),
                r.strayWorkers() > 0 ? ", " + r.strayWorkers() + " worker ids with records but no grid left out" : "",
                r.unknownRuleItems().isEmpty() ? "" : ", rule items not computed " + r.unknownRuleItems());
    }
}
