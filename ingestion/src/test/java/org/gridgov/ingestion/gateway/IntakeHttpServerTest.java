package org.gridgov.ingestion.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.gridgov.common.json.Json;
import org.gridgov.common.testing.SampleRecords;
import org.gridgov.ingestion.audit.AuditLog;
import org.gridgov.ingestion.testing.MemoryTopics;
import org.junit.jupiter.api.Test;

/**
 * The HTTP endpoint in process (Javalin's test tools on a loopback port) over topics in memory: every status and body a
 * source system can get, without Kafka.
 */
class IntakeHttpServerTest {

    private static final int MAX_BODY = 4096;

    private final MemoryTopics topics = new MemoryTopics();

    private IntakeHttpServer server() {
        IntakeGateway gateway =
                new IntakeGateway(SampleRecords.decoder(), SampleRecords.pii(), topics, SampleRecords.CLOCK);
        return new IntakeHttpServer(
                gateway,
                new GatewayAudit(AuditLog.none(), "test", Duration.ofSeconds(1)),
                "127.0.0.1",
                0,
                MAX_BODY,
                1 << 16);
    }

    private static Response post(HttpClient client, String path, String type, byte[] body) {
        return client.request(
                path, b -> b.post(BodyPublishers.ofByteArray(body)).header("Content-Type", type));
    }

    private static JsonNode json(Response r) throws IOException {
        return Json.mapper().readTree(r.body().string());
    }

    @Test
    void recordsArePublishedAndRejectionsListedWithTheCounts() {
        IntakeHttpServer server = server();
        JavalinTest.test(server.app(), (app, client) -> {
            String lines = SampleRecords.hotlineJson() + "\n{\"case_id\": \"RX-BROKEN\"}\n";
            Response ndjson =
                    post(client, "/intake/hotline", "application/x-ndjson", lines.getBytes(StandardCharsets.UTF_8));
            Response array = post(
                    client,
                    "/intake/petition",
                    "application/json",
                    ("[" + SampleRecords.petitionJson() + "]").getBytes(StandardCharsets.UTF_8));
            String csv = "record_id,kind,grid_code,worker_id,content,latitude,longitude,record_time,schema_version\n"
                    + "WG-HTTP-1,PATROL,37011200200101,W001,网格员巡查小区消防通道,36.84,117.03,2024-01-10 15:00:00,1\n";
            Response gbk = post(client, "/intake/grid", "text/csv; charset=GBK", csv.getBytes(Charset.forName("GBK")));
            Response health = client.get("/health");

            assertThat(ndjson.code()).isEqualTo(200);
            assertThat(String.valueOf(ndjson.headers().get("Content-Type"))).contains("application/json");
            JsonNode n = json(ndjson);
            assertThat(n.get("source").asText()).isEqualTo("hotline");
            assertThat(n.get("received").asLong()).isEqualTo(2);
            assertThat(n.get("published").asLong()).isEqualTo(1);
            assertThat(n.get("rejected").asLong()).isEqualTo(1);
            assertThat(n.get("rejections").get(0).get("reason").asText()).contains("required field is missing");
            assertThat(topics.on("raw.hotline")).hasSize(1);
            assertThat(topics.on("dlq.hotline")).hasSize(1);
            assertThat(json(array).get("published").asLong()).isEqualTo(1);
            assertThat(gbk.code()).as(gbk.body().string()).isEqualTo(200);
            assertThat(json(gbk).get("published").asLong()).isEqualTo(1);
            assertThat(json(health).get("status").asText()).isEqualTo("ok");
            assertThat(json(health).get("requests").asLong()).isEqualTo(3);
            assertThat(json(health).get("published").asLong()).isEqualTo(3);
        });
        assertThat(server.totals()).isEqualTo("requests=3 received=4 published=3 rejected=1 failed=0");
    }

    @Test
    void requestsRefusedAsAWholePublishNothingAndSayWhy() {
        JavalinTest.test(server().app(), (app, client) -> {
            byte[] record = SampleRecords.hotlineJson().getBytes(StandardCharsets.UTF_8);
            Response unknown = post(client, "/intake/weather", "application/x-ndjson", record);
            Response badJson =
                    post(client, "/intake/police", "application/json", "[{".getBytes(StandardCharsets.UTF_8));
            Response xml = post(client, "/intake/hotline", "text/xml", record);
            Response charset = post(client, "/intake/grid", "text/csv; charset=NOPE-1", record);
            Response get = client.get("/intake/hotline");
            Response tooLarge = post(client, "/intake/hotline", "application/x-ndjson", new byte[MAX_BODY + 1]);
            // no Content-Length: the limit holds for a chunked body too
            Response chunked = client.request("/intake/hotline", b -> b.post(
                            BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[MAX_BODY * 3])))
                    .header("Content-Type", "text/plain"));

            assertThat(unknown.code()).isEqualTo(404);
            assertThat(json(unknown).get("error").asText())
                    .isEqualTo("unknown source 'weather'; POST to "
                            + "/intake/<source> with one of [hotline, petition, arrears, police, grid]");
            assertThat(badJson.code()).isEqualTo(400);
            assertThat(json(badJson).get("error").asText()).startsWith("body is not JSON");
            assertThat(xml.code()).isEqualTo(415);
            assertThat(json(xml).get("error").asText()).startsWith("unsupported content type text/xml");
            assertThat(charset.code()).isEqualTo(400);
            assertThat(json(charset).get("error").asText()).isEqualTo("unknown charset nope-1");
            assertThat(get.code()).isEqualTo(405);
            assertThat(json(get).get("error").asText()).isEqualTo("use POST /intake/<source>");
            assertThat(tooLarge.code()).isEqualTo(413);
            assertThat(json(tooLarge).get("error").asText())
                    .isEqualTo("request body larger than " + MAX_BODY + " bytes; split it");
            assertThat(chunked.code()).isEqualTo(413);
            assertThat(topics.all()).isEmpty();
        });
    }

    @Test
    void recordsKafkaDidNotAcknowledgeAnswer503AskingForAResend() {
        topics.failEvery(1);
        JavalinTest.test(server().app(), (app, client) -> {
            Response r = post(
                    client,
                    "/intake/hotline",
                    "application/x-ndjson",
                    SampleRecords.hotlineJson().getBytes(StandardCharsets.UTF_8));
            assertThat(r.code()).isEqualTo(503);
            assertThat(json(r).get("failed").asLong()).isEqualTo(1);
            assertThat(json(r).get("error").asText()).endsWith("resend the request");
        });
    }
}
