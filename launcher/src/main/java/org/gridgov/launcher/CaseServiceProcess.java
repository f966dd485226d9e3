package org.gridgov.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridgov.cases.launch.CaseServiceCommand;
import org.gridgov.cases.launch.CaseServiceOptions;
import org.gridgov.cases.launch.DuplicateVerdictOptions;
import org.gridgov.common.json.Json;
import org.gridgov.common.model.CaseEventType;
import org.gridgov.embedded.EmbeddedWarehouse;

/**
 * The case service (a Spring Boot jar) as a child process of the launcher, pointed at the demo's MariaDB (its own
 * database {@code gridgov_case}), Kafka and warehouse, with one demo user per role whose passwords it prints once.
 */
public final class CaseServiceProcess implements AutoCloseable {

    /** Spring Boot's launcher for the ZIP layout; {@code -Dloader.main} chooses the main class. */
    static final String LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";
    /** What {@link #smokeTest()} makes the service publish on {@code case.events}: the report and the dispatch. */
    static final Set<CaseEventType> SMOKE_TEST_EVENTS = EnumSet.of(CaseEventType.CREATED, CaseEventType.ASSIGNED);

    private static final Pattern USER_LINE =
            Pattern.compile("^ {2}([a-z]+)\\s+([A-Za-z0-9]{12})\\s+(\\S+)\\s+(\\S.*)$");

    /** A seeded user as the service printed it. */
    public record DemoUser(String username, String password, String role, String displayName) {}

    private final JobProcess process;
    private final int port;
    /** Filled by the output pump as the service prints its banner. */
    private final List<DemoUser> printedUsers;

    private CaseServiceProcess(JobProcess process, int port, List<DemoUser> printedUsers) {
        this.process = process;
        this.port = port;
        this.printedUsers = printedUsers;
    }

    static CaseServiceProcess start(
            ProjectLayout layout,
            int preferredPort,
            int warehousePort,
            String kafka,
            String warehouseUrl,
            String piiSalt,
            Path work,
            PrintStream out)
            throws IOException {
        int port = free(preferredPort) ? preferredPort : anyFreePort();
        String db = "jdbc:mysql://127.0.0.1:" + warehousePort + "/gridgov_case?createDatabaseIfNotExist=true&"
                + EmbeddedWarehouse.JDBC_PARAMS;
        List<String> args = List.of(
                "--server.port=" + port,
                "--spring.datasource.url=" + db,
                "--spring.datasource.username=root",
                CaseServiceOptions.KAFKA_BOOTSTRAP_SERVERS.argument(kafka),
                CaseServiceOptions.WAREHOUSE_URL.argument(warehouseUrl),
                CaseServiceOptions.WAREHOUSE_USER.argument("root"),
                CaseServiceOptions.SEED_USERS.argument(true),
                CaseServiceOptions.OPEN311_API_KEYS.argument(List.of("demo-open311-key")),
                CaseServiceOptions.ATTACHMENT_DIR.argument(Files.createDirectories(work.resolve("case-attachments"))
                        .toString()));
        // secrets travel in the environment, never on the command line (the embedded MariaDB's generated password;
        // the loader's salt, so 综合查询 by ID-card or phone number finds the person keys the loader wrote)
        Map<String, String> env = Map.of(
                "SPRING_DATASOURCE_PASSWORD",
                EmbeddedWarehouse.PASSWORD,
                CaseServiceOptions.WAREHOUSE_PASSWORD.envName(),
                EmbeddedWarehouse.PASSWORD,
                CaseServiceOptions.PII_SALT.envName(),
                piiSalt);
        List<DemoUser> parsed = new java.util.concurrent.CopyOnWriteArrayList<>();
        JobProcess p = JobProcess.start(
                "case-service",
                layout.caseServiceJar().toString(),
                List.of(
                        "-Xmx768m",
                        "-Duser.timezone=Asia/Shanghai",
                        "-Dfile.encoding=UTF-8",
                        "-Dloader.main=" + CaseServiceCommand.SERVICE.mainClass()),
                LAUNCHER,
                args,
                env,
                work,
                line -> {
                    Matcher m = USER_LINE.matcher(line);
                    if (m.matches()) {
                        parsed.add(new DemoUser(m.group(1), m.group(2), m.group(3), m.group(4)));
                    }
                    out.println("      " + line);
                });
        return new CaseServiceProcess(p, port, parsed);
    }

    String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    List<DemoUser> users() {
        return List.copyOf(printedUsers);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until the health endpoint answers UP and the seeded users were printed. */
    void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the case service stopped while starting; its last lines:\n" + process.tail());
            }
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(url() + "actuator/health"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                // the users are printed just after the web server starts: wait for the whole list too
                int seen = printedUsers.size();
                if (r.statusCode() == 200 && r.body().contains("UP") && seen > 0) {
                    Thread.sleep(300);
                    if (printedUsers.size() == seen) {
                        return;
                    }
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the case service did not become ready in " + timeout.toSeconds()
                + " s; its last lines:\n" + process.tail());
    }

    /** A short walk through the API as the demo users: report a case as the grid worker, dispatch it. */
    String smokeTest() throws IOException, InterruptedException {
        DemoUser worker = user("worker");
        DemoUser command = user("command");
        HttpClient http = HttpClient.newHttpClient();
        String workerToken = token(http, worker);
        String created = send(
                http,
                "POST",
                "api/cases",
                workerToken,
                Map.of("description", "演示：小区供暖温度不达标", "channel", "GRID_PATROL", "category_code", "C0101", "urgency", 2),
                201);
        String id = field(created, "id");
        send(http, "POST", "api/cases/" + id + "/actions", token(http, command), Map.of("action", "DISPATCH"), 200);
        return id;
    }

    /** The cases {@link #walkCases} took through 接诉即办: every id, and how many were closed and visited. */
    record Walked(List<String> ids, List<String> closed, int visited) {}

    /** Reports the walk files, one per case: category and the caller's words. */
    private static final List<String[]> WALK_REPORTS = List.of(
            new String[] {"C0101", "演示：小区暖气不热，室内只有十五度"},
            new String[] {"C0118", "演示：小区北门路灯不亮，晚上很黑"},
            new String[] {"C0204", "演示：垃圾站三天没有清运，气味很大"},
            new String[] {"C0105", "演示：路口路面塌陷出现大坑"},
            new String[] {"C0123", "演示：小区门口大树被风刮倒挡住道路"},
            new String[] {"C0305", "演示：消防通道被私家车长期占用"});

    /**
     * 接诉即办 for the analytics (issue 19): {@code cases} cases reported by the grid worker, dispatched by the command
     * centre to the urban-management department, which responds first (首次响应) and handles them; three in four are
     * then verified by the worker, closed by the street's grid centre and visited (回访) by the command centre, the
     * rest stay open. Every step goes through the API, so the cases' events reach {@code case.events} through the
     * outbox as in production, for the ODS loader to fold into {@code dwd_case}.
     */
    Walked walkCases(int cases) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        JsonNode workerLogin = login(http, user("worker"));
        String worker = workerLogin.path("token").asText();
        String grid = workerLogin.path("user").path("scope_code").asText();
        String command = token(http, user("command"));
        JsonNode departmentLogin = login(http, user("chengguan"));
        String department = departmentLogin.path("token").asText();
        String departmentCode =
                departmentLogin.path("user").path("department_code").asText();
        String gridCenter = token(http, user("gridcenter"));
        List<String> satisfaction = List.of("SATISFIED", "SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED");
        List<String> ids = new java.util.ArrayList<>();
        List<String> closed = new java.util.ArrayList<>();
        int visited = 0;
        for (int i = 0; i < cases; i++) {
            String[] r = WALK_REPORTS.get(i % WALK_REPORTS.size());
            String id = field(
                    send(
                            http,
                            "POST",
                            "api/cases",
                            worker,
                            Map.of(
                                    "description",
                                    r[1] + "（" + (i + 1) + "）",
                                    "channel",
                                    "GRID_PATROL",
                                    "category_code",
                                    r[0],
                                    "grid_code",
                                    grid,
                                    "urgency",
                                    1),
                            201),
                    "id");
            ids.add(id);
            send(
                    http,
                    "POST",
                    "api/cases/" + id + "/actions",
                    command,
                    Map.of("action", "DISPATCH", "note", "演示分派", "department_code", departmentCode),
                    200);
            send(
                    http,
                    "POST",
                    "api/cases/" + id + "/response",
                    department,
                    Map.of("note", "已电话联系诉求人，说明办理安排", "version", version(http, id, department)),
                    200);
            if (i % 4 == 3) {
                continue; // stays open, responded
            }
            send(
                    http,
                    "POST",
                    "api/cases/" + id + "/actions",
                    department,
                    Map.of("action", "COMPLETE", "note", "已处理完毕"),
                    200);
            send(
                    http,
                    "POST",
                    "api/cases/" + id + "/actions",
                    worker,
                    Map.of("action", "COMPLETE", "note", "现场复核通过"),
                    200);
            String view = send(
                    http,
                    "POST",
                    "api/cases/" + id + "/actions",
                    gridCenter,
                    Map.of("action", "COMPLETE", "note", "同意结案"),
                    200);
            if (!"CLOSED".equals(Json.mapper().readTree(view).path("status").asText())) {
                throw new IllegalStateException("walked case " + id + " did not close: " + view);
            }
            closed.add(id);
            send(
                    http,
                    "POST",
                    "api/cases/" + id + "/return-visit",
                    command,
                    Map.of(
                            "satisfaction",
                            satisfaction.get(visited % satisfaction.size()),
                            "note",
                            "电话回访",
                            "version",
                            version(http, id, command)),
                    200);
            visited++;
        }
        return new Walked(List.copyOf(ids), List.copyOf(closed), visited);
    }

    private int version(HttpClient http, String caseId, String token) throws IOException, InterruptedException {
        return Json.mapper()
                .readTree(send(http, "GET", "api/cases/" + caseId, token, null, 200))
                .path("version")
                .asInt();
    }

    /**
     * The similar-case finder's decision on every pair of {@code reports} (a JSON file of the simulator's planted
     * reports, without their clusters), from the service jar's {@code CaseServiceCommand.DUPLICATE_VERDICTS} main in
     * a JVM of its own, with the service's default radius, window and threshold; returns its summary line.
     */
    static String duplicateVerdicts(ProjectLayout layout, Path reports, Path verdicts, Path work, Duration timeout)
            throws InterruptedException {
        try (JobProcess p = JobProcess.start(
                "duplicate-verdicts",
                layout.caseServiceJar().toString(),
                List.of(
                        "-Xmx512m",
                        "-Dfile.encoding=UTF-8",
                        "-Dloader.main=" + CaseServiceCommand.DUPLICATE_VERDICTS.mainClass()),
                LAUNCHER,
                List.of(
                        DuplicateVerdictOptions.REPORTS.argument(
                                reports.toAbsolutePath().toString()),
                        DuplicateVerdictOptions.VERDICTS.argument(
                                verdicts.toAbsolutePath().toString())),
                Map.of(),
                work,
                l -> {})) {
            int code = p.await(timeout.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            if (code != 0) {
                throw new IllegalStateException("duplicate verdicts failed with exit code " + code + ":\n" + p.tail());
            }
            return p.linesStartingWith("duplicate verdicts").stream()
                    .findFirst()
                    .orElse("duplicate verdicts");
        }
    }

    /** What the public Open311 GET showed of the demo's cases: how many were checked and every leak found. */
    record PublicData(int citizenCases, int internalCases, List<String> leaks) {}

    /** What personal data looks like in public output (the redactor's test corpus checks the same shapes). */
    static final List<Pattern> LEAKS = List.of(
            Pattern.compile("(?<!\\d)1[3-9]\\d(?:[\\s-]?\\d){8}(?!\\d)"),
            Pattern.compile("(?<!\\d)\\d{17}[\\dXx]"),
            Pattern.compile("(?<!\\d)0\\d{2,3}[\\s-]?\\d{7,8}(?!\\d)"),
            Pattern.compile("\\d+号楼|\\d+单元|\\d+室|(?<![月\\d])\\d+号(?![线])"));

    /**
     * Every case the demo creates, checked through the public Open311 GET: the generated 12345 calls reported as
     * citizen cases whose callers consented to publication, their names, phones and ID numbers written into the
     * description as call-takers do, and the internal smoke-test case. The public answer must show the citizen cases
     * with none of that (nor any phone, ID or door-number shape) and must not show the internal case at all.
     */
    PublicData publicData(List<String> hotlineLines, String internalCaseId, int cases)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String token = token(http, user("command"));
        List<String> leaks = new java.util.ArrayList<>();
        List<String> ids = new java.util.ArrayList<>();
        java.util.Set<String> personal = new java.util.HashSet<>();
        for (String line : hotlineLines) {
            if (ids.size() >= cases) {
                break;
            }
            JsonNode r;
            try {
                r = Json.mapper().readTree(line);
            } catch (IOException broken) {
                continue;
            }
            String name = text(r, "caller_name");
            String phone = text(r, "caller_phone");
            String idCard = text(r, "caller_id_card");
            String content = text(r, "content");
            if (name == null
                    || phone == null
                    || content == null
                    || !r.path("latitude").isNumber()
                    || phone.length() != 11
                    || r.path("address").asText("").length() > 200) {
                continue;
            }
            Map<String, Object> report = new java.util.LinkedHashMap<>();
            report.put(
                    "description",
                    content + "（来电人：" + name + "，电话 " + phone + (idCard == null ? "" : "，身份证 " + idCard) + "）");
            report.put("channel", "HOTLINE");
            report.put("category_code", text(r, "category_code"));
            report.put("latitude", r.get("latitude").asDouble());
            report.put("longitude", r.get("longitude").asDouble());
            report.put("address", text(r, "address"));
            report.put("reporter_name", name);
            report.put("reporter_phone", phone);
            report.put("publish_consent", true);
            HttpResponse<String> created = sendRaw(http, "POST", "api/cases", token, report);
            if (created.statusCode() != 201) {
                // a generated record the service refuses (outside every grid, unknown category) is not a case
                continue;
            }
            ids.add(field(created.body(), "id"));
            personal.add(name);
            personal.add(phone);
            if (idCard != null) {
                personal.add(idCard);
            }
        }
        // the public texts only: ids and times are digits of ours, not a person's
        StringBuilder shown = new StringBuilder();
        for (String id : ids) {
            HttpResponse<String> one = sendRaw(http, "GET", "open311/v2/requests/" + id + ".json", null, null);
            if (one.statusCode() != 200) {
                leaks.add("citizen case " + id + " not public: " + one.statusCode());
            }
            publicTexts(one.body(), shown);
        }
        HttpResponse<String> list = sendRaw(http, "GET", "open311/v2/requests.json?page_size=100", null, null);
        publicTexts(list.body(), shown);
        if (sendRaw(http, "GET", "open311/v2/requests/" + internalCaseId + ".json", null, null)
                                .statusCode()
                        != 404
                || list.body().contains(internalCaseId)) {
            leaks.add("the internal 网格员巡查 case " + internalCaseId + " is public");
        }
        String text = shown.toString();
        for (String p : personal) {
            if (text.contains(p)) {
                leaks.add("personal data in public output: " + p.charAt(0) + "…");
            }
        }
        for (Pattern leak : LEAKS) {
            java.util.regex.Matcher m = leak.matcher(text);
            while (m.find()) {
                leaks.add("shape " + leak + " in public output: …"
                        + text.substring(Math.max(0, m.start() - 12), Math.min(text.length(), m.end() + 4)) + "…");
            }
        }
        return new PublicData(ids.size(), 1, leaks);
    }

    private static void publicTexts(String body, StringBuilder into) throws IOException {
        JsonNode list = Json.mapper().readTree(body);
        for (JsonNode r : list.isArray() ? list : Json.mapper().createArrayNode()) {
            for (String f : List.of("description", "address", "status_notes", "service_name", "agency_responsible")) {
                into.append(r.path(f).asText("")).append(" | ");
            }
            into.append('\n');
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private DemoUser user(String name) {
        return users().stream()
                .filter(u -> u.username().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the case service did not print the demo user " + name
                        + " (users exist already in its database?)"));
    }

    private String token(HttpClient http, DemoUser u) throws IOException, InterruptedException {
        return field(
                send(
                        http,
                        "POST",
                        "api/auth/token",
                        null,
                        Map.of("username", u.username(), "password", u.password()),
                        200),
                "token");
    }

    /** The token answer: {@code token} and the signed-in {@code user} (scope and department codes). */
    private JsonNode login(HttpClient http, DemoUser u) throws IOException, InterruptedException {
        return Json.mapper()
                .readTree(send(
                        http,
                        "POST",
                        "api/auth/token",
                        null,
                        Map.of("username", u.username(), "password", u.password()),
                        200));
    }

    private String send(
            HttpClient http, String method, String path, String token, Map<String, Object> body, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> r = sendRaw(http, method, path, token, body);
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private HttpResponse<String> sendRaw(
            HttpClient http, String method, String path, String token, Map<String, Object> body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(30));
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8));
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String field(String json, String name) throws IOException {
        JsonNode value = Json.mapper().readTree(json).get(name);
        if (value == null || !value.isTextual()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return value.asText();
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int anyFreePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.stopGracefully(Duration.ofSeconds(20));
    }
}
