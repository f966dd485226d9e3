package org.gridgov.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.gridgov.cases.Api;
import org.gridgov.cases.CaseServiceApplication;
import org.gridgov.cases.ServiceIT;
import org.gridgov.cases.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Issue 14, item 3: per-address and per-account limits on sign-in and on the public endpoints, with low limits in a
 * context of its own (the other tests sign in from one address hundreds of times, with the limits off).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {CaseServiceApplication.class, ServiceIT.TestClock.class},
        properties = {
            "gridgov.case.login-per-ip-per-minute=" + RateLimitIT.PER_IP,
            "gridgov.case.login-per-account-per-minute=" + RateLimitIT.PER_ACCOUNT,
            "gridgov.case.public-per-ip-per-minute=" + RateLimitIT.PUBLIC,
            "server.forward-headers-strategy=native"
        })
@DirtiesContext
class RateLimitIT extends ServiceIT {

    static final int PER_IP = 8;
    static final int PER_ACCOUNT = 3;
    static final int PUBLIC = 5;

    Api.Response token(String username, String password) {
        return api.send("POST", "/api/auth/token", null, Map.of("username", username, "password", password));
    }

    @Test
    void signInIsLimitedPerAccountAndPerAddress() {
        user("rl_a", Role.GRID_WORKER, "37011200100101", null);
        for (int i = 0; i < PER_ACCOUNT; i++) {
            assertThat(token("rl_a", "wrong").status()).isEqualTo(401);
        }
        Api.Response tooFast = token("rl_a", PASSWORD);
        assertThat(tooFast.status()).isEqualTo(429);
        assertThat(tooFast.text("error")).contains("登录过于频繁");
        assertThat(jdbc.queryForObject("SELECT failed_attempts FROM app_user WHERE username = 'rl_a'", Integer.class))
                .as("refused before anything is counted")
                .isEqualTo(PER_ACCOUNT);
        // another account from the same address still gets its answer, until the address's limit is used up
        for (int i = PER_ACCOUNT + 1; i < PER_IP; i++) {
            assertThat(token("rl_other_" + i, "wrong").status()).isEqualTo(401);
        }
        Api.Response perAddress = api.sendRaw(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(api.base() + "/api/auth/token"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"username\":\"x\",\"password\":\"y\"}"))
                .build());
        assertThat(perAddress.status()).isEqualTo(429);
        assertThat(perAddress.text("title")).isEqualTo("Too Many Requests");

        // the login form: back on the login page with the reason
        PageClient page = new PageClient(api.base());
        page.get("/login");
        PageClient.Page form = page.login("rl_a", PASSWORD);
        assertThat(URLDecoder.decode(form.location(), StandardCharsets.UTF_8)).contains("登录过于频繁");

        clock.advance(Duration.ofMinutes(1));
        assertThat(token("rl_a", PASSWORD).status()).as("a minute later").isEqualTo(200);
    }

    @Test
    void thePublicEndpointsAreLimitedPerAddress() {
        for (int i = 0; i < PUBLIC; i++) {
            assertThat(api.send("GET", "/open311/v2/services.json", null, null).status())
                    .isEqualTo(200);
        }
        Api.Response limited = api.send("GET", "/open311/v2/requests.json", null, null);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.body().get(0).get("code").asInt()).isEqualTo(429);
        assertThat(limited.body().get(0).get("description").asText()).contains("too many requests");
    }
}
