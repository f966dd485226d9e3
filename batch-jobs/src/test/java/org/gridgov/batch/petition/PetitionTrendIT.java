package org.gridgov.batch.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.batch.OdsFixtures.df;
import static org.gridgov.batch.OdsFixtures.petition;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gridgov.batch.HotlineFixtures;
import org.gridgov.batch.LocalSpark;
import org.gridgov.batch.OdsFixtures;
import org.gridgov.batch.warehouse.SparkSchemas;
import org.gridgov.common.district.District;
import org.gridgov.common.district.Grid;
import org.gridgov.warehouse.WarehouseSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Group petition detection and petition trends by street on fixed petitions (Spark local[2]). */
class PetitionTrendIT {

    static final Timestamp AT = Timestamp.valueOf("2024-03-01 02:00:00");
    static final String CO = "济南丙建筑工程有限公司";
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static double[] pointOfStreet(String streetCode) {
        Grid g = District.licheng().grids().stream()
                .filter(x -> x.streetCode().equals(streetCode))
                .findFirst()
                .orElseThrow();
        return new double[] {
            g.boundary().getCentroid().getY(), g.boundary().getCentroid().getX()
        };
    }

    private static Map<String, Boolean> inGroup(List<Row> petitions, int hours, int persons) {
        return GroupPetitions.flag(df(spark, WarehouseSchema.ODS_PETITION, petitions), hours, persons)
                .collectAsList()
                .stream()
                .collect(Collectors.toMap(r -> r.getAs("petition_id"), r -> r.<Boolean>getAs("in_group")));
    }

    @Test
    void fivePersonsAboutOneCompanyWithinTheWindowAreAGroup() {
        List<Row> p = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            p.add(petition("G" + i, "K" + i, "2024-01-10 1" + i + ":00:00", "C0401", CO, 1));
        }
        p.add(petition("LATE", "K9", "2024-01-11 09:00:00", "C0401", CO, 1)); // 19 h after the last one
        p.add(petition("SAME", "K0", "2024-01-10 14:30:00", "C0401", CO, 1)); // a repeat by K0: no new person
        p.add(petition("OTHER", "K8", "2024-01-10 12:00:00", "C0401", "别的公司", 1));
        p.add(petition("BLANK1", "B1", "2024-01-10 12:00:00", "C1001", " ", 1));
        p.add(petition("BIG", "B2", "2024-01-10 12:00:00", "C1001", null, 8));
        Map<String, Boolean> g = inGroup(p, 6, 5);
        assertThat(g)
                .containsEntry("G0", true)
                .containsEntry("G4", true)
                .containsEntry("SAME", true)
                .containsEntry("LATE", false)
                .containsEntry("OTHER", false)
                .containsEntry("BLANK1", false)
                .containsEntry("BIG", true);
        // a narrower window splits the group: 10:00 and 14:00 are more than 3 hours apart
        assertThat(inGroup(p, 1, 5)).containsEntry("G0", false);
        // six distinct persons are needed when the minimum is six
        assertThat(inGroup(p, 6, 6)).containsEntry("G2", false).containsEntry("BIG", true);
    }

    @Test
    void trendsPerStreetWithRepeatersGroupsVisitsAndMonthOnMonth() {
        double[] shandalu = OdsFixtures.SHANDALU_POINT;
        double[] hongjialou = pointOfStreet(HotlineFixtures.HONGJIALOU);
        List<Row> p = new ArrayList<>();
        p.add(petition("J1", "A", "2024-01-05 10:00:00", "C1001", null, 1, "张*", "VISIT", shandalu));
        p.add(petition("J2", "B", "2024-01-06 10:00:00", "C1001", null, 1, "张*", "LETTER", shandalu));
        p.add(petition("F1", "A", "2024-02-05 10:00:00", "C1001", null, 1, "张*", "VISIT", shandalu));
        p.add(petition("F2", "A", "2024-02-15 10:00:00", "C1001", null, 1, "张*", "VISIT", shandalu));
        p.add(petition("F3", "C", "2024-02-15 11:00:00", "C1001", null, 6, "张*", "ONLINE", shandalu));
        p.add(petition("F4", "D", "2024-02-20 11:00:00", "C0401", null, 1, "张*", "ONLINE", hongjialou));
        Dataset<Row> flagged = GroupPetitions.flag(df(spark, WarehouseSchema.ODS_PETITION, p), 6, 5);
        Dataset<Row> streets =
                spark.createDataFrame(HotlineFixtures.districtStreets(), SparkSchemas.of(WarehouseSchema.DIM_STREET));
        Dataset<Row> out = PetitionTrendJob.streetMonth(flagged, streets, List.of("2024-01", "2024-02"), AT);
        assertThat(out.columns()).containsExactlyElementsOf(PetitionTrendJob.TARGET.columnNames());
        List<Row> rows = out.collectAsList();
        assertThat(rows).hasSize(32);
        Map<String, Row> feb = rows.stream()
                .filter(r -> r.getString(0).equals("2024-02"))
                .collect(Collectors.toMap(r -> r.getString(1), Function.identity()));
        Row s = feb.get(HotlineFixtures.SHANDALU);
        assertThat(List.of(
                        s.<Integer>getAs("petition_cnt"),
                        s.<Integer>getAs("person_cnt"),
                        s.<Integer>getAs("repeat_person_cnt"),
                        s.<Integer>getAs("group_petition_cnt"),
                        s.<Integer>getAs("visit_cnt"),
                        s.<Integer>getAs("prev_month_cnt")))
                .containsExactly(3, 2, 1, 1, 2, 2);
        assertThat(s.<BigDecimal>getAs("petition_mom")).isEqualTo(new BigDecimal("0.5000"));
        Row h = feb.get(HotlineFixtures.HONGJIALOU);
        assertThat(h.<Integer>getAs("petition_cnt")).isEqualTo(1);
        assertThat(h.<Integer>getAs("prev_month_cnt")).isZero(); // January is known, 洪家楼 had none
        assertThat(h.<BigDecimal>getAs("petition_mom")).isNull();
        Row jan = rows.stream()
                .filter(r -> r.getString(0).equals("2024-01") && r.getString(1).equals(HotlineFixtures.SHANDALU))
                .findFirst()
                .orElseThrow();
        assertThat(jan.<Integer>getAs("prev_month_cnt")).isNull(); // December is not in the data
        assertThat(rows.stream()
                        .filter(r -> r.getString(0).equals("2024-02"))
                        .mapToInt(r -> r.<Integer>getAs("petition_cnt"))
                        .sum())
                .isEqualTo(4);
    }
}
