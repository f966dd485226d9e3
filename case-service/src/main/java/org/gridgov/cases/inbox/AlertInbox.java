package org.gridgov.cases.inbox;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.gridgov.cases.CaseServiceProperties;
import org.gridgov.cases.access.Action;
import org.gridgov.cases.access.Authorization;
import org.gridgov.cases.access.Target;
import org.gridgov.cases.area.AreaDirectory;
import org.gridgov.cases.domain.Refusals;
import org.gridgov.cases.security.Staff;
import org.gridgov.common.kafka.Topics;
import org.gridgov.common.model.Alert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The leader inbox: reads {@code alerts} from Kafka and pushes each alert over SSE to the signed-in users whose area
 * covers it. Every service instance reads all alerts (its own consumer group), since each holds its own browsers.
 * Keeps the latest alerts in memory for users who connect later; older ones are in the warehouse (cockpit).
 */
@Component
public class AlertInbox implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(AlertInbox.class);
    private static final int KEPT = 200;

    private record Subscriber(Staff staff, SseEmitter emitter) {}

    private final CaseServiceProperties props;
    private final AlertLocator locator;
    private final AreaDirectory areas;
    private final Refusals refusals;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final Deque<LiveAlert> recent = new ArrayDeque<>();
    private volatile KafkaConsumer<String, Alert> consumer;
    private volatile Thread thread;
    private volatile boolean running;

    public AlertInbox(CaseServiceProperties props, AlertLocator locator, AreaDirectory areas, Refusals refusals) {
        this.props = props;
        this.locator = locator;
        this.areas = areas;
        this.refusals = refusals;
    }

    public static boolean mayRead(Staff staff) {
        return Authorization.allows(staff, Action.INBOX_READ, Target.nothing());
    }

    /** The user, if their role has an inbox; otherwise the refusal is audited and thrown. */
    public Staff requireReader(Staff staff) {
        refusals.require(staff, Action.INBOX_READ, Target.nothing(), "ALERT", null);
        return staff;
    }

    public SseEmitter subscribe(Staff staff) {
        SseEmitter emitter = new SseEmitter(0L);
        Subscriber s = new Subscriber(staff, emitter);
        subscribers.add(s);
        emitter.onCompletion(() -> subscribers.remove(s));
        emitter.onTimeout(() -> subscribers.remove(s));
        emitter.onError(e -> subscribers.remove(s));
        try {
            emitter.send(SseEmitter.event().name("hello").data("connected"));
        } catch (IOException e) {
            subscribers.remove(s);
        }
        return emitter;
    }

    /** The kept alerts this user may see, newest first. */
    public List<LiveAlert> recentFor(Staff staff) {
        List<LiveAlert> out = new ArrayList<>();
        synchronized (recent) {
            for (LiveAlert a : recent) {
                if (visible(staff, a)) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    static boolean visible(Staff staff, LiveAlert a) {
        return a.gridCode() == null ? staff.districtWide() : staff.covers(a.gridCode());
    }

    /** Takes one alert (from Kafka, or from a test): locates it, keeps it and pushes it to the users who may see it. */
    public LiveAlert accept(Alert alert) {
        String grid = locator.gridOf(alert).orElse(null);
        LiveAlert live = new LiveAlert(
                alert.alertId(),
                alert.rule(),
                alert.level().name(),
                alert.level().label(),
                alert.message(),
                alert.eventTime(),
                grid,
                grid == null ? "全区" : areas.name(grid));
        synchronized (recent) {
            recent.removeIf(a -> a.alertId().equals(live.alertId()));
            recent.addFirst(live);
            while (recent.size() > KEPT) {
                recent.removeLast();
            }
        }
        for (Subscriber s : subscribers) {
            if (visible(s.staff(), live)) {
                try {
                    s.emitter()
                            .send(SseEmitter.event()
                                    .name("alert")
                                    .id(live.alertId())
                                    .data(live));
                } catch (IOException | IllegalStateException e) {
                    subscribers.remove(s);
                }
            }
        }
        return live;
    }

    @Override
    public void start() {
        if (props.kafkaBootstrapServers().isBlank()) {
            running = true;
            return;
        }
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, props.kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "gridgov-case-inbox-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(
                p,
                Topics.ALERTS.keySerde().deserializer(),
                Topics.ALERTS.valueSerde().deserializer());
        running = true;
        thread = new Thread(this::poll, "alert-inbox");
        thread.setDaemon(true);
        thread.start();
    }

    private void poll() {
        try {
            consumer.subscribe(List.of(Topics.ALERTS.name()));
            while (running) {
                try {
                    for (ConsumerRecord<String, Alert> r : consumer.poll(Duration.ofMillis(500))) {
                        if (r.value() == null) {
                            LOG.warn("skipping an alert without a value (tombstone) at offset {}", r.offset());
                            continue;
                        }
                        try {
                            accept(r.value());
                        } catch (RuntimeException e) {
                            LOG.warn("alert {} could not be delivered to the inbox: {}", r.key(), e.toString());
                        }
                    }
                } catch (RecordDeserializationException e) {
                    // the alerts serde checked the value (EventDecoder.alert) and named every violation; the
                    // records before it were delivered, the consumer goes on after it
                    LOG.warn(
                            "skipping an invalid alert at offset {}: {}",
                            e.offset(),
                            e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                }
            }
        } catch (WakeupException e) {
            // stop() asked us to end
        } catch (RuntimeException e) {
            LOG.error("alert inbox consumer stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    @Override
    public void stop() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        subscribers.forEach(s -> s.emitter().complete());
        subscribers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
