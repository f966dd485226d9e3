package org.gridgov.ingestion.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.gridgov.common.json.Json;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.testing.SampleRecords;
import org.gridgov.common.validation.IdCardNumber;
import org.gridgov.ingestion.gateway.IntakeGateway.BatchResult;
import org.gridgov.ingestion.testing.MemoryTopics;
import org.gridgov.simulator.testing.GeneratedRecords;
import org.junit.jupiter.api.Test;

/**
 * More than 10,000 malformed JSON records of all five sources through the gateway: every one lands on its
 * dead-letter topic with a reason naming the problem, every valid one on its raw topic, and in = published + rejected.
 */
class GatewayFuzzTest {

    /** A way to break a record, with words its reason must contain; null bytes means "use the mutated JSON". */
    private record Mutation(
            String name, String reasonFragment, BiFunction<ObjectNode, SplittableRandom, byte[]> apply) {}

    private static final Map<SourceType, String> ENUM_FIELD = new EnumMap<>(Map.of(
            SourceType.HOTLINE,
            "channel",
            SourceType.PETITION,
            "form",
            SourceType.ARREARS,
            "status",
            SourceType.POLICE,
            "incident_type",
            SourceType.GRID,
            "kind"));

    private static List<Mutation> mutations(SourceType s) {
        List<Mutation> m = new ArrayList<>();
        m.add(new Mutation("missing id", "required field is missing", (n, r) -> json(n.without(s.idField()))));
        m.add(new Mutation("missing time", "required field is missing", (n, r) -> json(n.without(s.eventTimeField()))));
        m.add(new Mutation(
                "malformed time",
                "expected a time",
                (n, r) -> json(n.put(
                        s.eventTimeField(),
                        pick(
                                r,
                                "2024-13-45 25:61:00",
                                "2024/01/15",
                                "15.01.2024 09:30",
                                "昨天",
                                "2024-01-15 24:00:01")))));
        m.add(new Mutation(
                "time before 2000",
                "is before 2000",
                (n, r) -> json(n.put(s.eventTimeField(), "1970-01-01 00:00:00"))));
        m.add(new Mutation(
                "time in the future",
                "in the future",
                (n, r) -> json(n.put(s.eventTimeField(), "2031-06-01 08:00:00"))));
        m.add(new Mutation(
                "latitude not a number",
                "expected a number",
                (n, r) -> json(n.put("latitude", pick(r, "abc", "36,69", "北纬36度", "1e")))));
        m.add(new Mutation(
                "outside district",
                "outside 历城区",
                (n, r) -> json(n.put("latitude", 39.9).put("longitude", 116.4))));
        m.add(new Mutation("not a coordinate", "is not a coordinate", (n, r) -> json(n.put("latitude", 136.6))));
        m.add(new Mutation("unknown enum", "is not one of", (n, r) -> json(n.put(ENUM_FIELD.get(s), "未知"))));
        m.add(new Mutation(
                "oversized text",
                "longer than",
                (n, r) -> json(n.put(
                        s == SourceType.ARREARS ? "project_name" : "content", "很长的内容".repeat(401 + r.nextInt(50))))));
        m.add(new Mutation("object instead of text", "expected text", (n, r) -> {
            n.putObject(s == SourceType.ARREARS ? "company_name" : "content").put("text", "x");
            return json(n);
        }));
        m.add(new Mutation("bad schema version", "unsupported version", (n, r) -> json(n.put("schema_version", 99))));
        m.add(new Mutation("truncated line", "not valid JSON", (n, r) -> {
            String t = n.toString();
            return t.substring(0, 10 + r.nextInt(t.length() / 2)).getBytes(StandardCharsets.UTF_8);
        }));
        m.add(new Mutation(
                "not an object", "expected a JSON object", (n, r) -> pick(r, "[1,2]", "42", "\"text\"", "null")
                        .getBytes(StandardCharsets.UTF_8)));
        m.add(new Mutation("GBK bytes", "not valid UTF-8", (n, r) -> n.put("content", "居民反映楼道堆放杂物")
                .toString()
                .getBytes(Charset.forName("GBK"))));
        if (s.idCardField() != null) {
            m.add(new Mutation("bad id checksum", "invalid ID card number", (n, r) -> {
                String id = n.hasNonNull(s.idCardField())
                        ? n.get(s.idCardField()).asText()
                        : IdCardNumber.of("370112", java.time.LocalDate.of(1980, 5, 5), r.nextInt(999));
                String checks = "0123456789X";
                int right = checks.indexOf(IdCardNumber.checkChar(id.substring(0, 17)));
                return json(
                        n.put(s.idCardField(), id.substring(0, 17) + checks.charAt((right + 1 + r.nextInt(10)) % 11)));
            }));
        }
        if (s != SourceType.GRID) {
            String phone =
                    switch (s) {
                        case HOTLINE -> "caller_phone";
                        case ARREARS -> "complainant_phone";
                        default -> "person_phone";
                    };
            m.add(new Mutation(
                    "bad phone",
                    "invalid phone number",
                    (n, r) -> json(n.put(phone, pick(r, "1385311234", "12012345678", "电话13853", "+1 555 0100")))));
        }
        if (s == SourceType.HOTLINE || s == SourceType.PETITION) {
            m.add(new Mutation(
                    "unknown category", "unknown category", (n, r) -> json(n.put("category_code", "C9999"))));
        }
        return m;
    }

    @Test
    void tenThousandMalformedRecordsAllReachADeadLetterTopicWithTheirReason() throws IOException {
        SplittableRandom random = new SplittableRandom(311L);
        MemoryTopics topics = new MemoryTopics();
        IntakeGateway gateway =
                new IntakeGateway(SampleRecords.decoder(), SampleRecords.pii(), topics, SampleRecords.CLOCK);
        long malformedTotal = 0;
        for (SourceType s : SourceType.values()) {
            List<JsonNode> base = GeneratedRecords.clean(3000).parsed(s);
            List<Mutation> mutations = mutations(s);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            List<Mutation> expected = new ArrayList<>();
            int valid = 0;
            for (int i = 0; i < 2400; i++) {
                ObjectNode record = (ObjectNode) base.get(i % base.size()).deepCopy();
                if (i % 8 == 0) {
                    body.writeBytes(json(record));
                    valid++;
                } else {
                    Mutation m = mutations.get(random.nextInt(mutations.size()));
                    body.writeBytes(m.apply().apply(record, random));
                    expected.add(m);
                }
                body.write('\n');
            }
            BatchResult r;
            try (JsonLinesReader reader =
                    new JsonLinesReader(new ByteArrayInputStream(body.toByteArray()), s.code() + ".jsonl", 1 << 20)) {
                r = gateway.publish(s, s.code() + ".jsonl", reader);
            }

            assertThat(r.in()).isEqualTo(2400);
            assertThat(r.published()).as("valid %s records published", s).isEqualTo(valid);
            assertThat(r.rejected()).isEqualTo(expected.size());
            assertThat(r.complete()).isTrue();
            List<MemoryTopics.Message> dlq = topics.on(s.dlqTopic());
            assertThat(dlq).hasSize(expected.size());
            for (int i = 0; i < dlq.size(); i++) {
                JsonNode d = Json.mapper().readTree(dlq.get(i).value());
                assertThat(d.get("reason").asText())
                        .as("%s: %s", expected.get(i).name(), d)
                        .contains(expected.get(i).reasonFragment());
                assertThat(d.get("error_field").asText()).isNotBlank();
                assertThat(dlq.get(i).key()).isNotBlank();
            }
            malformedTotal += expected.size();
        }
        assertThat(malformedTotal).isGreaterThanOrEqualTo(10_000);
    }

    private static byte[] json(JsonNode n) {
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }

    @SafeVarargs
    private static <T> T pick(SplittableRandom r, T... options) {
        return options[r.nextInt(options.length)];
    }
}
