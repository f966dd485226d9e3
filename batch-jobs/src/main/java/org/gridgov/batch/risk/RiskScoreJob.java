package org.gridgov.batch.risk;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.bit_count;
import static org.apache.spark.sql.functions.bit_or;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.spark_partition_id;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.gridgov.batch.StatMonth;
import org.gridgov.batch.arrears.ArrearsKeyCaseJob;
import org.gridgov.batch.arrears.ArrearsRules;
import org.gridgov.batch.petition.GroupPetitions;
import org.gridgov.batch.spark.SparkColumns;
import org.gridgov.batch.warehouse.SparkSchemas;
import org.gridgov.batch.warehouse.WarehouseIo;
import org.gridgov.warehouse.AnalyticsTables;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.WarehouseSchema;

/**
 * Person risk scores as of the end of a month: {@code ods_petition}, {@code ods_hotline_case},
 * {@code ods_police_incident}, {@code ods_arrears_case} → {@code ads_person_risk_month}.
 *
 * <p>Persons are the salted keys of the sources (person_key, caller_key, complainant_key), which link a person across
 * sources without any clear ID. Only events of the {@code lookbackDays} before the month's end count. Features are
 * built from one union of all events and one aggregation per person (one shuffle for ten million events); the score
 * is {@link RiskModel}'s sum of capped points, with the three largest contributions stored as text beside it.
 * {@link #scores} is the whole computation of a month, which the job and {@code gridgov bench analytics} both run.
 */
public final class RiskScoreJob {

    public static final Table TARGET = AnalyticsTables.ADS_PERSON_RISK_MONTH;
    static final int TOP_FACTORS = 3;
    /** 警情 types counted as conflict: 纠纷, 打架斗殴, 讨薪. */
    static final List<String> CONFLICT_TYPES = List.of("DISPUTE", "FIGHT", "WAGE");

    /** Persons scored over every month computed, and how many of them per level. */
    public record Result(long persons, Map<String, Long> byLevel) {}

    /**
     * The ads_person_risk_month rows of a month and how many persons they score. The rows read data persisted while
     * ranking; {@link #close} releases it, so read the rows (write, count) before closing.
     */
    public static final class Scores implements AutoCloseable {
        private final Dataset<Row> rows;
        private final long persons;
        private final List<Dataset<Row>> persisted;

        Scores(Dataset<Row> rows, long persons, List<Dataset<Row>> persisted) {
            this.rows = rows;
            this.persons = persons;
            this.persisted = List.copyOf(persisted);
        }

        public Dataset<Row> rows() {
            return rows;
        }

        public long persons() {
            return persons;
        }

        @Override
        public void close() {
            persisted.forEach(Dataset::unpersist);
        }
    }

    private final WarehouseIo io;
    private final Clock clock;
    private final RiskModel model;
    private final ArrearsRules arrearsRules;
    private final LevelCalibration calibration;

    /** With the default level calibration ({@link LevelCalibration#defaults}). */
    public RiskScoreJob(WarehouseIo io, Clock clock, RiskModel model, ArrearsRules arrearsRules) {
        this(io, clock, model, arrearsRules, LevelCalibration.defaults());
    }

    public RiskScoreJob(
            WarehouseIo io, Clock clock, RiskModel model, ArrearsRules arrearsRules, LevelCalibration calibration) {
        this.io = Objects.requireNonNull(io, "io");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.model = Objects.requireNonNull(model, "model");
        this.arrearsRules = Objects.requireNonNull(arrearsRules, "arrearsRules");
        this.calibration = Objects.requireNonNull(calibration, "calibration");
    }

    public Result run(SparkSession spark, List<String> months) {
        Timestamp computedAt = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        long persons = 0;
        Map<String, Long> byLevel = new LinkedHashMap<>();
        for (String level : List.of(RiskModel.RED, RiskModel.ORANGE, RiskModel.YELLOW, RiskModel.BLUE)) {
            byLevel.put(level, 0L);
        }
        for (String month : months) {
            LocalDateTime asOf = StatMonth.end(month);
            java.sql.Date from = java.sql.Date.valueOf(asOf.toLocalDate().minusDays(model.lookbackDays() + 1L));
            java.sql.Date to = java.sql.Date.valueOf(asOf.toLocalDate());
            Dataset<Row> petitions = io.read(spark, WarehouseSchema.ODS_PETITION)
                    .filter(col("petition_date")
                            .geq(lit(from))
                            .and(col("petition_date").lt(lit(to))));
            Dataset<Row> hotline = io.read(spark, WarehouseSchema.ODS_HOTLINE_CASE)
                    .filter(col("accept_date")
                            .geq(lit(from))
                            .and(col("accept_date").lt(lit(to))));
            Dataset<Row> police = io.read(spark, WarehouseSchema.ODS_POLICE_INCIDENT)
                    .filter(col("report_date")
                            .geq(lit(from))
                            .and(col("report_date").lt(lit(to))));
            Dataset<Row> arrears = io.read(spark, WarehouseSchema.ODS_ARREARS_CASE)
                    .filter(col("report_date")
                            .geq(lit(from))
                            .and(col("report_date").lt(lit(to))));

            try (Scores scores = scores(
                    petitions, hotline, police, arrears, asOf, model, arrearsRules, calibration, month, computedAt)) {
                io.upsert(scores.rows(), TARGET);
                for (Row r : scores.rows().groupBy("risk_level").count().collectAsList()) {
                    byLevel.merge(r.getString(0), r.getLong(1), Long::sum);
                    persons += r.getLong(1);
                }
            }
        }
        return new Result(persons, byLevel);
    }

    /**
     * A month's ads_person_risk_month rows from the four sources as of {@code asOf}: group petitions flagged
     * ({@link GroupPetitions#flag}), key arrears cases ({@link ArrearsKeyCaseJob#flag}), {@link #events},
     * {@link #features}, then {@link #score}. Runs the Spark jobs the ranking needs before it returns; the rows are
     * computed when read. The flagged petitions are persisted because the arrears flags and the events read them.
     */
    public static Scores scores(
            Dataset<Row> petitions,
            Dataset<Row> hotline,
            Dataset<Row> police,
            Dataset<Row> arrears,
            LocalDateTime asOf,
            RiskModel model,
            ArrearsRules arrearsRules,
            LevelCalibration calibration,
            String month,
            Timestamp computedAt) {
        List<Dataset<Row>> persisted = new ArrayList<>();
        try {
            Dataset<Row> flagged =
                    keep(persisted, GroupPetitions.flag(petitions, model.groupWindowHours(), model.groupMinPersons()));
            Dataset<Row> keyArrears = ArrearsKeyCaseJob.flag(arrears, flagged, asOf, arrearsRules);
            return score(
                    features(events(flagged, hotline, police, keyArrears, asOf, model)),
                    model,
                    calibration,
                    month,
                    computedAt,
                    persisted);
        } catch (RuntimeException e) {
            persisted.forEach(Dataset::unpersist);
            throw e;
        }
    }

    private static Dataset<Row> keep(List<Dataset<Row>> persisted, Dataset<Row> rows) {
        Dataset<Row> kept = rows.persist(StorageLevel.MEMORY_AND_DISK());
        persisted.add(kept);
        return kept;
    }

    private static Column inWindow(Column time, LocalDateTime from, LocalDateTime until) {
        return SparkColumns.atOrAfter(time, from).and(SparkColumns.before(time, until));
    }

    /** Columns of {@link #events}, in order. */
    static final List<String> EVENT_COLUMNS = List.of(
            "person_key",
            "t",
            "name_masked",
            "id_masked",
            "pet",
            "pet_cat",
            "pet_recent",
            "pet_group",
            "hot",
            "hot_cat",
            "pol",
            "pol_conflict",
            "arr",
            "arr_key");

    private static Column one(boolean on) {
        return lit(on ? 1 : 0);
    }

    private static Column noString() {
        return lit(null).cast(DataTypes.StringType);
    }

    /**
     * One row per event of a person in [{@code asOf − lookbackDays}, {@code asOf}): petitions (with in_group from
     * {@link GroupPetitions#flag}), 12345 cases with a caller key, police incidents with a person key, arrears cases
     * (with is_key from {@link ArrearsKeyCaseJob#flag}). Indicator columns say what the event counts towards.
     */
    public static Dataset<Row> events(
            Dataset<Row> petitions,
            Dataset<Row> hotline,
            Dataset<Row> police,
            Dataset<Row> arrears,
            LocalDateTime asOf,
            RiskModel model) {
        LocalDateTime start = asOf.minusDays(model.lookbackDays());
        LocalDateTime recentStart = asOf.minusDays(model.recentDays());

        Dataset<Row> pet = petitions
                .filter(inWindow(col("petition_time"), start, asOf))
                .select(
                        col("person_key"),
                        col("petition_time").as("t"),
                        col("person_name_masked").as("name_masked"),
                        col("id_card_masked").as("id_masked"),
                        one(true).as("pet"),
                        col("category_code").as("pet_cat"),
                        when(SparkColumns.atOrAfter(col("petition_time"), recentStart), 1)
                                .otherwise(0)
                                .as("pet_recent"),
                        when(col("in_group"), 1).otherwise(0).as("pet_group"),
                        one(false).as("hot"),
                        noString().as("hot_cat"),
                        one(false).as("pol"),
                        one(false).as("pol_conflict"),
                        one(false).as("arr"),
                        one(false).as("arr_key"));
        Dataset<Row> hot = hotline.filter(col("caller_key").isNotNull().and(inWindow(col("accept_time"), start, asOf)))
                .select(
                        col("caller_key").as("person_key"),
                        col("accept_time").as("t"),
                        col("caller_name_masked").as("name_masked"),
                        col("caller_id_card_masked").as("id_masked"),
                        one(false).as("pet"),
                        noString().as("pet_cat"),
                        one(false).as("pet_recent"),
                        one(false).as("pet_group"),
                        one(true).as("hot"),
                        col("category_code").as("hot_cat"),
                        one(false).as("pol"),
                        one(false).as("pol_conflict"),
                        one(false).as("arr"),
                        one(false).as("arr_key"));
        Dataset<Row> pol = police.filter(col("person_key").isNotNull().and(inWindow(col("report_time"), start, asOf)))
                .select(
                        col("person_key"),
                        col("report_time").as("t"),
                        col("person_name_masked").as("name_masked"),
                        col("id_card_masked").as("id_masked"),
                        one(false).as("pet"),
                        noString().as("pet_cat"),
                        one(false).as("pet_recent"),
                        one(false).as("pet_group"),
                        one(false).as("hot"),
                        noString().as("hot_cat"),
                        one(true).as("pol"),
                        when(col("incident_type").isin(CONFLICT_TYPES.toArray()), 1)
                                .otherwise(0)
                                .as("pol_conflict"),
                        one(false).as("arr"),
                        one(false).as("arr_key"));
        Dataset<Row> arr = arrears.filter(inWindow(col("report_time"), start, asOf))
                .select(
                        col("complainant_key").as("person_key"),
                        col("report_time").as("t"),
                        col("complainant_name_masked").as("name_masked"),
                        col("id_card_masked").as("id_masked"),
                        one(false).as("pet"),
                        noString().as("pet_cat"),
                        one(false).as("pet_recent"),
                        one(false).as("pet_group"),
                        one(false).as("hot"),
                        noString().as("hot_cat"),
                        one(false).as("pol"),
                        one(false).as("pol_conflict"),
                        one(true).as("arr"),
                        when(col("is_key"), 1).otherwise(0).as("arr_key"));
        return pet.unionByName(hot).unionByName(pol).unionByName(arr);
    }

    /**
     * One row per person: the counts of {@link RiskModel.Features}, last_event_time, source_cnt and the masked name
     * and ID of the person's latest event that has them.
     *
     * <p>One shuffle (the events by person) and two aggregations. The event rows are narrowed before the shuffle: the
     * eight 0/1 indicators packed into one int ({@link #FLAG_COLUMNS}' bits), and the petition and call categories
     * replaced by their bit numbers, one per category code of the window (the codes are collected first, sorted,
     * {@value #BITS_PER_WORD} to a {@code long} word). A person's distinct categories are the bits set in the
     * {@code bit_or} of their events' words, so the aggregations count them exactly. Not
     * {@code size(collect_set(...))}: its object buffers put Spark on ObjectHashAggregate, which falls back to sorting
     * after 128 persons per task.
     *
     * <p>The first aggregation groups the events by (person, masked name, masked ID), with fixed-width buffers only
     * (sums, bit_or, max): Spark hash-aggregates only when every buffer is mutable in an UnsafeRow, which a string is
     * not ({@code Aggregate.supportsHashAggregate}), so this step, over every event, needs no sort. The second groups
     * those few rows per person and picks the masked name and ID of the latest (time, value): a struct buffer, so a
     * sort-based aggregation, but over one row per distinct (person, name, ID) instead of one per event. Events of the
     * same time give the greatest value on every run; {@code max_by} took whichever event the shuffle delivered last.
     */
    public static Dataset<Row> features(Dataset<Row> events) {
        List<String> categories = new ArrayList<>();
        for (Row r : events.select(col("pet_cat").as("cat"))
                .union(events.select(col("hot_cat").as("cat")))
                .filter(col("cat").isNotNull())
                .distinct()
                .collectAsList()) {
            categories.add(r.getString(0));
        }
        java.util.Collections.sort(categories);
        int words = Math.max(1, (categories.size() + BITS_PER_WORD - 1) / BITS_PER_WORD);
        // code → bit number, looked up by broadcast hash joins (a CASE over 200 codes costs µs per event)
        List<Row> numbered = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            numbered.add(org.apache.spark.sql.RowFactory.create(categories.get(i), i));
        }
        Dataset<Row> dictionary = events.sparkSession()
                .createDataFrame(
                        numbered,
                        new org.apache.spark.sql.types.StructType()
                                .add("_cat", DataTypes.StringType, false)
                                .add("_bit", DataTypes.IntegerType, false));
        Dataset<Row> withBits = events.join(
                        broadcast(dictionary.withColumnRenamed("_cat", "_pc").withColumnRenamed("_bit", "_pb")),
                        col("pet_cat").equalTo(col("_pc")),
                        "left")
                .join(
                        broadcast(dictionary.withColumnRenamed("_cat", "_hc").withColumnRenamed("_bit", "_hb")),
                        col("hot_cat").equalTo(col("_hc")),
                        "left");
        Column flags = lit(0);
        for (int i = 0; i < FLAG_COLUMNS.size(); i++) {
            flags = flags.bitwiseOR(
                    when(col(FLAG_COLUMNS.get(i)).equalTo(1), lit(1 << i)).otherwise(lit(0)));
        }
        // the category bit numbers, not their words: two ints a row through the shuffle instead of 2 × words longs
        Column[] narrow = {
            col("person_key"), col("t"), col("name_masked"), col("id_masked"), flags.as("flags"), col("_pb"), col("_hb")
        };
        // per (person, masked name, masked ID): fixed-width buffers only, so a hash aggregation
        Column nameTime = when(col("name_masked").isNotNull(), col("t"));
        Column idTime = when(col("id_masked").isNotNull(), col("t"));
        List<Column> perValues = new ArrayList<>();
        for (int i = 0; i < FLAG_COLUMNS.size(); i++) {
            perValues.add(sum(flag(i)).cast(DataTypes.LongType).as(FLAG_SUMS.get(i)));
        }
        for (int w = 0; w < words; w++) {
            perValues.add(bit_or(categoryBits("_pb", w)).as("pw_" + w));
            perValues.add(bit_or(categoryBits("_hb", w)).as("hw_" + w));
        }
        perValues.add(max("t").as("last_event_time"));
        perValues.add(max(nameTime).as(NAME_TIME));
        perValues.add(max(idTime).as(ID_TIME));
        // per person, over the few rows of the first step
        List<Column> perPerson = new ArrayList<>();
        for (String count : FLAG_SUMS) {
            perPerson.add(sum(count).as(count));
        }
        Column petitionCategories = lit(0);
        Column callCategories = lit(0);
        for (int w = 0; w < words; w++) {
            perPerson.add(bit_or(col("pw_" + w)).as("pw_" + w));
            perPerson.add(bit_or(col("hw_" + w)).as("hw_" + w));
            petitionCategories = petitionCategories.plus(bit_count(col("pw_" + w)));
            callCategories = callCategories.plus(bit_count(col("hw_" + w)));
        }
        perPerson.add(max("last_event_time").as("last_event_time"));
        // latest time first, then the greatest value: the same answer on every run when two events share a time
        perPerson.add(max(when(col(NAME_TIME).isNotNull(), struct(col(NAME_TIME), col("name_masked"))))
                .getField("name_masked")
                .as("name_masked"));
        perPerson.add(max(when(col(ID_TIME).isNotNull(), struct(col(ID_TIME), col("id_masked"))))
                .getField("id_masked")
                .as("id_card_masked"));
        Dataset<Row> agg = withBits.select(narrow)
                .repartition(col("person_key"))
                .groupBy("person_key", "name_masked", "id_masked")
                .agg(perValues.get(0), perValues.subList(1, perValues.size()).toArray(Column[]::new))
                .groupBy("person_key")
                .agg(perPerson.get(0), perPerson.subList(1, perPerson.size()).toArray(Column[]::new));
        Column sources = when(col("petition_cnt").gt(0), 1)
                .otherwise(0)
                .plus(when(col("hotline_cnt").gt(0), 1).otherwise(0))
                .plus(when(col("police_cnt").gt(0), 1).otherwise(0))
                .plus(when(col("arrears_cnt").gt(0), 1).otherwise(0));
        return agg.withColumn("repeat_petition_cnt", col("petition_cnt").minus(petitionCategories))
                .withColumn("repeat_call_cnt", col("hotline_cnt").minus(callCategories))
                .withColumn("source_cnt", sources)
                .select(
                        "person_key",
                        "petition_cnt",
                        "recent_petition_cnt",
                        "group_petition_cnt",
                        "hotline_cnt",
                        "police_cnt",
                        "conflict_police_cnt",
                        "arrears_cnt",
                        "key_arrears_cnt",
                        "last_event_time",
                        "name_masked",
                        "id_card_masked",
                        "repeat_petition_cnt",
                        "repeat_call_cnt",
                        "source_cnt");
    }

    private static final String NAME_TIME = "_name_t";
    private static final String ID_TIME = "_id_t";

    /** Category codes per {@code long} word of {@link #features}. */
    static final int BITS_PER_WORD = 64;
    /** The 0/1 indicator columns of {@link #events}, bit i of the packed flags. */
    static final List<String> FLAG_COLUMNS =
            List.of("pet", "pet_recent", "pet_group", "hot", "pol", "pol_conflict", "arr", "arr_key");
    /** The features' count of each of {@link #FLAG_COLUMNS}. */
    static final List<String> FLAG_SUMS = List.of(
            "petition_cnt",
            "recent_petition_cnt",
            "group_petition_cnt",
            "hotline_cnt",
            "police_cnt",
            "conflict_police_cnt",
            "arrears_cnt",
            "key_arrears_cnt");

    private static Column flag(int bit) {
        return col("flags").bitwiseAND(lit(1 << bit)).equalTo(lit(1 << bit)).cast(DataTypes.IntegerType);
    }

    /** The bit of a category's number within word {@code word} (0 when null or in another word). */
    private static Column categoryBits(String bit, int word) {
        return when(
                        col(bit).isNotNull()
                                .and(col(bit).geq(word * BITS_PER_WORD))
                                .and(col(bit).lt((word + 1) * BITS_PER_WORD)),
                        expr("shiftleft(1L, " + bit + " - " + word * BITS_PER_WORD + ")"))
                .otherwise(lit(0L));
    }

    private static Column capped(RiskModel.Factor f, String count) {
        return least(lit(f.cap()), lit(f.weight()).multiply(col(count)));
    }

    /** Factor points columns (p_*) and their labels (l_*), in RiskModel's factor order. */
    private static List<Column[]> factors(RiskModel m) {
        Column cross = when(col("petition_cnt").gt(0), 1)
                .otherwise(0)
                .plus(when(col("police_cnt").gt(0), 1).otherwise(0))
                .plus(when(col("arrears_cnt").gt(0), 1).otherwise(0))
                .geq(2);
        List<Column[]> f = new ArrayList<>();
        f.add(factor(capped(m.petition(), "petition_cnt"), "信访", "petition_cnt", "次"));
        f.add(factor(capped(m.repeatPetition(), "repeat_petition_cnt"), "重复信访", "repeat_petition_cnt", "次"));
        f.add(factor(
                when(col("recent_petition_cnt").gt(0), lit(m.recentPetition())).otherwise(lit(0.0)),
                "近" + m.recentDays() + "天信访",
                "recent_petition_cnt",
                "次"));
        f.add(factor(capped(m.groupPetition(), "group_petition_cnt"), "参与集访", "group_petition_cnt", "次"));
        f.add(new Column[] {when(cross, lit(m.crossSource())).otherwise(lit(0.0)), lit("多源交叉(信访/警情/欠薪)")});
        f.add(factor(capped(m.police(), "police_cnt"), "警情", "police_cnt", "次"));
        f.add(factor(capped(m.conflictPolice(), "conflict_police_cnt"), "纠纷类警情", "conflict_police_cnt", "次"));
        f.add(factor(capped(m.hotline(), "hotline_cnt"), "12345来电", "hotline_cnt", "次"));
        f.add(factor(capped(m.repeatCall(), "repeat_call_cnt"), "重复来电", "repeat_call_cnt", "次"));
        f.add(factor(capped(m.arrears(), "arrears_cnt"), "欠薪投诉", "arrears_cnt", "次"));
        f.add(factor(capped(m.keyArrears(), "key_arrears_cnt"), "重点欠薪案件", "key_arrears_cnt", "件"));
        return f;
    }

    private static Column[] factor(Column points, String name, String count, String unit) {
        return new Column[] {
            points.cast(DataTypes.DoubleType),
            org.apache.spark.sql.functions.concat(lit(name), col(count).cast(DataTypes.StringType), lit(unit))
        };
    }

    /** ads_person_risk_month rows of {@link #features}: {@link #points}, {@link #rank}, {@link #calibrate}. */
    public static Scores score(
            Dataset<Row> features, RiskModel model, LevelCalibration calibration, String month, Timestamp computedAt) {
        return score(features, model, calibration, month, computedAt, new ArrayList<>());
    }

    private static Scores score(
            Dataset<Row> features,
            RiskModel model,
            LevelCalibration calibration,
            String month,
            Timestamp computedAt,
            List<Dataset<Row>> persisted) {
        try {
            // the ranking's sort samples its input before it sorts it: persisted, so the aggregation runs once
            Dataset<Row> points = keep(persisted, points(features, model, month, computedAt));
            Scores ranked = rank(points, persisted);
            return new Scores(
                    calibrate(ranked.rows(), ranked.persons(), model, calibration), ranked.persons(), persisted);
        } catch (RuntimeException e) {
            persisted.forEach(Dataset::unpersist);
            throw e;
        }
    }

    /**
     * Replaces the threshold levels of ranked rows ({@link #rank}) by levels calibrated to the {@code persons} scored
     * ({@link LevelCalibration}): a level needs its threshold score and a rank within its seats.
     */
    public static Dataset<Row> calibrate(
            Dataset<Row> ranked, long persons, RiskModel model, LevelCalibration calibration) {
        Column score = col("risk_score");
        Column rank = col("risk_rank");
        Column level = when(score.geq(model.red()).and(rank.leq(calibration.redSeats(persons))), lit(RiskModel.RED))
                .when(score.geq(model.orange()).and(rank.leq(calibration.orangeSeats(persons))), lit(RiskModel.ORANGE))
                .when(score.geq(model.yellow()).and(rank.leq(calibration.yellowSeats(persons))), lit(RiskModel.YELLOW))
                .otherwise(lit(RiskModel.BLUE));
        return ranked.withColumn("risk_level", level);
    }

    /**
     * Every ads_person_risk_month column but risk_rank: score = min(100, Σ capped points), level by the model's
     * thresholds alone (uncalibrated: {@link #calibrate} puts the population's shares on it), and the {@value #TOP_FACTORS} largest contributions as "factor +points；…".
     */
    public static Dataset<Row> points(Dataset<Row> features, RiskModel model, String month, Timestamp computedAt) {
        List<Column[]> factors = factors(model);
        Dataset<Row> withPoints = features;
        Column total = lit(0.0);
        List<String> structs = new ArrayList<>();
        for (int i = 0; i < factors.size(); i++) {
            withPoints = withPoints.withColumn("p_" + i, factors.get(i)[0]).withColumn("l_" + i, factors.get(i)[1]);
            total = total.plus(col("p_" + i));
            // order field: earlier factors first among equal points
            structs.add("named_struct('p', p_" + i + ", 'o', " + (-i) + ", 'l', l_" + i + ")");
        }
        Column score = round(least(lit(RiskModel.MAX_SCORE), total), 1);
        Column level = thresholdLevel(col("risk_score"), model);
        Column topFactors = expr("array_join(transform(slice(sort_array(filter(array(" + String.join(", ", structs)
                + "), x -> x.p > 0), false), 1, " + TOP_FACTORS + "), x -> concat(x.l, ' +', "
                + "regexp_replace(cast(round(x.p, 1) as string), '\\\\.0$', ''))), '；')");
        return withPoints
                .withColumn("risk_score", score.cast(DataTypes.createDecimalType(5, 1)))
                .withColumn("risk_level", level)
                .withColumn("top_factors", topFactors)
                .select(
                        lit(month).as("stat_month"),
                        col("person_key"),
                        col("name_masked"),
                        col("id_card_masked"),
                        col("risk_score"),
                        col("risk_level"),
                        col("petition_cnt"),
                        col("repeat_petition_cnt"),
                        col("recent_petition_cnt"),
                        col("group_petition_cnt"),
                        col("hotline_cnt"),
                        col("repeat_call_cnt"),
                        col("police_cnt"),
                        col("conflict_police_cnt"),
                        col("arrears_cnt"),
                        col("key_arrears_cnt"),
                        col("source_cnt"),
                        col("last_event_time"),
                        col("top_factors"),
                        lit(computedAt).as("updated_at"));
    }

    /** The level by the model's thresholds alone, before {@link #calibrate}. */
    public static Column thresholdLevel(Column score, RiskModel model) {
        return when(score.geq(model.red()), lit(RiskModel.RED))
                .when(score.geq(model.orange()), lit(RiskModel.ORANGE))
                .when(score.geq(model.yellow()), lit(RiskModel.YELLOW))
                .otherwise(lit(RiskModel.BLUE));
    }

    private static final String PARTITION = "_partition";
    private static final String ROW_ID = "_row_id";

    /**
     * Adds risk_rank (1 = highest score, ties by person key) to the rows of {@link #points}, conformed to
     * ads_person_risk_month. A distributed sort (range partitions, each sorted), persisted with each row's partition
     * and {@code monotonically_increasing_id} (partition × 2³³ + position in the partition); one small job counts the
     * rows per partition, and a row's rank is the rows of the partitions before its own plus its position. Not a
     * window without partition, which would pull every person into one task, nor {@code zipWithIndex}, which sorts
     * every partition twice and converts each row to a Java object and back. The sort reads its input twice (range
     * sampling, then the sort), so {@code scored} should be persisted.
     */
    static Scores rank(Dataset<Row> scored, List<Dataset<Row>> persisted) {
        Dataset<Row> sorted = keep(
                persisted,
                scored.orderBy(col("risk_score").desc(), col("person_key").asc())
                        .withColumn(PARTITION, spark_partition_id())
                        .withColumn(ROW_ID, monotonically_increasing_id()));
        List<Row> sizes = sorted.groupBy(PARTITION).count().collectAsList();
        int partitions = 1 + sizes.stream().mapToInt(r -> r.getInt(0)).max().orElse(0);
        long[] rows = new long[partitions];
        sizes.forEach(r -> rows[r.getInt(0)] = r.getLong(1));
        Column[] before = new Column[partitions];
        long persons = 0;
        for (int p = 0; p < partitions; p++) {
            before[p] = lit(persons);
            persons += rows[p];
        }
        Column position =
                col(ROW_ID).minus(col(PARTITION).cast(DataTypes.LongType).multiply(1L << 33));
        Column rank =
                element_at(array(before), col(PARTITION).plus(1)).plus(position).plus(1);
        Dataset<Row> ranked =
                sorted.withColumn("risk_rank", rank.cast(DataTypes.IntegerType)).drop(PARTITION, ROW_ID);
        return new Scores(SparkSchemas.conform(ranked, TARGET), persons, persisted);
    }

    /** "person risk 3630 (红 18 0.50 %, 橙 72 1.98 %, …)": the level distribution the calibration produced. */
    public static String summary(Result r) {
        List<String> parts = new ArrayList<>();
        r.byLevel()
                .forEach((level, n) -> parts.add(String.format(
                        java.util.Locale.ROOT,
                        "%s %d %.2f %%",
                        level,
                        n,
                        r.persons() == 0 ? 0.0 : 100.0 * n / r.persons())));
        return "person risk " + r.persons() + " (" + String.join(", ", parts) + ")";
    }
}
