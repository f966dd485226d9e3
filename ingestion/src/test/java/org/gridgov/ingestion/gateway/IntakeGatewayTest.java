package org.gridgov.ingestion.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.gridgov.common.json.Json;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.testing.SampleRecords;
import org.gridgov.ingestion.gateway.IntakeGateway.BatchResult;
import org.gridgov.ingestion.testing.MemoryTopics;
import org.gridgov.ingestion.testing.MemoryTopics.Message;
import org.gridgov.simulator.testing.GeneratedRecords;
import org.junit.jupiter.api.Test;

/** The gateway's core with topics in memory: what goes to raw, what to dead letters, with which keys. */
class IntakeGatewayTest {

    private final MemoryTopics topics = new MemoryTopics();
    private final IntakeGateway gateway =
            new IntakeGateway(SampleRecords.decoder(), SampleRecords.pii(), topics, SampleRecords.CLOCK);

    private BatchResult jsonLines(SourceType source, String text) throws IOException {
        return jsonLines(source, text.getBytes(StandardCharsets.UTF_8));
    }

    private BatchResult jsonLines(SourceType source, byte[] bytes) throws IOException {
        try (JsonLinesReader r = new JsonLinesReader(new ByteArrayInputStream(bytes), "batch.jsonl", 1 << 20)) {
            return gateway.publish(source, "batch.jsonl", r);
        }
    }

    @Test
    void generatedRecordsSplitIntoRawAndDeadLettersWithNothingLost() throws IOException {
        for (SourceType s : SourceType.values()) {
            List<String> lines = GeneratedRecords.withDefects(3000).lines(s);
            BatchResult r = jsonLines(s, String.join("\n", lines) + "\n");
            // the sample decoder's clock is 2024-02-01: the generated January is in its past
            long valid = lines.stream()
                    .filter(l -> SampleRecords.decoder().decode(s, l).isValid())
                    .count();
            assertThat(r.in()).isEqualTo(lines.size());
            assertThat(r.published()).isEqualTo(valid);
            assertThat(r.rejected()).isEqualTo(lines.size() - valid).isPositive();
            assertThat(r.complete()).isTrue();
            assertThat(topics.on(s.rawTopic())).hasSize((int) valid);
            assertThat(topics.on(s.dlqTopic())).hasSize((int) (lines.size() - valid));
        }
    }

    @Test
    void validRecordsArePublishedInCanonicalFormKeyedByCaseOrPerson() throws IOException {
        jsonLines(SourceType.HOTLINE, SampleRecords.json(SourceType.HOTLINE));
        jsonLines(SourceType.PETITION, SampleRecords.json(SourceType.PETITION));

        Message h = topics.on("raw.hotline").get(0);
        assertThat(h.key()).isEqualTo(SampleRecords.hotline().caseId());
        assertThat(Json.mapper().readTree(h.value()))
                .isEqualTo(Json.mapper().readTree(Json.write(SampleRecords.hotline())));
        Message p = topics.on("raw.petition").get(0);
        assertThat(p.key())
                .isEqualTo("person:" + SampleRecords.pii().idCardKey(SampleRecords.PETITIONER_ID_CARD))
                .doesNotContain(SampleRecords.PETITIONER_ID_CARD);
    }

    @Test
    void oneCasesVersionsKeepTheirOrderOnOneKey() throws IOException {
        var tree = SampleRecords.tree(SourceType.HOTLINE);
        StringBuilder sb = new StringBuilder();
        for (String status : List.of("ACCEPTED", "REPLIED", "CLOSED")) {
            tree.put("status", status);
            if (status.equals("CLOSED")) {
                tree.put("close_time", "2024-01-17 10:00:00");
            } else {
                tree.putNull("close_time");
            }
            sb.append(tree).append('\n');
        }
        jsonLines(SourceType.HOTLINE, sb.toString());
        assertThat(topics.on("raw.hotline"))
                .extracting(Message::key)
                .containsOnly(SampleRecords.hotline().caseId());
        assertThat(topics.on("raw.hotline"))
                .extracting(m -> read(m.value()).get("status").asText())
                .containsExactly("ACCEPTED", "REPLIED", "CLOSED");
    }

    @Test
    void rejectedRecordsGoToTheDeadLetterTopicWithFieldReasonPositionAndPayload() throws IOException {
        var bad = SampleRecords.tree(SourceType.PETITION);
        bad.put("latitude", 39.9).put("longitude", 116.4);
        String truncated = SampleRecords.json(SourceType.PETITION).substring(0, 40);
        byte[] gbk = SampleRecords.json(SourceType.PETITION).getBytes(Charset.forName("GBK"));
        byte[] body = concat((bad + "\n\n" + truncated + "\n").getBytes(StandardCharsets.UTF_8), gbk);

        BatchResult r = jsonLines(SourceType.PETITION, body);

        assertThat(r.in()).isEqualTo(3);
        assertThat(r.rejected()).isEqualTo(3);
        assertThat(r.notes()).isEqualTo("1 blank line skipped");
        List<JsonNode> dlq =
                topics.on("dlq.petition").stream().map(m -> read(m.value())).toList();
        assertThat(dlq.get(0).get("error_field").asText()).isEqualTo("latitude");
        assertThat(dlq.get(0).get("reason").asText()).contains("outside 历城区");
        assertThat(dlq.get(0).get("position").asText()).isEqualTo("batch.jsonl:1");
        assertThat(dlq.get(0).get("record_key").asText())
                .isEqualTo(SampleRecords.petition().petitionId());
        assertThat(dlq.get(0).get("payload").asText()).isEqualTo(bad.toString());
        assertThat(dlq.get(1).get("reason").asText()).contains("not valid JSON");
        assertThat(dlq.get(1).get("position").asText()).isEqualTo("batch.jsonl:3");
        assertThat(dlq.get(2).get("reason").asText()).contains("not valid UTF-8");
        assertThat(topics.on("dlq.petition").get(1).key()).isEqualTo("batch.jsonl:3");
    }

    @Test
    void reasonsAreRedactedButTheRawPayloadIsKeptForReplay() throws IOException {
        var bad = SampleRecords.tree(SourceType.PETITION);
        String wrong = SampleRecords.PETITIONER_ID_CARD.substring(0, 17)
                + (SampleRecords.PETITIONER_ID_CARD.endsWith("0") ? "1" : "0");
        bad.put("person_id_card", wrong);
        jsonLines(SourceType.PETITION, bad.toString());
        JsonNode d = read(topics.on("dlq.petition").get(0).value());
        assertThat(d.get("reason").asText()).contains("invalid ID card number").doesNotContain(wrong);
        assertThat(d.get("payload").asText()).contains(wrong);
    }

    @Test
    void unacknowledgedSendsAreCountedAsFailedNotLost() throws IOException {
        MemoryTopics flaky = new MemoryTopics().failEvery(4);
        IntakeGateway g = new IntakeGateway(SampleRecords.decoder(), SampleRecords.pii(), flaky, SampleRecords.CLOCK);
        String lines = String.join(
                "\n", GeneratedRecords.clean(3000).lines(SourceType.POLICE).subList(0, 100));
        BatchResult r;
        try (JsonLinesReader reader = new JsonLinesReader(
                new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), "p.jsonl", 1 << 20)) {
            r = g.publish(SourceType.POLICE, "p.jsonl", reader);
        }
        assertThat(r.failed()).isEqualTo(25);
        assertThat(r.published() + r.rejected() + r.failed()).isEqualTo(100);
        assertThat(r.complete()).isFalse();
        assertThat(r.failure()).contains("injected");
    }

    @Test
    void csvWithAHeaderOfFieldNamesIsReadInAnyColumnOrder() throws IOException {
        JsonNode police = read(SampleRecords.json(SourceType.POLICE));
        List<String> fields = List.of(
                "report_time",
                "incident_id",
                "incident_type",
                "content",
                "latitude",
                "longitude",
                "person_name",
                "person_id_card",
                "person_phone",
                "schema_version");
        String row = fields.stream()
                .map(f -> police.get(f).isNull() ? "" : police.get(f).asText())
                .collect(Collectors.joining(","));
        String csv = String.join(",", fields) + "\n" + row + "\n"
                + row.replace("," + police.get("incident_type").asText() + ",", ",未知,") + "\n";
        BatchResult r;
        try (CsvIntakeReader reader = new CsvIntakeReader(
                new ByteArrayInputStream(csv.getBytes(Charset.forName("GBK"))),
                "police.csv",
                SourceType.POLICE,
                "GBK",
                1 << 20)) {
            r = gateway.publish(SourceType.POLICE, "police.csv", reader);
        }
        assertThat(r.published()).isEqualTo(1);
        assertThat(r.rejected()).isEqualTo(1);
        assertThat(r.rejections().get(0).field()).isEqualTo("incident_type");
        assertThat(r.rejections().get(0).position()).isEqualTo("police.csv:3");
    }

    @Test
    void csvHeaderWithUnknownFieldsIsRefusedAsAWhole() {
        String csv = "incident_id,when\nJQ1,2024-01-01 00:00:00\n";
        assertThatThrownBy(() -> {
                    try (CsvIntakeReader reader = new CsvIntakeReader(
                            new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                            "police.csv",
                            SourceType.POLICE,
                            "UTF-8",
                            1 << 20)) {
                        gateway.publish(SourceType.POLICE, "police.csv", reader);
                    }
                })
                .isInstanceOf(IntakeException.class)
                .hasMessageContaining("unknown fields [when]");
        assertThat(topics.all()).isEmpty();
    }

    @Test
    void sourceIsReadFromTheFileName() {
        assertThat(FileIntake.sourceOf(java.nio.file.Path.of("/x/petition-20240131.csv")))
                .isEqualTo(SourceType.PETITION);
        assertThatThrownBy(() -> FileIntake.sourceOf(java.nio.file.Path.of("export.csv")))
                .hasMessageContaining("cannot tell the source");
    }

    private static JsonNode read(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
