package org.gridgov.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.gridgov.common.json.Json;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.common.validation.RecordDecoder;
import org.gridgov.ingestion.audit.JdbcAuditLog;
import org.gridgov.ingestion.dlq.DeadLetterArchiver;
import org.gridgov.ingestion.gateway.GatewayAudit;
import org.gridgov.ingestion.gateway.IntakeGateway;
import org.gridgov.ingestion.gateway.IntakeHttpServer;
import org.gridgov.ingestion.gateway.IntakeKeys;
import org.gridgov.ingestion.kafka.RawTopicPublisher;
import org.gridgov.loading.write.JdbcBatchWriter;
import org.gridgov.warehouse.WarehouseSettings;

/**
 * The demo's intake-gateway step: a source system (the 12345 platform, with a key generated for this run) posts a
 * signed batch of its calls, some of them broken; an unsigned and a forged request are refused; the records the
 * gateway rejected are copied from {@code dlq.hotline} into {@code dlq_record} and counted there. It runs after the
 * alert job, so the re-sent calls on {@code raw.hotline} change none of the demo's other figures.
 */
final class DemoGateway {

    static final String CLIENT = "demo-12345";

    /** What the step did; it reconciles when every record is published or rejected and every reject is archived. */
    record Outcome(
            long sent,
            long published,
            long rejected,
            long archived,
            int unsignedStatus,
            int forgedStatus,
            String batch) {
        boolean reconciles() {
            return sent == published + rejected
                    && rejected > 0
                    && archived == rejected
                    && unsignedStatus == 401
                    && forgedStatus == 401;
        }
    }

    private DemoGateway() {}

    static Outcome run(List<String> hotline, int valid, String kafka, WarehouseSettings warehouse, String salt)
            throws Exception {
        String key = HexFormat.of().formatHex(new SecureRandom().generateSeed(24));
        IntakeKeys keys = IntakeKeys.parse(CLIENT + "=hotline:" + key, 300, Clock.systemUTC());
        byte[] body = body(hotline, valid);
        try (RawTopicPublisher publisher = new RawTopicPublisher(kafka);
                IntakeHttpServer server = new IntakeHttpServer(
                                new IntakeGateway(
                                        RecordDecoder.standard(),
                                        new PiiProtector(salt),
                                        publisher,
                                        Clock.system(RecordDecoder.ZONE)),
                                new GatewayAudit(new JdbcAuditLog(warehouse), "demo", Duration.ofMinutes(1)),
                                "127.0.0.1",
                                0,
                                16 << 20,
                                1 << 20,
                                keys,
                                line -> {},
                                null)
                        .start()) {
            HttpClient http = HttpClient.newHttpClient();
            String url = server.url() + "/intake/hotline";
            int unsigned = post(http, url, null, body).statusCode();
            long now = System.currentTimeMillis() / 1000;
            int forged = post(
                            http,
                            url,
                            IntakeKeys.authorization(CLIENT, "f".repeat(48), "POST", "/intake/hotline", now, body),
                            body)
                    .statusCode();
            HttpResponse<String> signed =
                    post(http, url, IntakeKeys.authorization(CLIENT, key, "POST", "/intake/hotline", now, body), body);
            if (signed.statusCode() != 200) {
                throw new IllegalStateException(
                        "the gateway refused the signed batch: " + signed.statusCode() + " " + signed.body());
            }
            JsonNode answer = Json.mapper().readTree(signed.body());
            String batch = answer.get("batch").asText();
            try (DeadLetterArchiver archiver = new DeadLetterArchiver(kafka, new JdbcBatchWriter(warehouse))) {
                archiver.drainOnce(Duration.ofSeconds(60));
            }
            return new Outcome(
                    answer.get("received").asLong(),
                    answer.get("published").asLong(),
                    answer.get("rejected").asLong(),
                    archived(warehouse, batch),
                    unsigned,
                    forged,
                    batch);
        }
    }

    /** {@code valid} calls as the platform exported them, and five it broke: fields missing, a point outside 历城区. */
    static byte[] body(List<String> hotline, int valid) throws IOException {
        List<String> lines = new ArrayList<>(hotline.subList(0, Math.min(valid, hotline.size())));
        for (int i = 1; i <= 3; i++) {
            lines.add("{\"schema_version\":1,\"case_id\":\"DEMO-GW-" + i + "\",\"channel\":\"PHONE\"}");
        }
        for (int i = 0; i < 2 && i < hotline.size(); i++) {
            ObjectNode far = (ObjectNode) Json.mapper().readTree(hotline.get(i));
            far.put("case_id", "DEMO-GW-FAR-" + i);
            far.put("latitude", 31.23);
            far.put("longitude", 121.47);
            lines.add(far.toString());
        }
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> post(HttpClient http, String url, String authorization, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static long archived(WarehouseSettings warehouse, String batch) throws Exception {
        try (Connection c =
                        java.sql.DriverManager.getConnection(warehouse.url(), warehouse.user(), warehouse.password());
                PreparedStatement ps = c.prepareStatement(
                        "SELECT COUNT(*) FROM dlq_record WHERE source = 'dlq.hotline'" + " AND dlq_id LIKE ?")) {
            ps.setString(1, batch + ":%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
