package org.gridgov.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.gridgov.cases.casefile.CaseChannel;
import org.gridgov.cases.casefile.CaseService;
import org.gridgov.cases.casefile.NewCase;
import org.gridgov.cases.security.Role;
import org.gridgov.cases.security.Staff;
import org.gridgov.common.kafka.Topics;
import org.gridgov.common.model.CaseEvent;
import org.gridgov.common.validation.EventDecoder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The transactional outbox: nothing lost while Kafka is down, nothing published for a rolled-back change. */
class OutboxIT extends ServiceIT {

    @Autowired
    CaseService cases;

    @Autowired
    TransactionTemplate tx;

    Api.Session worker;

    @BeforeEach
    void users() {
        user("ob_worker", Role.GRID_WORKER, WorkflowIT.GRID, null);
        worker = login("ob_worker");
    }

    long pending() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE published_at IS NULL", Long.class);
    }

    static void await(String what, java.util.function.BooleanSupplier condition, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    Set<String> publishedEventIds(Set<String> wanted) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrap());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "outbox-it-" + System.nanoTime());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Set<String> seen = new HashSet<>();
        try (KafkaConsumer<String, String> c =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of(Topics.CASE_EVENTS.name()));
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!seen.containsAll(wanted) && System.nanoTime() < end) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                    var d = EventDecoder.caseEvent(r.value());
                    assertThat(d.isValid()).as(r.value()).isTrue();
                    CaseEvent e = d.value();
                    assertThat(r.key()).isEqualTo(e.caseId());
                    seen.add(e.eventId());
                }
            }
        }
        return seen;
    }

    @Test
    void eventsWrittenWhileKafkaIsDownAreDeliveredWhenItReturns() {
        String before = worker.post("/api/cases", WorkflowIT.report("停电前上报", "C0101", false))
                .text("id");
        await("the first event to be published", () -> pending() == 0, Duration.ofSeconds(30));

        TestStack.stopKafka();
        Set<String> written = new HashSet<>();
        try {
            for (int i = 0; i < 5; i++) {
                Api.Response r = worker.post("/api/cases", WorkflowIT.report("Kafka 停机期间上报 " + i, "C0101", false));
                assertThat(r.status())
                        .as("the service keeps working without Kafka")
                        .isEqualTo(201);
                written.addAll(jdbc.queryForList(
                        "SELECT event_id FROM outbox_event WHERE msg_key = ?", String.class, r.text("id")));
            }
            assertThat(written).hasSize(5);
            // the relay tries, fails and keeps the rows
            await(
                    "a failed relay attempt",
                    () -> jdbc.queryForObject(
                                    "SELECT COUNT(*) FROM outbox_event WHERE"
                                            + " published_at IS NULL AND attempts > 0",
                                    Integer.class)
                            > 0,
                    Duration.ofSeconds(60));
            assertThat(pending()).isGreaterThanOrEqualTo(5);
        } finally {
            TestStack.restartKafka();
        }
        await("the backlog to drain after Kafka returns", () -> pending() == 0, Duration.ofSeconds(90));
        Set<String> all = new HashSet<>(written);
        all.addAll(jdbc.queryForList("SELECT event_id FROM outbox_event WHERE msg_key = ?", String.class, before));
        assertThat(publishedEventIds(all)).containsAll(all);
    }

    @Test
    void aRolledBackChangePublishesNothing() {
        long rows = jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event", Long.class);
        long caseRows = jdbc.queryForObject("SELECT COUNT(*) FROM case_record", Long.class);
        Staff staff = users.find("ob_worker").orElseThrow().staff();
        tx.executeWithoutResult(status -> {
            cases.report(
                    staff,
                    new NewCase(
                            null,
                            "事务回滚的上报",
                            CaseChannel.GRID_PATROL,
                            "C0101",
                            null,
                            null,
                            WorkflowIT.GRID,
                            null,
                            1,
                            null,
                            null,
                            false),
                    null);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event", Long.class))
                    .isEqualTo(rows + 1);
            status.setRollbackOnly();
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event", Long.class))
                .isEqualTo(rows);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_record", Long.class))
                .isEqualTo(caseRows);
    }
}
