package org.gridgov.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.gridgov.cases.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 5: a corpus of malformed requests to every endpoint. Each answer is a 4xx, its body in the
 * endpoint's format (problem details for {@code /api}, the GeoReport error list for {@code /open311}), and no body
 * names a Java class, a package or SQL.
 */
class MalformedRequestIT extends ServiceIT {

    static final Pattern INTERNALS = Pattern.compile("Exception|java\\.|org\\.|SQL|SELECT|jakarta\\.");

    enum Shape {
        API,
        OPEN311
    }

    record Attack(String name, Shape shape, Supplier<HttpRequest> request, int... expected) {}

    Api.Session worker;
    String caseId;
    String taskId;

    @BeforeEach
    void users() {
        user("mr_worker", Role.GRID_WORKER, WorkflowIT.GRID, null);
        user("mr_command", Role.COMMAND_CENTER, "370112", null);
        worker = login("mr_worker");
        caseId = worker.post("/api/cases", WorkflowIT.report("违规搭建", "C0101", false))
                .text("id");
        Api.Session command = login("mr_command");
        taskId = command.post(
                        "/api/tasks",
                        Map.of(
                                "title",
                                "排查",
                                "content",
                                "排查",
                                "assignee_type",
                                "PERSON",
                                "assignee_code",
                                "mr_worker",
                                "deadline",
                                java.time.LocalDateTime.now()
                                        .plusDays(2)
                                        .withNano(0)
                                        .toString()))
                .text("id");
    }

    HttpRequest.Builder api(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + worker.token());
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return b.method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    }

    Supplier<HttpRequest> json(String method, String path, String json) {
        return () -> api(method, path, "application/json", json.getBytes(StandardCharsets.UTF_8))
                .build();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** A valid Open311 form with one field replaced (or added). */
    Supplier<HttpRequest> open311Form(String field, String value) {
        var anchor = org.gridgov.common.district.District.licheng()
                .grid(WorkflowIT.GRID)
                .orElseThrow()
                .anchor();
        Map<String, String> f = new java.util.LinkedHashMap<>(Map.of(
                "api_key",
                "test-open311-key",
                "service_code",
                "C0101",
                "lat",
                String.valueOf(anchor.getY()),
                "long",
                String.valueOf(anchor.getX()),
                "description",
                "路灯不亮"));
        f.put(field, value);
        StringBuilder body = new StringBuilder();
        f.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return () -> HttpRequest.newBuilder(URI.create(api.base() + "/open311/v2/requests.json"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
    }

    Supplier<HttpRequest> open311Get(String pathAndQuery) {
        return () -> HttpRequest.newBuilder(URI.create(api.base() + pathAndQuery))
                .GET()
                .build();
    }

    List<Attack> corpus() {
        List<Attack> a = new ArrayList<>();
        String report = "/api/cases";
        // JSON types: no coercion of numbers into text or fractions into whole numbers
        a.add(new Attack(
                "description as a number",
                Shape.API,
                json(
                        "POST",
                        report,
                        "{\"description\": 12345, \"channel\": \"HOTLINE\", \"grid_code\": \"" + WorkflowIT.GRID
                                + "\"}"),
                400));
        a.add(new Attack(
                "urgency as a fraction",
                Shape.API,
                json("POST", report, "{\"description\": \"x\", \"channel\": \"HOTLINE\", \"urgency\": 1.5}"),
                400));
        a.add(new Attack(
                "unknown channel",
                Shape.API,
                json("POST", report, "{\"description\": \"x\", \"channel\": \"CARRIER_PIGEON\"}"),
                400));
        a.add(new Attack(
                "latitude as text",
                Shape.API,
                json("POST", report, "{\"description\": \"x\", \"channel\": \"HOTLINE\", \"latitude\": \"north\"}"),
                400));
        a.add(new Attack("truncated JSON", Shape.API, json("POST", report, "{\"description\": "), 400));
        a.add(new Attack("JSON array for an object", Shape.API, json("POST", report, "[1, 2]"), 400));
        a.add(new Attack("empty body", Shape.API, json("POST", report, ""), 400));
        a.add(new Attack(
                "invalid UTF-8",
                Shape.API,
                () -> api(
                                "POST",
                                report,
                                "application/json",
                                concat(
                                        utf8("{\"description\": \""),
                                        new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF},
                                        utf8("\"," + " \"channel\": \"HOTLINE\"}")))
                        .build(),
                400));
        a.add(new Attack(
                "1 MB description",
                Shape.API,
                json("POST", report, "{\"description\": \"" + "a".repeat(1_000_000) + "\", \"channel\": \"HOTLINE\"}"),
                400,
                413));
        a.add(new Attack(
                "2 MB body",
                Shape.API,
                json("POST", report, "{\"description\": \"" + "a".repeat(2_000_000) + "\"}"),
                413));
        a.add(new Attack(
                "text/plain body",
                Shape.API,
                () -> api("POST", report, "text/plain", utf8("hello")).build(),
                415));
        a.add(new Attack(
                "wrong method", Shape.API, () -> api("PUT", report, null, null).build(), 405));
        a.add(new Attack(
                "limit not a number",
                Shape.API,
                () -> api("GET", "/api/cases/todo?limit=abc", null, null).build(),
                400));
        a.add(new Attack(
                "unknown status filter",
                Shape.API,
                () -> api("GET", "/api/cases?status=LOST", null, null).build(),
                400));
        a.add(new Attack(
                "overlong Idempotency-Key",
                Shape.API,
                () -> api(
                                "POST",
                                report,
                                "application/json",
                                utf8("{\"description\": \"x\", \"channel\": \"HOTLINE\", \"grid_code\": \""
                                        + WorkflowIT.GRID + "\"}"))
                        .header("Idempotency-Key", "k".repeat(300))
                        .build(),
                400));
        a.add(new Attack(
                "100 kB suggestion text",
                Shape.API,
                json("POST", "/api/cases/suggest", "{\"description\": \"" + "供暖".repeat(50_000) + "\"}"),
                400));
        a.add(new Attack(
                "suggestion text as a number",
                Shape.API,
                json("POST", "/api/cases/suggest", "{\"description\": 5}"),
                400));
        a.add(new Attack(
                "unknown action",
                Shape.API,
                json("POST", "/api/cases/" + caseId + "/actions", "{\"action\": \"FLY\"}"),
                400));
        a.add(new Attack(
                "2000-character note",
                Shape.API,
                json(
                        "POST",
                        "/api/cases/" + caseId + "/actions",
                        "{\"action\": \"SUPERVISE\", \"note\": \"" + "n".repeat(2000) + "\"}"),
                400,
                403));
        a.add(new Attack(
                "deadline not a time",
                Shape.API,
                json(
                        "POST",
                        "/api/tasks",
                        "{\"title\": \"t\", \"content\": \"c\", \"assignee_type\": \"PERSON\", \"assignee_code\": \"x\","
                                + " \"deadline\": \"tomorrow\"}"),
                400,
                403));
        a.add(new Attack(
                "2000-character review note",
                Shape.API,
                json(
                        "POST",
                        "/api/tasks/" + taskId + "/review",
                        "{\"approve\": false, \"note\": \"" + "n".repeat(2000) + "\"}"),
                400,
                403,
                409));
        a.add(new Attack(
                "notification id not a number",
                Shape.API,
                () -> api("POST", "/api/notifications/abc/read", null, null).build(),
                400));
        a.add(new Attack(
                "workflow steps of the wrong type",
                Shape.API,
                json("PUT", "/api/admin/workflows/STANDARD", "{\"steps\": \"all of them\"}"),
                400,
                403));
        a.add(new Attack(
                "unknown API path",
                Shape.API,
                () -> api("GET", "/api/nothing/here", null, null).build(),
                404));
        a.add(new Attack(
                "13 MB upload",
                Shape.API,
                () -> api(
                                "POST",
                                "/api/cases/" + caseId + "/attachments",
                                "multipart/form-data; boundary=xyz",
                                concat(
                                        utf8(
                                                "--xyz\r\nContent-Disposition: form-data;"
                                                        + " name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\n"),
                                        new byte[13 * 1024 * 1024],
                                        utf8("\r\n--xyz--\r\n")))
                        .build(),
                413));
        a.add(new Attack(
                "multipart without parts",
                Shape.API,
                () -> api(
                                "POST",
                                "/api/cases/" + caseId + "/attachments",
                                "multipart/form-data; boundary=xyz",
                                utf8("--xyz--\r\n"))
                        .build(),
                400));
        // sign-in and tokens
        a.add(new Attack(
                "200-character user name",
                Shape.API,
                () -> HttpRequest.newBuilder(URI.create(api.base() + "/api/auth/token"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\": \"" + "u".repeat(200) + "\", \"password\": \"x\"}"))
                        .build(),
                400));
        a.add(new Attack(
                "token request without body",
                Shape.API,
                () -> HttpRequest.newBuilder(URI.create(api.base() + "/api/auth/token"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                400));
        a.add(new Attack(
                "Authorization: abc on sign-out",
                Shape.API,
                () -> HttpRequest.newBuilder(URI.create(api.base() + "/api/auth/token"))
                        .header("Authorization", "abc")
                        .DELETE()
                        .build(),
                401));
        a.add(new Attack(
                "empty bearer",
                Shape.API,
                () -> HttpRequest.newBuilder(URI.create(api.base() + "/api/cases/todo"))
                        .header("Authorization", "Bearer ")
                        .GET()
                        .build(),
                401));
        a.add(new Attack(
                "huge bearer",
                Shape.API,
                () -> HttpRequest.newBuilder(URI.create(api.base() + "/api/cases/todo"))
                        .header("Authorization", "Bearer " + "t".repeat(4000))
                        .GET()
                        .build(),
                401));
        a.add(new Attack(
                "no token",
                Shape.API,
                () -> HttpRequest.newBuilder(URI.create(api.base() + "/api/cases/todo"))
                        .GET()
                        .build(),
                401));
        // Open311
        a.add(new Attack("first_name of 70 characters", Shape.OPEN311, open311Form("first_name", "名".repeat(70)), 400));
        a.add(new Attack(
                "address_string over 200", Shape.OPEN311, open311Form("address_string", "路".repeat(250)), 400));
        a.add(new Attack("1 MB description", Shape.OPEN311, open311Form("description", "a".repeat(1_000_000)), 400));
        a.add(new Attack("10 MB form", Shape.OPEN311, open311Form("description", "a".repeat(10_000_000)), 413));
        a.add(new Attack(
                "invalid UTF-8 in the form",
                Shape.OPEN311,
                () -> HttpRequest.newBuilder(URI.create(api.base() + "/open311/v2/requests.json"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        "api_key=test-open311-key&service_code=C0101&address_string="
                                                + "%E5%B1%B1%E5%A4%A7%E8%B7%AF%E7%A4%BE%E5%8C%BA&description=%C3%28%FF%E8%B7%AF"))
                        .build(),
                400));
        a.add(new Attack("lat not a number", Shape.OPEN311, open311Form("lat", "north"), 400));
        a.add(new Attack("lat out of range", Shape.OPEN311, open311Form("lat", "999"), 400));
        a.add(new Attack("phone too long", Shape.OPEN311, open311Form("phone", "1".repeat(40)), 400));
        a.add(new Attack("request_id too long", Shape.OPEN311, open311Form("request_id", "r".repeat(300)), 400));
        a.add(new Attack("unknown service", Shape.OPEN311, open311Form("service_code", "C9999"), 400));
        a.add(new Attack("no api_key", Shape.OPEN311, open311Form("api_key", ""), 403));
        a.add(new Attack(
                "JSON instead of a form",
                Shape.OPEN311,
                () -> HttpRequest.newBuilder(URI.create(api.base() + "/open311/v2/requests.json"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"api_key\": \"test-open311-key\"}"))
                        .build(),
                403,
                415));
        a.add(new Attack(
                "start_date not a date", Shape.OPEN311, open311Get("/open311/v2/requests.json?start_date=x"), 400));
        a.add(new Attack("page below 1", Shape.OPEN311, open311Get("/open311/v2/requests.json?page=-1"), 400));
        a.add(new Attack(
                "page_size not a number", Shape.OPEN311, open311Get("/open311/v2/requests.json?page_size=all"), 400));
        a.add(new Attack(
                "60 ids",
                Shape.OPEN311,
                open311Get("/open311/v2/requests.json?service_request_id="
                        + String.join(",", java.util.Collections.nCopies(60, "SJ1"))),
                400));
        a.add(new Attack("unknown request", Shape.OPEN311, open311Get("/open311/v2/requests/NOPE.json"), 404));
        a.add(new Attack("unknown Open311 path", Shape.OPEN311, open311Get("/open311/v2/discovery.xml"), 404));
        a.add(new Attack(
                "wrong Open311 method",
                Shape.OPEN311,
                () -> HttpRequest.newBuilder(URI.create(api.base() + "/open311/v2/services.json"))
                        .DELETE()
                        .build(),
                405));
        return a;
    }

    @Test
    void everyMalformedRequestGetsA4xxInItsEndpointsFormatWithoutInternals() {
        List<String> problems = new ArrayList<>();
        List<Attack> corpus = corpus();
        for (Attack attack : corpus) {
            Api.Response r;
            try {
                r = api.sendRaw(attack.request().get());
            } catch (RuntimeException e) {
                problems.add(attack.name() + ": no answer (" + e + ")");
                continue;
            }
            String what = attack.name() + " → " + r.status() + " " + abbreviate(r.raw());
            if (java.util.Arrays.stream(attack.expected()).noneMatch(s -> s == r.status())) {
                problems.add("status: " + what);
            }
            if (r.raw() != null && INTERNALS.matcher(r.raw()).find()) {
                problems.add("internals: " + what);
            }
            JsonNode body = r.body();
            boolean shaped = attack.shape() == Shape.API
                    ? body.isObject()
                            && body.path("status").asInt() == r.status()
                            && !body.path("error").asText().isBlank()
                    : body.isArray()
                            && body.size() == 1
                            && body.get(0).path("code").asInt() == r.status()
                            && !body.get(0).path("description").asText().isBlank();
            if (!shaped) {
                problems.add("shape: " + what);
            }
        }
        System.out.println(
                "malformed-request corpus: " + corpus.size() + " requests, " + problems.size() + " problems");
        assertThat(problems).isEmpty();
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
