package org.gridgov.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gridgov.cases.security.Role;
import org.gridgov.common.json.Json;
import org.gridgov.common.kafka.Topics;
import org.gridgov.common.model.Alert;
import org.gridgov.common.model.AlertLevel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Alerts from Kafka reach the live inbox of the users whose area covers them, and nobody else's. */
class InboxIT extends ServiceIT {

    @BeforeEach
    void users() {
        user("ib_leader", Role.LEADER, "370112", null);
        user("ib_center_a", Role.GRID_CENTER, "370112001", null);
        user("ib_center_b", Role.GRID_CENTER, "370112002", null);
        user("ib_worker", Role.GRID_WORKER, WorkflowIT.GRID, null);
    }

    static void publish(Alert alert) {
        Properties p = new Properties();
        p.put("bootstrap.servers", TestStack.kafkaBootstrap());
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.ALERTS.name(), alert.alertId(), Json.write(alert)));
        }
    }

    @Test
    void anOverdueAlertAboutACaseReachesTheUsersCoveringItsGrid() throws Exception {
        Api.Session worker = login("ib_worker");
        String caseId = worker.post("/api/cases", WorkflowIT.report("下水道堵塞", "C0101", false))
                .text("id");
        Api.Session leader = login("ib_leader");

        // a live subscriber: the leader's SSE stream
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest sse = HttpRequest.newBuilder(URI.create(api.base() + "/api/inbox/stream"))
                .header("Authorization", "Bearer " + leader.token())
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<java.io.InputStream> stream = http.send(sse, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        String alertId = "case_overdue:" + caseId;
        CompletableFuture<String> received = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("data:") && line.contains(alertId)) {
                        return line;
                    }
                }
                return null;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        // the consumer starts at the latest offset: publish until the inbox has it
        Alert alert = new Alert(
                1,
                alertId,
                "case_overdue",
                AlertLevel.ORANGE,
                caseId,
                List.of(caseId),
                "事件超期未办结",
                LocalDateTime.now().withNano(0));
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (leader.get("/api/inbox/alerts").body().findValuesAsText("alert_id").stream()
                .noneMatch(alertId::equals)) {
            assertThat(System.nanoTime()).as("alert reached the inbox").isLessThan(end);
            publish(alert);
            Thread.sleep(500);
        }
        String event = received.get(30, TimeUnit.SECONDS);
        assertThat(event).contains("\"grid_code\":\"" + WorkflowIT.GRID + "\"").contains("ORANGE");

        assertThat(login("ib_center_a").get("/api/inbox/alerts").body().findValuesAsText("alert_id"))
                .contains(alertId);
        assertThat(login("ib_center_b").get("/api/inbox/alerts").body().findValuesAsText("alert_id"))
                .doesNotContain(alertId);
        assertThat(worker.get("/api/inbox/alerts").status()).isEqualTo(403);
    }
}
