package org.gridgov.streaming.alerts.fanout;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import org.gridgov.streaming.alerts.AlertIds;
import org.gridgov.streaming.alerts.AlertRecord;
import org.gridgov.streaming.alerts.AlertRule;
import org.gridgov.streaming.alerts.EventTimes;
import org.gridgov.streaming.alerts.fanout.PushLog.Entry;
import org.gridgov.streaming.alerts.fanout.PushLog.Status;
import org.gridgov.streaming.alerts.fanout.RobotTransport.Response;
import org.gridgov.streaming.api.WebhookFormat;
import org.gridgov.streaming.api.WebhookFormat.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes alerts to a group robot, each incident once: alerts below the minimum level are not pushed; an alert id
 * found in the push log (this run or an earlier one) is skipped, so updates of an alert and replays after a restore
 * never push it again. Within the rate limit an alert goes out on its own; beyond it, it is queued (durably, in the
 * log) and goes out in a digest as soon as a message is allowed again. Failures the robot may recover from are
 * retried via the queue; others are logged as FAILED with the robot's answer.
 *
 * <p>Between the claim (SENDING) and the result a crash leaves the alert SENDING: it is not pushed again (the robot
 * may have shown it), and the count of such alerts is logged at start-up. Not thread-safe: one per sink writer.
 */
public final class AlertPusher {

    private static final Logger LOG = LoggerFactory.getLogger(AlertPusher.class);

    /** Waits between polls of the rate limiter when the queue must be emptied (end of input). */
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final WebhookSettings settings;
    private final RobotTransport transport;
    private final PushLog log;
    private final RateLimiter limiter;
    private final LongSupplier wallMillis;
    private final Sleeper sleeper;
    private final Deque<Entry> queue = new ArrayDeque<>();
    private final Set<String> seen = new HashSet<>();
    private long sent;
    private long digested;
    private long digests;
    private long failed;
    private long duplicates;
    private long belowLevel;

    public AlertPusher(
            WebhookSettings settings,
            RobotTransport transport,
            PushLog log,
            LongSupplier nanos,
            LongSupplier wallMillis,
            Sleeper sleeper) {
        this.settings = settings;
        this.transport = transport;
        this.log = log;
        this.limiter = new RateLimiter(settings.ratePerMinute(), nanos);
        this.wallMillis = wallMillis;
        this.sleeper = sleeper;
    }

    public static AlertPusher create(WebhookSettings settings, RobotTransport transport, PushLog log) {
        return new AlertPusher(
                settings,
                transport,
                log,
                System::nanoTime,
                System::currentTimeMillis,
                n -> Thread.sleep(Math.max(1, n / 1_000_000), (int) (n % 1_000_000)));
    }

    /** Picks up what an earlier run left queued. */
    public void start() throws Exception {
        int inFlight = log.inFlight();
        if (inFlight > 0) {
            LOG.warn(
                    "{} alert(s) were being pushed to {} when the job stopped; they are not pushed again "
                            + "(see audit_alert_push status SENDING)",
                    inFlight,
                    settings.format().channel());
        }
        for (Entry e : log.queued()) {
            if (seen.add(e.alertId())) {
                queue.add(e);
            }
        }
    }

    public void accept(AlertRecord a) throws Exception {
        if (!AlertRule.atLeast(a.level, settings.minLevel())) {
            belowLevel++;
            return;
        }
        if (!seen.add(a.alertId) || log.status(a.alertId).isPresent()) {
            duplicates++;
            return;
        }
        Entry entry = new Entry(a.alertId, a.rule.code(), a.level.name(), a.title(), Status.SENDING, 1);
        if (queue.isEmpty() && limiter.tryAcquire()) {
            pushSingle(a, entry);
        } else {
            queue(entry);
        }
        drain(false);
    }

    /** Sends digests while messages are allowed; with {@code block}, waits for the limiter until the queue is empty. */
    public void drain(boolean block) throws Exception {
        while (!queue.isEmpty()) {
            if (!limiter.tryAcquire()) {
                if (!block) {
                    return;
                }
                sleeper.sleep(Math.min(limiter.nanosUntilNext(), 1_000_000_000L));
                continue;
            }
            pushDigest();
        }
    }

    private void pushSingle(AlertRecord a, Entry entry) throws Exception {
        log.write(List.of(entry), a.alertId, null, null);
        Response r = post(a.title(), single(a));
        Outcome o = r == null ? Outcome.RETRY : WebhookFormat.outcome(r.status(), r.body());
        if (o == Outcome.OK) {
            log.write(List.of(entry.with(Status.SENT, entry.attempts())), a.alertId, r.status(), r.body());
            sent++;
        } else {
            settleFailure(List.of(entry), o, a.alertId, r);
        }
    }

    private void pushDigest() throws Exception {
        List<Entry> batch = new ArrayList<>();
        StringBuilder md = new StringBuilder();
        int budget = settings.format().maxMarkdownBytes() - 400;
        while (!queue.isEmpty() && batch.size() < settings.digestSize()) {
            String line = "- " + queue.peek().title() + " `" + queue.peek().alertId() + "`\n";
            if (!batch.isEmpty() && bytes(md) + bytes(line) > budget) {
                break;
            }
            md.append(line);
            batch.add(queue.poll());
        }
        String id = "digest-"
                + AlertIds.shortHash(
                        String.join(",", batch.stream().map(Entry::alertId).toList()))
                + AlertIds.shortHash(batch.get(0).alertId());
        String title = "预警汇总 " + batch.size() + " 条";
        String text = "### 【预警汇总】" + batch.size() + " 条预警 (超出推送频率, 合并推送)\n" + md
                + (queue.isEmpty() ? "" : "\n另有 " + queue.size() + " 条将随后推送\n");
        List<Entry> claimed =
                batch.stream().map(e -> e.with(Status.SENDING, e.attempts())).toList();
        log.write(claimed, id, null, null);
        Response r = post(title, text);
        Outcome o = r == null ? Outcome.RETRY : WebhookFormat.outcome(r.status(), r.body());
        if (o == Outcome.OK) {
            log.write(
                    claimed.stream()
                            .map(e -> e.with(Status.DIGESTED, e.attempts()))
                            .toList(),
                    id,
                    r.status(),
                    r.body());
            digested += batch.size();
            digests++;
        } else {
            settleFailure(claimed, o, id, r);
        }
    }

    /** Retryable failures go back to the queue (until maxAttempts), others are FAILED for good. */
    private void settleFailure(List<Entry> entries, Outcome o, String messageId, Response r) throws Exception {
        String answer = r == null ? "no answer (I/O error or timeout)" : r.body();
        List<Entry> requeue = new ArrayList<>();
        List<Entry> dead = new ArrayList<>();
        for (Entry e : entries) {
            if (o == Outcome.RETRY && e.attempts() < settings.maxAttempts()) {
                requeue.add(e.with(Status.QUEUED, e.attempts() + 1));
            } else {
                dead.add(e.with(Status.FAILED, e.attempts()));
            }
        }
        Integer status = r == null ? null : r.status();
        log.write(requeue, messageId, status, answer);
        log.write(dead, messageId, status, answer);
        for (int i = requeue.size() - 1; i >= 0; i--) {
            queue.addFirst(requeue.get(i));
        }
        if (!dead.isEmpty()) {
            failed += dead.size();
            LOG.warn(
                    "{} push of {} alert(s) failed for good (HTTP {}): {}",
                    settings.format().channel(),
                    dead.size(),
                    status,
                    answer);
        }
    }

    private void queue(Entry entry) throws Exception {
        Entry q = entry.with(Status.QUEUED, entry.attempts());
        log.write(List.of(q), null, null, null);
        queue.add(q);
    }

    private Response post(String title, String markdown) throws InterruptedException {
        String url = settings.format().url(settings.url(), settings.secret(), wallMillis.getAsLong());
        try {
            return transport.post(url, settings.format().body(title, markdown));
        } catch (IOException e) {
            LOG.warn("{} push to {} failed: {}", settings.format().channel(), settings.safeUrl(), e.toString());
            return null;
        }
    }

    /** The markdown of one alert; person subjects are salted keys, shortened. */
    static String single(AlertRecord a) {
        StringBuilder sb = new StringBuilder();
        sb.append("### 【")
                .append(a.level.label())
                .append("色预警】")
                .append(a.rule.label())
                .append('\n');
        sb.append("- **对象**: ").append(a.shortSubject()).append('\n');
        sb.append("- **说明**: ").append(a.message).append('\n');
        int shown = Math.min(10, a.evidenceIds.length);
        sb.append("- **证据**: ").append(String.join(", ", java.util.Arrays.copyOf(a.evidenceIds, shown)));
        if (shown < a.evidenceIds.length) {
            sb.append(" 等 ").append(a.evidenceIds.length).append(" 条");
        }
        sb.append('\n');
        sb.append("- **时间**: ").append(EventTimes.text(a.eventTime)).append('\n');
        sb.append("- **预警编号**: ").append(a.alertId).append('\n');
        return sb.toString();
    }

    private static int bytes(CharSequence s) {
        return s.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    public long sent() {
        return sent;
    }

    public long digested() {
        return digested;
    }

    public long digests() {
        return digests;
    }

    public long failed() {
        return failed;
    }

    public long duplicates() {
        return duplicates;
    }

    public long belowLevel() {
        return belowLevel;
    }

    public int queued() {
        return queue.size();
    }
}
