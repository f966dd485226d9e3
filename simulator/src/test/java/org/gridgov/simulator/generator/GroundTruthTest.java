package org.gridgov.simulator.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.gridgov.common.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ground truth survives a JSON round trip and is written with snake_case names and readable times. */
class GroundTruthTest {

    @Test
    void roundTripsThroughAFile(@TempDir Path tmp) {
        GroundTruth truth = GeneratedDataset.demo().truth;
        Path file = tmp.resolve("nested/ground_truth.json");
        truth.write(file);
        GroundTruth back = GroundTruth.read(file);
        assertThat(back).isEqualTo(truth);
        assertThat(back.toJson()).isEqualTo(truth.toJson());
    }

    @Test
    void jsonShapeIsSnakeCaseWithReadableTimes() throws Exception {
        JsonNode json = Json.mapper().readTree(GeneratedDataset.demo().truth.toJson());
        assertThat(json.fieldNames())
                .toIterable()
                .containsExactly(
                        "spec",
                        "emitted_counts",
                        "valid_counts",
                        "invalid_records",
                        "repeat_petitioners",
                        "group_petitions",
                        "repeat_callers",
                        "cross_source_persons",
                        "overdue_cases",
                        "big_arrears",
                        "rising_topics",
                        "seasonal_topics",
                        "grid_work_anomalies");
        assertThat(json.at("/spec/first_month").asText()).isEqualTo("2024-01");
        assertThat(json.at("/spec/total_records").asLong()).isEqualTo(20_000);
        assertThat(json.at("/emitted_counts/HOTLINE").asLong()).isEqualTo(10_000);
        assertThat(json.at("/invalid_records/HOTLINE/by_defect/NOT_JSON").asLong())
                .isPositive();
        assertThat(json.at("/group_petitions/0/window_start").asText()).matches("2024-01-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        assertThat(json.at("/big_arrears/stale_cutoff").asText()).isEqualTo("2023-11-03 00:00:00");
        assertThat(json.at("/rising_topics/0/topic_word").asText()).isEqualTo("电动车充电");
        assertThat(json.at("/overdue_cases/rule").asText()).contains("OdsMapper.isOverdue");
        assertThat(json.at("/spec/grid_work").asBoolean()).isFalse();
        assertThat(json.at("/grid_work_anomalies").isEmpty()).isTrue();
    }

    @Test
    void gridWorkAnomaliesRoundTripWithTheirMonthAndKind(@TempDir Path tmp) throws Exception {
        GroundTruth truth = GeneratedDataset.of(GridWorkTest.SPEC).truth;
        Path file = tmp.resolve("ground-truth.json");
        truth.write(file);
        GroundTruth back = GroundTruth.read(file);
        assertThat(back).isEqualTo(truth);
        assertThat(back.gridWorkAnomalies()).hasSize(3 * GridWork.PLANTED_PER_KIND);
        JsonNode first = Json.mapper().readTree(truth.toJson()).at("/grid_work_anomalies/0");
        assertThat(first.get("month").asText()).isEqualTo("2024-03");
        assertThat(first.get("kind").asText()).isEqualTo("STAYS_IN_ONE_PLACE");
        assertThat(first.get("worker_id").asText()).matches("W\\d{8}");
        assertThat(first.get("record_ids").get(0).asText()).matches("WG202403\\d\\d-\\d{7}");
    }
}
