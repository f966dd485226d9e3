package org.gridgov.batch.arrears;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.batch.OdsFixtures.arrears;
import static org.gridgov.batch.OdsFixtures.df;
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
import org.gridgov.batch.HotlineFixtures;
import org.gridgov.batch.InMemoryWarehouseIo;
import org.gridgov.batch.LocalSpark;
import org.gridgov.batch.petition.GroupPetitions;
import org.gridgov.batch.warehouse.SparkSchemas;
import org.gridgov.warehouse.WarehouseSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Arrears key cases as of the end of June 2024 on cases at each threshold's edge, Spark local[2]. */
class ArrearsKeyCaseIT {

    static final String MONTH = "2024-06";
    static final LocalDateTime AS_OF = LocalDateTime.of(2024, 7, 1, 0, 0);
    static final Timestamp AT = Timestamp.valueOf("2024-07-01 03:00:00");
    static final String A = "济南甲建筑工程有限公司";
    static final String B = "济南乙建筑劳务有限公司";

    private static SparkSession spark;
    private static Map<String, Row> flagged;
    private static Dataset<Row> active;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
        Dataset<Row> f = ArrearsKeyCaseJob.flag(
                        df(spark, WarehouseSchema.ODS_ARREARS_CASE, cases()),
                        GroupPetitions.flag(df(spark, WarehouseSchema.ODS_PETITION, petitions()), 6, 5),
                        AS_OF,
                        ArrearsRules.defaults())
                .cache();
        flagged = f.collectAsList().stream().collect(Collectors.toMap(r -> r.getAs("case_id"), Function.identity()));
        active = ArrearsKeyCaseJob.active(f, MONTH).cache();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static List<Row> cases() {
        List<Row> c = new ArrayList<>();
        c.add(arrears("W30", "K1", "2024-06-03 10:00:00", A, 30, "90000.00", "OPEN", null));
        c.add(arrears("W29", "K2", "2024-06-03 10:00:00", A, 29, "90000.00", "OPEN", null));
        c.add(arrears("M100", "K3", "2024-06-04 10:00:00", "其他公司", 5, "1000000.00", "RESOLVED", "2024-06-20 10:00:00"));
        c.add(arrears("M99", "K4", "2024-06-04 10:00:00", "其他公司", 5, "999999.99", "OPEN", null));
        // unresolved at the end of June: 91 days and exactly 90 days after the report
        c.add(arrears("D91", "K5", "2024-04-01 00:00:00", "其他公司", 3, "20000.00", "IN_PROGRESS", null));
        c.add(arrears("D90", "K6", "2024-04-02 00:00:00", "其他公司", 3, "20000.00", "OPEN", null));
        // resolved in May: not active in June
        c.add(arrears("R05", "K7", "2024-03-01 10:00:00", "其他公司", 3, "20000.00", "RESOLVED", "2024-05-01 10:00:00"));
        // resolved only in July: still open at the end of June, and long unresolved then
        c.add(arrears("R07", "K8", "2024-03-01 10:00:00", "其他公司", 3, "20000.00", "RESOLVED", "2024-07-05 10:00:00"));
        // the complainant petitioned twice about the company
        c.add(arrears("REP", "K9", "2024-06-10 10:00:00", B, 3, "20000.00", "OPEN", null));
        // a 集访 named company A on June 12: linked to a case reported two days later, not to one 20 days later
        c.add(arrears("GRP", "K10", "2024-06-14 10:00:00", A, 3, "20000.00", "OPEN", null));
        c.add(arrears("FAR", "K11", "2024-06-28 10:00:00", A, 3, "20000.00", "OPEN", null));
        // reported in July: not yet there at the end of June
        c.add(arrears("JUL", "K12", "2024-07-01 00:00:00", A, 300, "5000000.00", "OPEN", null));
        return c;
    }

    static List<Row> petitions() {
        List<Row> p = new ArrayList<>();
        p.add(petition("P-K9-1", "K9", "2024-06-11 09:00:00", "C0401", B, 1));
        p.add(petition("P-K9-2", "K9", "2024-06-25 09:00:00", "C0401", B, 1));
        // K2 petitioned twice, but about something else
        p.add(petition("P-K2-1", "K2", "2024-06-11 09:00:00", "C1001", null, 1));
        p.add(petition("P-K2-2", "K2", "2024-06-12 09:00:00", "C1001", null, 1));
        for (int i = 0; i < 5; i++) {
            p.add(petition("P-G-" + i, "G" + i, "2024-06-12 1" + i + ":00:00", "C0401", A, 1));
        }
        return p;
    }

    private static boolean flag(String caseId, String column) {
        return flagged.get(caseId).<Boolean>getAs(column);
    }

    @Test
    void thresholdsAreInclusiveAtTheirEdges() {
        assertThat(flag("W30", "is_many_workers")).isTrue();
        assertThat(flag("W29", "is_many_workers")).isFalse();
        assertThat(flag("M100", "is_large_amount")).isTrue();
        assertThat(flag("M99", "is_large_amount")).isFalse();
        assertThat(flag("D91", "is_long_unresolved")).isTrue();
        assertThat(flag("D90", "is_long_unresolved")).isFalse();
        assertThat(flagged.get("D91").<Integer>getAs("days_unresolved")).isEqualTo(91);
        assertThat(flag("W29", "is_key")).isFalse();
        assertThat(flag("M99", "is_key")).isFalse();
        assertThat(flagged.get("W30").<String>getAs("reasons")).isEqualTo("涉及人数多(≥30人)");
    }

    @Test
    void theStateAtTheEndOfTheMonthComesFromTheResolvedTime() {
        assertThat(flagged.get("R07").<String>getAs("status_at_end")).isEqualTo("IN_PROGRESS");
        assertThat(flag("R07", "is_long_unresolved")).isTrue();
        assertThat(flagged.get("M100").<String>getAs("status_at_end")).isEqualTo("RESOLVED");
        assertThat(flagged.get("M100").<Integer>getAs("days_unresolved")).isNull();
        assertThat(flagged).doesNotContainKey("JUL");
    }

    @Test
    void repeatPetitionsAboutTheCompanyAndLinkedGroupPetitionsMarkACase() {
        assertThat(flag("REP", "is_repeat_petition")).isTrue();
        assertThat(flagged.get("REP").<Long>getAs("complainant_petitions")).isEqualTo(2L);
        assertThat(flag("W29", "is_repeat_petition")).isFalse(); // K2's petitions were about land, not company A
        assertThat(flag("GRP", "is_repeat_petition")).isTrue();
        assertThat(flag("FAR", "is_repeat_petition")).isFalse();
        assertThat(flagged.get("GRP").<Long>getAs("company_petition_cnt")).isEqualTo(5L);
        assertThat(flagged.get("GRP").<String>getAs("reasons")).isEqualTo("重复/集体信访");
    }

    @Test
    void activeCasesAreTheMonthsNewOnesAndTheOnesStillOpenAtItsStart() {
        List<String> ids = active.select("case_id").collectAsList().stream()
                .map(r -> r.getString(0))
                .toList();
        assertThat(ids).contains("W30", "M100", "D91", "R07", "GRP").doesNotContain("R05", "JUL");
        Row m100 = active.filter(active.col("case_id").equalTo("M100")).first();
        assertThat(m100.<Boolean>getAs("is_new")).isTrue();
        assertThat(m100.<Boolean>getAs("resolved_in_month")).isTrue();
    }

    @Test
    void keyCaseStreetAndCompanyTables() {
        Dataset<Row> streets =
                spark.createDataFrame(HotlineFixtures.districtStreets(), SparkSchemas.of(WarehouseSchema.DIM_STREET));
        List<Row> key = ArrearsKeyCaseJob.keyCases(active, streets, MONTH, AT).collectAsList();
        assertThat(key)
                .extracting(r -> r.<String>getAs("case_id"))
                .containsExactlyInAnyOrder("D91", "GRP", "M100", "R07", "REP", "W30");
        assertThat(key).allSatisfy(r -> {
            assertThat(r.<String>getAs("street_code")).isEqualTo(HotlineFixtures.SHANDALU);
            assertThat(r.<String>getAs("street_name")).isEqualTo("山大路街道");
        });

        List<Row> byStreet =
                ArrearsKeyCaseJob.byStreet(active, streets, MONTH, AT).collectAsList();
        assertThat(byStreet).hasSize(16);
        Row shandalu = byStreet.stream()
                .filter(r -> r.getAs("street_code").equals(HotlineFixtures.SHANDALU))
                .findFirst()
                .orElseThrow();
        long activeCount = active.count();
        assertThat(shandalu.<Integer>getAs("case_cnt")).isEqualTo((int) activeCount);
        assertThat(shandalu.<Integer>getAs("key_case_cnt")).isEqualTo(6);
        assertThat(shandalu.<Integer>getAs("resolved_cnt")).isEqualTo(1);
        assertThat(shandalu.<BigDecimal>getAs("key_amount_yuan")).isEqualByComparingTo("1170000.00");
        assertThat(byStreet)
                .filteredOn(r -> !r.getAs("street_code").equals(HotlineFixtures.SHANDALU))
                .allSatisfy(r -> assertThat(r.<Integer>getAs("case_cnt")).isZero());

        Map<String, Row> byCompany = ArrearsKeyCaseJob.byCompany(active, MONTH, AT).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs("company_name"), Function.identity()));
        assertThat(byCompany.get(A).<Integer>getAs("case_cnt")).isEqualTo(4);
        assertThat(byCompany.get(A).<Integer>getAs("key_case_cnt")).isEqualTo(2);
        assertThat(byCompany.get(A).<Integer>getAs("petition_cnt")).isEqualTo(5);
        assertThat(byCompany.get(B).<Integer>getAs("petition_cnt")).isEqualTo(2);
    }

    @Test
    void runComputesEachMonthAsOfItsEnd() {
        InMemoryWarehouseIo io = new InMemoryWarehouseIo()
                .with(WarehouseSchema.ODS_ARREARS_CASE, cases())
                .with(WarehouseSchema.ODS_PETITION, petitions())
                .with(WarehouseSchema.DIM_STREET, HotlineFixtures.districtStreets());
        ArrearsKeyCaseJob.Result r = new ArrearsKeyCaseJob(
                        io,
                        Clock.fixed(Instant.parse("2024-07-01T03:00:00Z"), ZoneOffset.UTC),
                        ArrearsRules.defaults(),
                        6,
                        5)
                .run(spark, List.of("2024-05", MONTH));
        List<Row> key = io.written(ArrearsKeyCaseJob.KEY_CASES);
        assertThat(key).hasSize((int) r.keyCases());
        // as of the end of May only R07 (reported on March 1, resolved in July) was more than 90 days unresolved
        assertThat(key.stream().filter(k -> k.getString(0).equals("2024-05")).map(k -> k.getString(1)))
                .containsExactly("R07");
        assertThat(key.stream().filter(k -> k.getString(0).equals(MONTH)).map(k -> k.getString(1)))
                .containsExactlyInAnyOrder("D91", "GRP", "M100", "R07", "REP", "W30");
        assertThat(io.written(ArrearsKeyCaseJob.BY_STREET)).hasSize(32);
        assertThat(ArrearsKeyCaseJob.summary(r)).contains("arrears key cases " + r.keyCases());
    }
}
