package org.gridgov.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.gridgov.common.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gridgov security-smoke --url=http://127.0.0.1:8080}: replays issue 14's attacks against a running case
 * service and prints PASS or FAIL per check. Only loopback targets: it sends malformed, oversized and repeated
 * requests, which are attacks anywhere else. With {@code --user}/{@code --password} of a staff account that may
 * report, it also checks the API's input handling and {@code Idempotency-Key} (creating a few marked cases); the
 * rate-limit check runs last, as it spends this address's sign-in allowance for a minute.
 */
@Command(
        name = "security-smoke",
        mixinStandardHelpOptions = true,
        description = {
            "Replay the security checks of issue 14 against a running case service on this machine and print PASS/FAIL.",
            "Usage: gridgov security-smoke --url=http://127.0.0.1:8080 [--user=worker --password=...] [--open311-key=...]"
        })
final class SecuritySmoke implements Callable<Integer> {

    /** One check's outcome. */
    record Check(String name, boolean passed, String detail) {}

    static final Pattern INTERNALS =
            Pattern.compile("Exception|java\\.|org\\.(springframework|gridgov|apache)|SQL" + "|SELECT|jakarta\\.");
    static final List<Pattern> PERSONAL = List.of(
            Pattern.compile("(?<!\\d)1[3-9]\\d(?:[\\s-]?\\d){8}(?!\\d)"),
            Pattern.compile("(?<!\\d)\\d{17}[\\dXx]"),
            Pattern.compile("\\d+号楼|\\d+单元|\\d+室"));

    @Option(names = "--url", required = true, description = "The case service, on this machine (loopback only).")
    String url;

    @Option(names = "--user", description = "A staff account that may report (the checks create a few cases).")
    String user;

    @Option(names = "--password", description = "Its password (or GRIDGOV_SMOKE_PASSWORD).")
    String password;

    @Option(names = "--open311-key", description = "An Open311 api_key, for the form-size checks.")
    String open311Key;

    @Option(
            names = "--skip-rate-limit",
            description = "Leave out the sign-in flood (it locks this address out for a" + " minute).")
    boolean skipRateLimit;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final List<Check> checks = new ArrayList<>();

    @Override
    public Integer call() {
        return run(System.out, System.err);
    }

    int run(PrintStream out, PrintStream err) {
        String base = url.replaceAll("/+$", "");
        try {
            requireLoopback(base);
        } catch (IllegalArgumentException e) {
            err.println("security-smoke: " + e.getMessage());
            return 2;
        }
        if (password == null) {
            password = System.getenv("GRIDGOV_SMOKE_PASSWORD");
        }
        List<Runnable> all = new ArrayList<>(List.of(
                () -> headers(base),
                () -> loginPageEcho(base),
                () -> tokenInput(base),
                () -> revokeWithGarbage(base),
                () -> unknownNamesLockLikeAccounts(base),
                () -> publicOpen311(base),
                () -> hugeForm(base)));
        if (open311Key != null) {
            all.add(() -> open311Fields(base));
        }
        if (user != null && password != null) {
            all.add(() -> apiInput(base));
            all.add(() -> idempotency(base));
        }
        if (!skipRateLimit) {
            all.add(() -> signInFlood(base));
        }
        for (Runnable r : all) {
            try {
                r.run();
            } catch (RuntimeException e) {
                checks.add(new Check("(a check)", false, "could not run: " + e));
            }
        }
        long failed = checks.stream().filter(c -> !c.passed()).count();
        for (Check c : checks) {
            out.printf(Locale.ROOT, "%-5s %-42s %s%n", c.passed() ? "PASS" : "FAIL", c.name(), c.detail());
        }
        out.printf(Locale.ROOT, "security-smoke %s: %d passed, %d failed%n", base, checks.size() - failed, failed);
        return failed == 0 ? 0 : 1;
    }

    List<Check> checks() {
        return List.copyOf(checks);
    }

    static void requireLoopback(String base) {
        URI uri = URI.create(base);
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("--url must be http(s)://host:port, not " + base);
        }
        try {
            for (InetAddress a : InetAddress.getAllByName(uri.getHost())) {
                if (!a.isLoopbackAddress()) {
                    throw new IllegalArgumentException(uri.getHost() + " is not this machine: the smoke test attacks"
                            + " its target and runs against loopback only");
                }
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + uri.getHost());
        }
    }

    // ---------------------------------------------------------------- the checks

    private void headers(String base) {
        HttpResponse<String> r = send(get(base + "/login").build());
        String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
        String script = csp.replaceAll(".*script-src([^;]*).*", "$1");
        check(
                "Content-Security-Policy without inline script",
                csp.contains("script-src")
                        && !script.contains("unsafe-inline")
                        && csp.contains("frame-ancestors 'none'"),
                csp.isEmpty() ? "no header" : csp);
        check(
                "X-Content-Type-Options nosniff",
                r.headers().firstValue("X-Content-Type-Options").orElse("").equals("nosniff"),
                String.valueOf(r.headers().firstValue("X-Content-Type-Options").orElse(null)));
    }

    private void loginPageEcho(String base) {
        String bait = "请拨打400热线领取补偿" + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> r = send(get(base + "/login?error=" + URLEncoder.encode(bait, StandardCharsets.UTF_8))
                .build());
        check("login page does not echo ?error= text", !r.body().contains(bait), r.statusCode() + "");
    }

    private void tokenInput(String base) {
        HttpResponse<String> longName =
                send(json(base + "/api/auth/token", "{\"username\":\"" + "u".repeat(200) + "\",\"password\":\"x\"}")
                        .build());
        check(
                "200-character user name → 400 without internals",
                longName.statusCode() == 400 && clean(longName.body()),
                longName.statusCode() + " " + abbreviate(longName.body()));
        HttpResponse<String> broken =
                send(json(base + "/api/auth/token", "{\"username\": ").build());
        check(
                "malformed JSON → 400 problem details",
                broken.statusCode() == 400
                        && clean(broken.body())
                        && broken.body().contains("\"detail\""),
                broken.statusCode() + " " + abbreviate(broken.body()));
    }

    private void revokeWithGarbage(String base) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/auth/token"))
                .header("Authorization", "abc")
                .DELETE()
                .build());
        check("Authorization: abc on sign-out → 401", r.statusCode() == 401 && clean(r.body()), r.statusCode() + "");
    }

    /** A random name gets the answers an account gets: counted, then locked (nothing tells the two apart). */
    private void unknownNamesLockLikeAccounts(String base) {
        String name = "smoke-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> r =
                    send(json(base + "/api/auth/token", "{\"username\":\"" + name + "\",\"password\":\"wrong\"}")
                            .build());
            answers.add(r.statusCode() + " " + errorOf(r.body()));
        }
        boolean locked = answers.get(5).contains("锁定") && answers.get(0).startsWith("401");
        check("unknown names are locked like accounts", locked, answers.get(0) + " … " + answers.get(5));
    }

    private void publicOpen311(String base) {
        HttpResponse<String> r =
                send(get(base + "/open311/v2/requests.json?page_size=5000").build());
        JsonNode list = parse(r.body());
        boolean bounded = r.statusCode() == 200 && list.isArray() && list.size() <= 100;
        check("public Open311 list in bounded pages", bounded, r.statusCode() + ", " + list.size() + " items");
        List<String> found = new ArrayList<>();
        for (JsonNode item : list) {
            String text = item.path("description").asText("") + " "
                    + item.path("address").asText("");
            for (Pattern p : PERSONAL) {
                if (p.matcher(text).find()) {
                    found.add(item.path("service_request_id").asText());
                }
            }
        }
        check(
                "no phone, ID or door number in public Open311",
                found.isEmpty(),
                found.isEmpty() ? list.size() + " requests scanned" : "in " + found);
        HttpResponse<String> nope = send(get(base + "/open311/v2/requests/NOPE-" + UUID.randomUUID() + ".json")
                .build());
        check(
                "unknown request → 404 GeoReport error",
                nope.statusCode() == 404 && parse(nope.body()).path(0).has("code"),
                nope.statusCode() + " " + abbreviate(nope.body()));
    }

    private void hugeForm(String base) {
        byte[] form = ("api_key=x&description=" + "a".repeat(10_000_000)).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/open311/v2/requests.json"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(form))
                .build());
        check("10 MB Open311 form → 413", r.statusCode() == 413 && clean(r.body()), r.statusCode() + "");
    }

    private void open311Fields(String base) {
        HttpResponse<String> name = send(form(base, "first_name", "名".repeat(70)));
        check(
                "Open311 first_name of 70 characters → 400",
                name.statusCode() == 400 && clean(name.body()),
                name.statusCode() + " " + abbreviate(name.body()));
        HttpResponse<String> big = send(form(base, "description", "a".repeat(1_000_000)));
        check("Open311 1 MB description → 400, nothing stored", big.statusCode() == 400, big.statusCode() + "");
    }

    private HttpRequest form(String base, String field, String value) {
        String body = "api_key=" + URLEncoder.encode(open311Key, StandardCharsets.UTF_8) + "&service_code=C0101"
                + "&address_string=" + URLEncoder.encode("山大路社区", StandardCharsets.UTF_8) + "&description=x&"
                + field + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(URI.create(base + "/open311/v2/requests.json"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private void apiInput(String base) {
        String token = token(base);
        for (Map.Entry<String, String> bad : Map.of(
                        "\"description\": 12345 → 400", "{\"description\": 12345, \"channel\": \"HOTLINE\"}",
                        "\"urgency\": 1.5 → 400",
                                "{\"description\": \"安全冒烟测试\", \"channel\": \"HOTLINE\", \"urgency\": 1.5}")
                .entrySet()) {
            HttpResponse<String> r = send(json(base + "/api/cases", bad.getValue())
                    .header("Authorization", "Bearer " + token)
                    .build());
            check(bad.getKey(), r.statusCode() == 400 && clean(r.body()), r.statusCode() + " " + abbreviate(r.body()));
        }
        HttpResponse<String> suggest =
                send(json(base + "/api/cases/suggest", "{\"description\": \"" + "供暖".repeat(50_000) + "\"}")
                        .header("Authorization", "Bearer " + token)
                        .build());
        check("100 kB suggestion text → 400", suggest.statusCode() == 400, suggest.statusCode() + "");
        HttpResponse<String> huge =
                send(json(base + "/api/cases", "{\"description\": \"" + "a".repeat(2_000_000) + "\"}")
                        .header("Authorization", "Bearer " + token)
                        .build());
        check("2 MB JSON body → 413", huge.statusCode() == 413 && clean(huge.body()), huge.statusCode() + "");
    }

    /** Five retries of one key at once: one case, no 5xx; the same key with another report: 422. */
    private void idempotency(String base) {
        String token = token(base);
        String key = "smoke-" + UUID.randomUUID();
        String body =
                "{\"description\": \"安全冒烟测试：并发重试 " + key + "\", \"channel\": \"HOTLINE\"," + " \"address\": \"山大路社区\"}";
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Integer> statuses = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                answers.add(pool.submit(() -> send(json(base + "/api/cases", body)
                        .header("Authorization", "Bearer " + token)
                        .header("Idempotency-Key", key)
                        .build())));
            }
            for (Future<HttpResponse<String>> f : answers) {
                HttpResponse<String> r = f.get();
                statuses.add(r.statusCode());
                ids.add(parse(r.body()).path("id").asText(""));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
        boolean one = statuses.stream().allMatch(s -> s == 200 || s == 201)
                && statuses.stream().filter(s -> s == 201).count() == 1
                && ids.stream().distinct().count() == 1;
        check("5 parallel retries of one Idempotency-Key → one case, no 5xx", one, statuses.toString());
        HttpResponse<String> other = send(json(base + "/api/cases", body.replace("并发重试", "另一份上报"))
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", key)
                .build());
        check(
                "reused Idempotency-Key, other body → 422",
                other.statusCode() == 422,
                other.statusCode() + " " + abbreviate(errorOf(other.body())));
    }

    /** Sign-in attempts from this address beyond the limit are refused with 429 before any password is checked. */
    private void signInFlood(String base) {
        int limited = 0;
        int sent = 0;
        for (; sent < 200 && limited == 0; sent++) {
            HttpResponse<String> r = send(json(
                            base + "/api/auth/token",
                            "{\"username\":\"flood-"
                                    + UUID.randomUUID().toString().substring(0, 8) + "\",\"password\":\"x\"}")
                    .build());
            limited = r.statusCode() == 429 ? sent + 1 : 0;
        }
        check(
                "sign-in flood from one address → 429",
                limited > 0,
                limited > 0 ? "limited after " + limited + " attempts" : "no 429 in " + sent + " attempts");
    }

    // ---------------------------------------------------------------- helpers

    private String token(String base) {
        HttpResponse<String> r =
                send(json(base + "/api/auth/token", Json.write(Map.of("username", user, "password", password)))
                        .build());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("signing in as " + user + " failed: " + r.statusCode());
        }
        return parse(r.body()).path("token").asText();
    }

    private void check(String name, boolean passed, String detail) {
        checks.add(new Check(name, passed, detail));
    }

    private static boolean clean(String body) {
        return body == null || !INTERNALS.matcher(body).find();
    }

    private static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .GET();
    }

    private static HttpRequest.Builder json(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(
                    request.method() + " " + request.uri().getPath() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank()
                    ? Json.mapper().nullNode()
                    : Json.mapper().readTree(body);
        } catch (IOException e) {
            return Json.mapper().nullNode();
        }
    }

    private static String errorOf(String body) {
        return parse(body).path("error").asText(abbreviate(body));
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= 90 ? one : one.substring(0, 90) + "…";
    }
}
