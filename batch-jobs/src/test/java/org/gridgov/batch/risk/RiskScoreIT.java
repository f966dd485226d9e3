package org.gridgov.batch.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.batch.OdsFixtures.arrears;
import static org.gridgov.batch.OdsFixtures.call;
import static org.gridgov.batch.OdsFixtures.df;
import static org.gridgov.batch.OdsFixtures.incident;
import static org.gridgov.batch.OdsFixtures.petition;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gridgov.batch.InMemoryWarehouseIo;
import org.gridgov.batch.LocalSpark;
import org.gridgov.batch.OdsFixtures;
import org.gridgov.batch.arrears.ArrearsKeyCaseJob;
import org.gridgov.batch.arrears.ArrearsRules;
import org.gridgov.batch.petition.GroupPetitions;
import org.gridgov.warehouse.WarehouseSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Person risk scores as of the end of January 2024 on a dozen fixed persons, Spark local[2]. Expected scores come
 * from {@link RiskModel} in plain Java, fed with the counts each person was given here.
 */
class RiskScoreIT {

    static final String MONTH = "2024-01";
    static final LocalDateTime AS_OF = LocalDateTime.of(2024, 2, 1, 0, 0);
    static final Timestamp AT = Timestamp.valueOf("2024-02-01 03:00:00");
    static final String BUILDER = "济南测试建筑工程有限公司";
    static final RiskModel MODEL = RiskModel.defaults();

    private static SparkSession spark;
    private static Map<String, Row> byPerson;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
        try (RiskScoreJob.Scores scored =
                RiskScoreJob.score(RiskScoreJob.features(events()), MODEL, LevelCalibration.defaults(), MONTH, AT)) {
            byPerson = scored.rows().collectAsList().stream()
                    .collect(Collectors.toMap(r -> r.getString(1), Function.identity()));
            assertThat(scored.persons()).isEqualTo(byPerson.size());
        }
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static List<Row> petitions() {
        List<Row> p = new ArrayList<>();
        // P1: three petitions on one issue in January; the latest one carries another masked name
        p.add(petition("PET-1a", "P1", "2024-01-03 09:00:00", "C1001", null, 1));
        p.add(petition("PET-1b", "P1", "2024-01-12 09:00:00", "C1001", null, 1));
        p.add(petition(
                "PET-1c", "P1", "2024-01-20 09:00:00", "C1001", null, 1, "李*", "LETTER", OdsFixtures.SHANDALU_POINT));
        // P2..P6: a 集访 of five workers about one builder within three hours
        String[] times = {"08:20", "08:50", "09:10", "09:40", "10:30"};
        for (int i = 2; i <= 6; i++) {
            p.add(petition("PET-G" + i, "P" + i, "2024-01-10 " + times[i - 2] + ":00", "C0401", BUILDER, 1));
        }
        // P7: the same builder, nine hours later and alone
        p.add(petition("PET-7", "P7", "2024-01-10 19:00:00", "C0401", BUILDER, 1));
        // P8: one old petition (within the year) and a dispute incident
        p.add(petition("PET-8", "P8", "2023-06-01 10:00:00", "C1202", null, 1));
        // P11: a petition older than the lookback window
        p.add(petition("PET-11", "P11", "2022-12-01 10:00:00", "C1202", null, 1));
        // P12: exactly at the end of the month, which belongs to February
        p.add(petition("PET-12", "P12", "2024-02-01 00:00:00", "C1202", null, 1));
        // P13: one record of a group registered as a single petition
        p.add(petition("PET-13", "P13", "2023-12-20 10:00:00", "C1003", null, 12));
        return p;
    }

    static List<Row> calls() {
        List<Row> c = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            c.add(call("CALL-9-" + i, "P9", "2024-01-" + (10 + i) + " 10:00:00", i < 4 ? "C0201" : "C0305"));
        }
        c.add(call("CALL-11", "P11", "2024-01-05 10:00:00", "C0201"));
        c.add(call("CALL-anon", null, "2024-01-05 11:00:00", "C0201"));
        return c;
    }

    static Dataset<Row> events() {
        Dataset<Row> pets = GroupPetitions.flag(df(spark, WarehouseSchema.ODS_PETITION, petitions()), 6, 5);
        Dataset<Row> arr = ArrearsKeyCaseJob.flag(
                df(
                        spark,
                        WarehouseSchema.ODS_ARREARS_CASE,
                        List.of(arrears(
                                "ARR-10", "P10", "2024-01-08 10:00:00", "济南某劳务有限公司", 40, "80000.00", "OPEN", null))),
                pets,
                AS_OF,
                ArrearsRules.defaults());
        return RiskScoreJob.events(
                pets,
                df(spark, WarehouseSchema.ODS_HOTLINE_CASE, calls()),
                df(
                        spark,
                        WarehouseSchema.ODS_POLICE_INCIDENT,
                        List.of(
                                incident("POL-8", "P8", "2024-01-15 22:00:00", "DISPUTE"),
                                incident("POL-anon", null, "2024-01-15 22:00:00", "THEFT"))),
                arr,
                AS_OF,
                MODEL);
    }

    private static double expected(
            long petitions,
            long repeats,
            long recent,
            long groups,
            long calls,
            long repeatCalls,
            long police,
            long conflict,
            long arrears,
            long keyArrears) {
        return MODEL.score(new RiskModel.Features(
                petitions, repeats, recent, groups, calls, repeatCalls, police, conflict, arrears, keyArrears));
    }

    private static double score(String person) {
        return byPerson.get(person).<BigDecimal>getAs("risk_score").doubleValue();
    }

    private static String level(String person) {
        return byPerson.get(person).getAs("risk_level");
    }

    @Test
    void repeatPetitionerIsRedWithItsFactorsAndLatestMaskedName() {
        assertThat(score("P1"))
                .isEqualTo(expected(3, 2, 3, 0, 0, 0, 0, 0, 0, 0))
                .isEqualTo(70.0);
        assertThat(level("P1")).isEqualTo("红");
        Row p1 = byPerson.get("P1");
        assertThat(p1.<String>getAs("top_factors")).isEqualTo("信访3次 +30；重复信访2次 +30；近30天信访3次 +10");
        assertThat(p1.<String>getAs("name_masked")).isEqualTo("李*");
        assertThat(p1.<Timestamp>getAs("last_event_time")).isEqualTo(Timestamp.valueOf("2024-01-20 09:00:00"));
        assertThat(p1.<Integer>getAs("source_cnt")).isEqualTo(1);
    }

    @Test
    void everyMemberOfTheGroupPetitionIsRedAndTheLateComerIsNot() {
        for (int i = 2; i <= 6; i++) {
            assertThat(score("P" + i))
                    .as("P" + i)
                    .isEqualTo(expected(1, 0, 1, 1, 0, 0, 0, 0, 0, 0))
                    .isEqualTo(80.0);
            assertThat(byPerson.get("P" + i).<Integer>getAs("group_petition_cnt"))
                    .isEqualTo(1);
            assertThat(byPerson.get("P" + i).<String>getAs("top_factors"))
                    .isEqualTo("参与集访1次 +60；信访1次 +10；近30天信访1次 +10");
        }
        assertThat(byPerson.get("P7").<Integer>getAs("group_petition_cnt")).isZero();
        assertThat(level("P7")).isEqualTo("黄");
        // group_size >= 5 on one record is a group petition too
        assertThat(byPerson.get("P13").<Integer>getAs("group_petition_cnt")).isEqualTo(1);
    }

    @Test
    void otherSourcesAddTheirCappedPoints() {
        // an old petition and a dispute: cross-source, police, conflict
        assertThat(score("P8"))
                .isEqualTo(expected(1, 0, 0, 0, 0, 0, 1, 1, 0, 0))
                .isEqualTo(45.0);
        assertThat(level("P8")).isEqualTo("橙");
        assertThat(byPerson.get("P8").<Integer>getAs("source_cnt")).isEqualTo(2);
        // six calls on two categories: 10 (capped) + 4 repeats × 5
        assertThat(score("P9"))
                .isEqualTo(expected(0, 0, 0, 0, 6, 4, 0, 0, 0, 0))
                .isEqualTo(30.0);
        assertThat(byPerson.get("P9").<Integer>getAs("repeat_call_cnt")).isEqualTo(4);
        // the complainant of a key arrears case (40 workers)
        assertThat(score("P10"))
                .isEqualTo(expected(0, 0, 0, 0, 0, 0, 0, 0, 1, 1))
                .isEqualTo(25.0);
        assertThat(byPerson.get("P10").<Integer>getAs("key_arrears_cnt")).isEqualTo(1);
    }

    @Test
    void onlyEventsOfTheLookbackWindowBeforeTheEndOfTheMonthCount() {
        assertThat(byPerson.get("P11").<Integer>getAs("petition_cnt")).isZero();
        assertThat(score("P11")).isEqualTo(2.0);
        assertThat(level("P11")).isEqualTo("蓝");
        assertThat(byPerson).doesNotContainKey("P12").doesNotContainKey("");
        assertThat(byPerson.keySet()).allSatisfy(k -> assertThat(k).isNotNull());
    }

    @Test
    void ranksFollowTheScoreAndEveryRowHasTheTableColumns() {
        List<Row> ranked = byPerson.values().stream()
                .sorted((a, b) -> Integer.compare(a.<Integer>getAs("risk_rank"), b.<Integer>getAs("risk_rank")))
                .toList();
        assertThat(ranked)
                .extracting(r -> r.<Integer>getAs("risk_rank"))
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, ranked.size())
                        .boxed()
                        .toList());
        assertThat(ranked)
                .extracting(r -> r.<BigDecimal>getAs("risk_score"))
                .isSortedAccordingTo((a, b) -> b.compareTo(a));
        // the five group petitioners score 80; ties go by person key
        assertThat(ranked.subList(0, 5))
                .extracting(r -> r.<String>getAs("person_key"))
                .containsExactly("P2", "P3", "P4", "P5", "P6");
        assertThat(ranked).allSatisfy(r -> assertThat(r.getString(0)).isEqualTo(MONTH));
        assertThat(byPerson).hasSize(12);
    }

    @Test
    void runScoresEachMonthThroughTheWarehouseIo() {
        InMemoryWarehouseIo io = new InMemoryWarehouseIo()
                .with(WarehouseSchema.ODS_PETITION, petitions())
                .with(WarehouseSchema.ODS_HOTLINE_CASE, calls());
        RiskScoreJob.Result r = new RiskScoreJob(
                        io,
                        Clock.fixed(Instant.parse("2024-02-01T03:00:00Z"), ZoneOffset.UTC),
                        MODEL,
                        ArrearsRules.defaults())
                .run(spark, List.of("2023-12", MONTH));
        List<Row> written = io.written(RiskScoreJob.TARGET);
        assertThat(written).hasSize((int) r.persons());
        assertThat(written.stream()
                        .filter(w -> w.getString(0).equals("2023-12"))
                        .map(w -> w.getString(1)))
                .containsExactlyInAnyOrder("P8", "P13"); // the only persons with events before January
        assertThat(r.byLevel().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(r.persons());
        assertThat(RiskScoreJob.summary(r)).startsWith("person risk " + r.persons() + " (红 ");
    }
}
