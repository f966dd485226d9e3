package org.gridgov.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gridgov.cases.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 4: an {@code Idempotency-Key} holds under concurrency (retries sent at once get the one case, never
 * a 500), and a key reused for a different report is refused with 422 instead of silently answering the first case.
 */
class IdempotencyRaceIT extends ServiceIT {

    Api.Session worker;

    @BeforeEach
    void users() {
        user("ir_worker", Role.GRID_WORKER, WorkflowIT.GRID, null);
        worker = login("ir_worker");
    }

    Api.Response report(Map<String, Object> body, String key) {
        try {
            return api.sendRaw(HttpRequest.newBuilder(URI.create(api.base() + "/api/cases"))
                    .header("Authorization", "Bearer " + worker.token())
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body)))
                    .build());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The concurrency figure of the issue: 5 parallel retries of one key → one case, no 5xx (ten keys in a row). */
    @Test
    void parallelRetriesOfOneKeyGetOneCaseAndNo5xx() throws Exception {
        int keys = 10;
        int retries = 5;
        ExecutorService pool = Executors.newFixedThreadPool(retries);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (int k = 0; k < keys; k++) {
                String key = "race-" + k + "-" + System.nanoTime();
                Map<String, Object> body = WorkflowIT.report("雨水井堵塞，路面积水 " + key, "C0101", false);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Api.Response>> answers = new ArrayList<>();
                for (int i = 0; i < retries; i++) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return report(body, key);
                    }));
                }
                start.countDown();
                List<String> ids = new ArrayList<>();
                int created = 0;
                for (Future<Api.Response> f : answers) {
                    Api.Response r = f.get();
                    statuses.add(r.status());
                    assertThat(r.status()).as(r.raw()).isIn(200, 201);
                    created += r.status() == 201 ? 1 : 0;
                    ids.add(r.text("id"));
                }
                assertThat(created).as("key " + key).isEqualTo(1);
                assertThat(ids).as("key " + key).containsOnly(ids.get(0));
                assertThat(jdbc.queryForObject(
                                "SELECT COUNT(*) FROM case_record WHERE description = ?",
                                Integer.class,
                                body.get("description")))
                        .isEqualTo(1);
                assertThat(jdbc.queryForObject(
                                "SELECT COUNT(*) FROM outbox_event WHERE msg_key = ?", Integer.class, ids.get(0)))
                        .as("one CREATED event")
                        .isEqualTo(1);
            }
        } finally {
            pool.shutdown();
        }
        System.out.println(keys + " keys x " + retries + " parallel retries: statuses " + statuses);
        assertThat(statuses).hasSize(keys * retries).allMatch(s -> s < 500);
    }

    @Test
    void aKeyReusedForAnotherReportIsRefusedWithTheReason() {
        String key = "reused-" + System.nanoTime();
        Api.Response first = report(WorkflowIT.report("路灯不亮", "C0101", false), key);
        assertThat(first.status()).isEqualTo(201);
        Api.Response other = report(WorkflowIT.report("垃圾满溢无人清运", "C0201", false), key);
        assertThat(other.status()).as(other.raw()).isEqualTo(422);
        assertThat(other.text("error")).contains("Idempotency-Key");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM case_record WHERE description = '垃圾满溢无人清运'"
                                + " AND created_by = 'ir_worker'",
                        Integer.class))
                .isZero();
        // the same report again is still the first case
        Api.Response retry = report(WorkflowIT.report("路灯不亮", "C0101", false), key);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.text("id")).isEqualTo(first.text("id"));
    }

    @Test
    void anOverlongKeyIsRefusedBeforeAnyWrite() {
        Api.Response r = report(WorkflowIT.report("井盖缺失", "C0101", false), "k".repeat(200));
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.text("error")).contains("Idempotency-Key");
    }
}
