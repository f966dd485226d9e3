package org.gridgov.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gridgov.cases.security.Role;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 3: the lockout cannot be raced, unknown and locked accounts answer alike, and a locked or disabled
 * account's tokens stop working at once.
 */
class LoginAttackIT extends ServiceIT {

    Api.Response token(String username, String password) {
        return api.send("POST", "/api/auth/token", null, Map.of("username", username, "password", password));
    }

    int failures(String username) {
        return jdbc.queryForObject("SELECT failed_attempts FROM app_user WHERE username = ?", Integer.class, username);
    }

    int audited(String username, String action) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_log WHERE username = ? AND action = ?", Integer.class, username, action);
    }

    /** The concurrency figure of the issue: 16 wrong passwords at once lock the account at exactly 5. */
    @Test
    void sixteenParallelWrongPasswordsLockTheAccountAtFive() throws Exception {
        user("la_race", Role.GRID_WORKER, WorkflowIT.GRID, null);
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return token("la_race", "wrong-" + Thread.currentThread().getId());
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Api.Response> f : answers) {
            statuses.add(f.get().status());
        }
        pool.shutdown();
        System.out.println(
                "16 parallel wrong passwords: statuses " + statuses + ", failed_attempts=" + failures("la_race"));
        assertThat(statuses).containsOnly(401);
        assertThat(failures("la_race")).isEqualTo(5);
        assertThat(audited("la_race", "LOCKOUT")).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT locked_until IS NOT NULL FROM app_user WHERE username = 'la_race'", Boolean.class))
                .isTrue();

        Api.Response right = token("la_race", PASSWORD);
        assertThat(right.status()).isEqualTo(401);
        assertThat(right.text("error")).contains("锁定");
        clock.advance(Duration.ofMinutes(14));
        assertThat(token("la_race", PASSWORD).status())
                .as("still locked after 14 min")
                .isEqualTo(401);
        clock.advance(Duration.ofMinutes(2));
        assertThat(token("la_race", PASSWORD).status()).as("the lock ended").isEqualTo(200);
        assertThat(failures("la_race")).isZero();
    }

    /** An attacker must not tell an existing account from an unknown name by the answers. */
    @Test
    void unknownAndLockedAccountsGetTheSameAnswers() {
        user("la_known", Role.GRID_WORKER, WorkflowIT.GRID, null);
        List<String> known = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Api.Response k = token("la_known", "wrong");
            Api.Response u = token("la_nobody_here", "wrong");
            assertThat(k.status()).isEqualTo(u.status());
            known.add(k.text("error"));
            unknown.add(u.text("error"));
        }
        // the unlock time differs by the moment of each attempt, not by whether the account exists
        assertThat(unknown.stream().map(m -> m.replaceAll("\\d", "#")).toList())
                .isEqualTo(known.stream().map(m -> m.replaceAll("\\d", "#")).toList());
        assertThat(known.get(6)).contains("锁定");
        assertThat(token("la_known", PASSWORD).text("error").replaceAll("\\d", "#"))
                .isEqualTo(token("la_nobody_here", PASSWORD).text("error").replaceAll("\\d", "#"));
    }

    /** The login page showed any text a link put in {@code ?error=}: a phishing line in the service's own page. */
    @Test
    void theLoginPageShowsOnlyItsOwnReasons() throws Exception {
        String bait = "账号异常，请拨打 400-123-4567 联系客服领取补偿";
        java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + "/login?error="
                                        + java.net.URLEncoder.encode(bait, java.nio.charset.StandardCharsets.UTF_8)))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain(bait, "400-123-4567").contains("登录失败，请重试");
    }

    /** A user name longer than any account's: refused as input, not a 500 from the audit row that did not fit. */
    @Test
    void anOverlongUserNameIsRefusedAsInput() {
        Api.Response r = token("u".repeat(200), "x");
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.raw()).doesNotContain("SQL", "Exception", "java.");
    }

    @Test
    void lockingAnAccountRevokesItsTokens() {
        user("la_victim", Role.GRID_WORKER, WorkflowIT.GRID, null);
        Api.Session s = login("la_victim");
        assertThat(s.get("/api/auth/me").status()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            token("la_victim", "wrong");
        }
        assertThat(s.get("/api/auth/me").status())
                .as("token of a locked account")
                .isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_token WHERE username = 'la_victim'", Integer.class))
                .isZero();
    }

    @Test
    void disablingAnAccountRevokesItsTokensAtOnce() {
        user("la_leaver", Role.GRID_WORKER, WorkflowIT.GRID, null);
        user("la_admin", Role.ADMIN, "370112", null);
        Api.Session leaver = login("la_leaver");
        assertThat(leaver.get("/api/auth/me").status()).isEqualTo(200);
        Api.Response disabled = login("la_admin").post("/api/admin/users/la_leaver/disable", Map.of());
        assertThat(disabled.status()).as(disabled.raw()).isEqualTo(200);
        assertThat(leaver.get("/api/auth/me").status())
                .as("cached token of a disabled user")
                .isEqualTo(401);
        assertThat(token("la_leaver", PASSWORD).status()).isEqualTo(401);
        assertThat(login("la_admin")
                        .post("/api/admin/users/la_leaver/enable", Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(token("la_leaver", PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void anAccountDisabledBehindTheServicesBackLosesItsCachedTokenWithinTheRecheckInterval() {
        user("la_sql", Role.GRID_WORKER, WorkflowIT.GRID, null);
        Api.Session s = login("la_sql");
        assertThat(s.get("/api/auth/me").status()).isEqualTo(200);
        jdbc.update("UPDATE app_user SET enabled = FALSE WHERE username = 'la_sql'");
        try {
            clock.advance(Duration.ofMinutes(1));
            assertThat(s.get("/api/auth/me").status()).isEqualTo(401);
        } finally {
            jdbc.update("UPDATE app_user SET enabled = TRUE WHERE username = 'la_sql'");
        }
    }
}
