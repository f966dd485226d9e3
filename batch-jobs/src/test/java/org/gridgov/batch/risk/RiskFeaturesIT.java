package org.gridgov.batch.risk;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.gridgov.batch.LocalSpark;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link RiskScoreJob#features} on hand-made event rows, Spark local[2]: the masked name and ID of a person's latest
 * event that has them, persons with neither, and events of the same time, whose greatest value wins whatever order
 * and partitioning the events arrive in.
 */
class RiskFeaturesIT {

    static final StructType EVENTS = new StructType()
            .add("person_key", DataTypes.StringType)
            .add("t", DataTypes.TimestampType)
            .add("name_masked", DataTypes.StringType)
            .add("id_masked", DataTypes.StringType)
            .add("pet", DataTypes.IntegerType)
            .add("pet_cat", DataTypes.StringType)
            .add("pet_recent", DataTypes.IntegerType)
            .add("pet_group", DataTypes.IntegerType)
            .add("hot", DataTypes.IntegerType)
            .add("hot_cat", DataTypes.StringType)
            .add("pol", DataTypes.IntegerType)
            .add("pol_conflict", DataTypes.IntegerType)
            .add("arr", DataTypes.IntegerType)
            .add("arr_key", DataTypes.IntegerType);

    private static SparkSession spark;
    private static Dataset<Row> events;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
        List<Row> rows = new ArrayList<>();
        // A: the name changes on a later event without an ID; the latest event has neither
        rows.add(petition("A", "2024-01-05 09:00:00", "张*", "370112********001X", "C1001"));
        rows.add(call("A", "2024-01-09 09:00:00", "李*", null, "C2001"));
        rows.add(call("A", "2024-01-12 09:00:00", null, null, "C2001"));
        // B: no event carries a name or an ID
        rows.add(call("B", "2024-01-07 10:00:00", null, null, "C2001"));
        rows.add(petition("B", "2024-01-08 10:00:00", null, null, "C1001"));
        // C: two events of the same second carry different names and IDs; an older one the greatest of all
        rows.add(petition("C", "2024-01-03 08:00:00", "赵*", "370112********009X", "C1001"));
        rows.add(petition("C", "2024-01-20 08:00:00", "王*", "370112********002X", "C1001"));
        rows.add(call("C", "2024-01-20 08:00:00", "刘*", "370112********003X", "C2002"));
        rows.add(petition("C", "2024-01-20 08:00:00", "孙*", null, "C1002"));
        events = spark.createDataFrame(rows, EVENTS);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static Row petition(String person, String time, String name, String id, String category) {
        return RowFactory.create(person, Timestamp.valueOf(time), name, id, 1, category, 0, 0, 0, null, 0, 0, 0, 0);
    }

    static Row call(String person, String time, String name, String id, String category) {
        return RowFactory.create(person, Timestamp.valueOf(time), name, id, 0, null, 0, 0, 1, category, 0, 0, 0, 0);
    }

    static Map<String, Row> byPerson(Dataset<Row> features) {
        return features.collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs("person_key"), Function.identity()));
    }

    @Test
    void nameAndIdComeFromTheLatestEventThatHasEach() {
        Row a = byPerson(RiskScoreJob.features(events)).get("A");
        assertThat(a.<String>getAs("name_masked")).isEqualTo("李*");
        assertThat(a.<String>getAs("id_card_masked")).isEqualTo("370112********001X");
        assertThat(a.<Timestamp>getAs("last_event_time")).isEqualTo(Timestamp.valueOf("2024-01-12 09:00:00"));
        assertThat(a.<Long>getAs("petition_cnt")).isEqualTo(1L);
        assertThat(a.<Long>getAs("hotline_cnt")).isEqualTo(2L);
        assertThat(a.<Long>getAs("repeat_call_cnt")).isEqualTo(1L);
    }

    @Test
    void aPersonWithoutNameOrIdIsStillCounted() {
        Row b = byPerson(RiskScoreJob.features(events)).get("B");
        assertThat(b).isNotNull();
        assertThat(b.<String>getAs("name_masked")).isNull();
        assertThat(b.<String>getAs("id_card_masked")).isNull();
        assertThat(b.<Long>getAs("petition_cnt")).isEqualTo(1L);
        assertThat(b.<Long>getAs("hotline_cnt")).isEqualTo(1L);
        assertThat(b.<Integer>getAs("source_cnt")).isEqualTo(2);
    }

    @Test
    void eventsOfTheSameLatestTimeGiveTheGreatestValueInEveryOrder() {
        List<Dataset<Row>> orders = List.of(
                events,
                events.orderBy(col("name_masked").desc_nulls_first()).coalesce(1),
                events.orderBy(col("name_masked").asc_nulls_last()).coalesce(1),
                events.repartition(3, col("name_masked")),
                events.repartition(4, col("id_masked")).sortWithinPartitions(col("t").desc()));
        for (Dataset<Row> order : orders) {
            Row c = byPerson(RiskScoreJob.features(order)).get("C");
            // Spark orders strings by their UTF-8 bytes: 刘 (U+5218) < 孙 (U+5B59) < 王 (U+738B); 赵 is older
            assertThat(c.<String>getAs("name_masked")).isEqualTo("王*");
            assertThat(c.<String>getAs("id_card_masked")).isEqualTo("370112********003X");
            assertThat(c.<Long>getAs("petition_cnt")).isEqualTo(3L);
            assertThat(c.<Long>getAs("repeat_petition_cnt")).isEqualTo(1L);
        }
    }
}
