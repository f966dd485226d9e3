package org.gridgov.cases.outbox;

import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.gridgov.cases.CaseServiceProperties;
import org.gridgov.common.kafka.Topic;
import org.gridgov.common.kafka.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.BindResult;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows to Kafka in id order and marks them published. Delivery is at-least-once: a batch that
 * fails part-way is sent again whole, so consumers deduplicate by {@code event_id} (the alert job keys on it).
 * While Kafka is unreachable the rows wait and the relay backs off up to 30 s; nothing is dropped. Rows are claimed
 * with {@code FOR UPDATE SKIP LOCKED}, so two service instances never publish the same batch at once.
 */
@Component
public class OutboxRelay implements SchedulingConfigurer {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** The key before it became the duration {@code gridgov.case.outbox-interval}; still read, with a warning. */
    static final String DEPRECATED_INTERVAL_KEY = "gridgov.case.outbox-interval-ms";

    private final Outbox outbox;
    private final TransactionTemplate tx;
    /** A transaction of its own, for the failure count written after the claiming transaction rolled back. */
    private final TransactionTemplate separate;

    private final CaseServiceProperties props;
    private final Clock clock;
    /** Bytes: keys are serialized by each row's topic's key serde, payloads were serialized when appended. */
    private Producer<byte[], byte[]> producer;

    private long failures;
    private long nextAttemptAt;

    private final Duration interval;

    public OutboxRelay(
            Outbox outbox, TransactionTemplate tx, CaseServiceProperties props, Clock clock, Environment environment) {
        this.outbox = outbox;
        this.tx = tx;
        this.separate = new TransactionTemplate(Objects.requireNonNull(tx.getTransactionManager()));
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.props = props;
        this.clock = clock;
        this.interval = interval(props, Binder.get(environment));
        if (props.kafkaBootstrapServers().isBlank()) {
            LOG.warn("gridgov.case.kafka-bootstrap-servers is not set: case events stay in the outbox until it is");
        }
    }

    /** {@code gridgov.case.outbox-interval}, else the deprecated {@code ...-ms} key when only that one is set. */
    static Duration interval(CaseServiceProperties props, Binder binder) {
        BindResult<Duration> deprecated = binder.bind(DEPRECATED_INTERVAL_KEY, Duration.class);
        if (!deprecated.isBound()) {
            return props.outboxInterval();
        }
        LOG.warn(
                "{} is deprecated: use gridgov.case.outbox-interval (a bare number still means milliseconds)",
                DEPRECATED_INTERVAL_KEY);
        return binder.bind("gridgov.case.outbox-interval", Duration.class).orElse(deprecated.get());
    }

    /** Every {@code gridgov.case.outbox-interval} after the previous round ended. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::relayScheduled, interval);
    }

    public void relayScheduled() {
        if (props.kafkaBootstrapServers().isBlank() || System.currentTimeMillis() < nextAttemptAt) {
            return;
        }
        try {
            while (relayOnce() == props.outboxBatch()) {
                // a full batch means more are waiting
            }
            failures = 0;
        } catch (RuntimeException e) {
            failures++;
            long backoff = Math.min(MAX_BACKOFF.toMillis(), 500L << Math.min(failures, 10));
            nextAttemptAt = System.currentTimeMillis() + backoff;
            LOG.warn("outbox relay failed ({} in a row), next try in {} ms: {}", failures, backoff, e.toString());
            closeProducer();
        }
    }

    /** Publishes one batch; returns how many rows it published. */
    public synchronized int relayOnce() {
        Integer sent = tx.execute(status -> {
            List<Outbox.Pending> rows = outbox.claim(props.outboxBatch());
            if (rows.isEmpty()) {
                return 0;
            }
            try {
                Producer<byte[], byte[]> p = producer();
                List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
                for (Outbox.Pending r : rows) {
                    acks.add(p.send(record(r)));
                }
                p.flush();
                for (Future<RecordMetadata> a : acks) {
                    a.get(30, TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                String error = e.getCause() != null ? e.getCause().toString() : e.toString();
                status.setRollbackOnly();
                markFailedSeparately(rows, error);
                throw new IllegalStateException("cannot publish " + rows.size() + " outbox events: " + error, e);
            }
            outbox.markPublished(rows, LocalDateTime.now(clock));
            return rows.size();
        });
        if (sent != null && sent > 0) {
            LOG.info("published {} case events", sent);
        }
        return sent == null ? 0 : sent;
    }

    /** A row as its registry topic's record; a topic the registry does not know fails the batch, named. */
    @SuppressWarnings("unchecked")
    private static ProducerRecord<byte[], byte[]> record(Outbox.Pending r) {
        Topic<String, ?> topic = (Topic<String, ?>) Topics.named(r.topic())
                .orElseThrow(
                        () -> new IllegalStateException("outbox row " + r.id() + " names unknown topic " + r.topic()));
        return new ProducerRecord<>(
                topic.name(),
                topic.keySerde().serializer().serialize(topic.name(), r.key()),
                r.payload().getBytes(StandardCharsets.UTF_8));
    }

    private void markFailedSeparately(List<Outbox.Pending> rows, String error) {
        // The claiming transaction rolls back; the failure count is kept by a transaction of its own after it. Not a
        // plain statement: in afterCompletion the rolled-back transaction's connection is still bound, and with the
        // transaction pool (autocommit off, jdbc.TransactionPoolDataSource) nothing commits a statement run on it
        // then — Spring's rule for afterCompletion is REQUIRES_NEW (OutboxIT's failed relay attempt)
        List<Long> ids = rows.stream().map(Outbox.Pending::id).toList();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                separate.executeWithoutResult(s -> outbox.markFailed(ids, error));
            }
        });
    }

    public long pending() {
        return outbox.pending();
    }

    private Producer<byte[], byte[]> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, props.kafkaBootstrapServers());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "3000");
            p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
            p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000");
            p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
            p.put(ProducerConfig.CLIENT_ID_CONFIG, "gridgov-case-service-outbox");
            producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(1));
            } catch (RuntimeException ignored) {
                // a broken producer is being thrown away
            }
            producer = null;
        }
    }

    @PreDestroy
    synchronized void stop() {
        closeProducer();
    }
}
