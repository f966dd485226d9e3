package org.gridgov.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridgov.cases.ServiceIT;
import org.gridgov.cases.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 6: a Content-Security-Policy without inline script on every page (and pages that need none), HSTS
 * and {@code Secure} session cookies when the service is reached over TLS (here: through a proxy that says so).
 */
class HeadersIT extends ServiceIT {

    static final String GRID = "37011200100101";
    /** Inline script in a page: a script element without src, an on… handler attribute, a javascript: URL. */
    static final Pattern INLINE_SCRIPT =
            Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>|\\son[a-z]+\\s*=|javascript:", Pattern.CASE_INSENSITIVE);

    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void users() {
        user("hd_admin", Role.ADMIN, "370112", null);
        user("hd_worker", Role.GRID_WORKER, GRID, null);
    }

    HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(api.base() + path)).GET();
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyAnswerCarriesAPolicyWithoutInlineScript() throws Exception {
        for (String path : List.of("/login", "/api/auth/me", "/open311/v2/services.json", "/css/app.css")) {
            HttpResponse<String> r = get(path, Map.of());
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp)
                    .as(path)
                    .contains("default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'");
            Matcher script = Pattern.compile("script-src([^;]*)").matcher(csp);
            assertThat(script.find()).isTrue();
            assertThat(script.group(1)).as(path).doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(r.headers().firstValue("X-Content-Type-Options"))
                    .as(path)
                    .hasValue("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
            assertThat(r.headers().firstValue("Strict-Transport-Security"))
                    .as(path + " over plain HTTP")
                    .isEmpty();
        }
    }

    @Test
    void behindTlsTheServiceSendsHstsAndSecureCookies() throws Exception {
        Map<String, String> tls = Map.of("X-Forwarded-Proto", "https");
        assertThat(get("/login", tls)
                        .headers()
                        .firstValue("Strict-Transport-Security")
                        .orElse(""))
                .contains("max-age=");
        HttpResponse<String> plainLogin = http.send(
                HttpRequest.newBuilder(URI.create(api.base() + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sessionCookie(plainLogin)).doesNotContain("Secure");
        HttpResponse<String> tlsLogin = get("/login", tls);
        assertThat(sessionCookie(tlsLogin)).contains("Secure", "HttpOnly", "SameSite=Strict");
    }

    private static String sessionCookie(HttpResponse<String> r) {
        return r.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow(() ->
                        new AssertionError("no session cookie in " + r.headers().map()));
    }

    @Test
    void noPageNeedsInlineScript() {
        PageClient admin = new PageClient(api.base());
        assertThat(admin.login("hd_admin", PASSWORD).status()).isEqualTo(302);
        String caseId = login("hd_worker")
                .post(
                        "/api/cases",
                        Map.of(
                                "description",
                                "路灯不亮",
                                "channel",
                                "HOTLINE",
                                "category_code",
                                "C0101",
                                "grid_code",
                                GRID))
                .text("id");
        String taskId = login("hd_admin")
                .post(
                        "/api/tasks",
                        Map.of(
                                "title",
                                "检查",
                                "content",
                                "检查路灯",
                                "assignee_type",
                                "PERSON",
                                "assignee_code",
                                "hd_worker",
                                "deadline",
                                java.time.LocalDateTime.now()
                                        .plusDays(1)
                                        .withNano(0)
                                        .toString()))
                .text("id");
        List<String> found = new ArrayList<>();
        for (String path : List.of(
                "/",
                "/cases",
                "/cases/new",
                "/cases/" + caseId,
                "/tasks",
                "/tasks/" + taskId,
                "/inbox",
                "/cockpit",
                "/admin/workflows",
                "/cases/NOPE")) {
            PageClient.Page p = admin.get(path);
            assertThat(p.status()).as(path).isIn(200, 404);
            Matcher m = INLINE_SCRIPT.matcher(p.body());
            while (m.find()) {
                found.add(path + ": " + m.group());
            }
        }
        PageClient.Page login = new PageClient(api.base()).get("/login?error=x");
        Matcher m = INLINE_SCRIPT.matcher(login.body());
        while (m.find()) {
            found.add("/login: " + m.group());
        }
        assertThat(found).isEmpty();
    }
}
