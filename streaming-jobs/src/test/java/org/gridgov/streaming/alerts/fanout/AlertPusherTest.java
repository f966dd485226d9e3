package org.gridgov.streaming.alerts.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.gridgov.common.json.Json;
import org.gridgov.common.model.AlertLevel;
import org.gridgov.streaming.alerts.AlertRecord;
import org.gridgov.streaming.alerts.AlertRule;
import org.gridgov.streaming.alerts.EventTimes;
import org.gridgov.streaming.alerts.fanout.PushLog.Status;
import org.gridgov.streaming.api.WebhookFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pusher against a scripted robot, an in-memory push log and a manual clock. */
class AlertPusherTest {

    static final String URL = "https://oapi.dingtalk.com/robot/send?access_token=t0ken";
    static final String OK = "{\"errcode\":0,\"errmsg\":\"ok\"}";

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<String[]> posts = new ArrayList<>();
    private final List<RobotTransport.Response> script = new ArrayList<>();
    private InMemoryPushLog log;

    @BeforeEach
    void setUp() {
        log = new InMemoryPushLog();
    }

    private final RobotTransport robot = (url, json) -> {
        posts.add(new String[] {url, json});
        if (!script.isEmpty()) {
            RobotTransport.Response r = script.remove(0);
            if (r == null) {
                throw new IOException("connection reset");
            }
            return r;
        }
        return new RobotTransport.Response(200, OK);
    };

    private AlertPusher pusher(int perMinute, AlertLevel min) throws Exception {
        WebhookSettings s = new WebhookSettings(WebhookFormat.DINGTALK, URL, "SECabc", min, perMinute, 30, 3);
        // the sleeper moves the manual clock, so blocking drains finish at once
        AlertPusher p = new AlertPusher(s, robot, log, nanos::get, () -> 1_700_000_000_000L, nanos::addAndGet);
        p.start();
        return p;
    }

    static AlertRecord alert(String id, AlertLevel level, int version) {
        return new AlertRecord(
                id,
                AlertRule.REPEAT_PETITION,
                level,
                "0123456789abcdef0123456789abcdef",
                new String[] {"P1", "P2", "P3"},
                "重复信访: 3 次信访",
                EventTimes.millis(java.time.LocalDateTime.of(2024, 1, 20, 10, 0)),
                0,
                version);
    }

    private JsonNode body(int i) throws Exception {
        return Json.mapper().readTree(posts.get(i)[1]);
    }

    @Test
    void anAlertIsPushedOnceSignedWhateverItsUpdatesAndRestarts() throws Exception {
        AlertPusher p = pusher(20, AlertLevel.ORANGE);
        p.accept(alert("a-1", AlertLevel.ORANGE, 1));
        p.accept(alert("a-1", AlertLevel.RED, 2));
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0)[0]).startsWith(URL + "&timestamp=1700000000000&sign=");
        JsonNode md = body(0).path("markdown");
        assertThat(md.path("title").asText()).contains("橙", "重复信访");
        assertThat(md.path("text").asText())
                .contains("### 【橙色预警】重复信访", "人员01234567", "P1, P2, P3", "a-1")
                .doesNotContain("0123456789abcdef0123456789abcdef");
        assertThat(log.statusOf("a-1")).isEqualTo(Status.SENT);
        assertThat(p.sent()).isEqualTo(1);
        assertThat(p.duplicates()).isEqualTo(1);

        // a new pusher (a restarted job) over the same log replays the alert: nothing is pushed
        AlertPusher restarted = pusher(20, AlertLevel.ORANGE);
        restarted.accept(alert("a-1", AlertLevel.ORANGE, 1));
        assertThat(posts).hasSize(1);
        assertThat(restarted.duplicates()).isEqualTo(1);
    }

    @Test
    void alertsBelowTheMinimumLevelAreNotPushedUntilTheyRise() throws Exception {
        AlertPusher p = pusher(20, AlertLevel.ORANGE);
        p.accept(alert("a-1", AlertLevel.YELLOW, 1));
        assertThat(posts).isEmpty();
        assertThat(p.belowLevel()).isEqualTo(1);
        p.accept(alert("a-1", AlertLevel.ORANGE, 2));
        assertThat(posts).hasSize(1);
    }

    @Test
    void beyondTheRateLimitAlertsWaitAndGoOutInADigest() throws Exception {
        AlertPusher p = pusher(2, AlertLevel.BLUE);
        for (int i = 1; i <= 5; i++) {
            p.accept(alert("a-" + i, AlertLevel.RED, 1));
        }
        assertThat(posts).hasSize(2);
        assertThat(p.queued()).isEqualTo(3);
        assertThat(log.statusOf("a-3")).isEqualTo(Status.QUEUED);

        p.drain(false);
        assertThat(posts).hasSize(2);

        nanos.addAndGet(30_000_000_000L);
        p.drain(false);
        assertThat(posts).hasSize(3);
        String digest = body(2).path("markdown").path("text").asText();
        assertThat(digest).contains("【预警汇总】3 条预警", "a-3", "a-4", "a-5");
        assertThat(List.of("a-3", "a-4", "a-5"))
                .allSatisfy(id -> assertThat(log.statusOf(id)).isEqualTo(Status.DIGESTED));
        assertThat(p.digested()).isEqualTo(3);
        assertThat(p.queued()).isZero();
    }

    @Test
    void queuedAlertsSurviveARestartAndAreDrainedAtTheEndOfInput() throws Exception {
        AlertPusher p = pusher(1, AlertLevel.BLUE);
        for (int i = 1; i <= 4; i++) {
            p.accept(alert("a-" + i, AlertLevel.RED, 1));
        }
        assertThat(posts).hasSize(1);

        AlertPusher restarted = pusher(1, AlertLevel.BLUE);
        assertThat(restarted.queued()).isEqualTo(3);
        restarted.drain(true);
        assertThat(posts).hasSize(2);
        assertThat(log.queued()).isEmpty();
        assertThat(log.entries.values()).extracting(PushLog.Entry::status).containsOnly(Status.SENT, Status.DIGESTED);
    }

    @Test
    void throttledPushesAreRetriedAndHopelessOnesFailForGood() throws Exception {
        script.add(new RobotTransport.Response(200, "{\"errcode\":130101,\"errmsg\":\"send too fast\"}"));
        script.add(null);
        script.add(new RobotTransport.Response(200, OK));
        AlertPusher p = pusher(20, AlertLevel.BLUE);
        p.accept(alert("a-1", AlertLevel.RED, 1));
        // throttled, then an I/O error, then through in a digest
        assertThat(posts).hasSize(3);
        assertThat(log.statusOf("a-1")).isEqualTo(Status.DIGESTED);
        assertThat(log.entries.get("a-1").attempts()).isEqualTo(3);

        script.add(new RobotTransport.Response(200, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}"));
        p.accept(alert("a-2", AlertLevel.RED, 1));
        assertThat(log.statusOf("a-2")).isEqualTo(Status.FAILED);
        assertThat(p.failed()).isEqualTo(1);
        assertThat(p.queued()).isZero();
    }

    @Test
    void aClaimWithoutAResultIsNotPushedAgain() throws Exception {
        log.write(
                List.of(new PushLog.Entry("a-1", "repeat_petition", "RED", "t", Status.SENDING, 1)), "a-1", null, null);
        AlertPusher p = pusher(20, AlertLevel.BLUE);
        p.accept(alert("a-1", AlertLevel.RED, 1));
        assertThat(posts).isEmpty();
    }

    @Test
    void theTokenBucketRefillsContinuously() {
        AtomicLong t = new AtomicLong();
        RateLimiter r = new RateLimiter(20, t::get);
        for (int i = 0; i < 20; i++) {
            assertThat(r.tryAcquire()).isTrue();
        }
        assertThat(r.tryAcquire()).isFalse();
        assertThat(r.nanosUntilNext()).isEqualTo(3_000_000_000L);
        t.addAndGet(3_000_000_000L);
        assertThat(r.tryAcquire()).isTrue();
        assertThat(r.tryAcquire()).isFalse();
    }
}
