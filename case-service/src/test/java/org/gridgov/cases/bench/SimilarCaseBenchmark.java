package org.gridgov.cases.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.gridgov.cases.CaseServiceApplication;
import org.gridgov.cases.duplicate.DuplicateFinder;
import org.gridgov.cases.duplicate.GeoDistance;
import org.gridgov.cases.launch.CaseBenchmarkOptions;
import org.gridgov.cases.launch.CaseServiceCommand;
import org.gridgov.cases.launch.CaseServiceOptions;
import org.gridgov.cases.similarity.TextSignature;
import org.gridgov.common.config.GridgovConfig;
import org.gridgov.common.config.GridgovOptions;
import org.gridgov.common.district.Category;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.district.District;
import org.gridgov.common.district.Grid;
import org.locationtech.jts.geom.Point;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Issue 19's candidate-search benchmark ({@code gridgov bench similar}): drops and recreates its own database, seeds
 * {@code bench.open-cases} OPEN cases (default 1,000,000) spread over the district's grids and the last 30 days,
 * printing the seeding rate of every 100k slice and the table's size, then asks {@code POST /api/cases/similar} about
 * {@code bench.probes} new reports, one at a time as a report form does, and prints p50/p95/p99/max (goal: p99 ≤ 50
 * ms at 1M open cases) and the EXPLAIN of the finder's box query. The service runs in this JVM with its production
 * configuration and the default radius (500 m), window (15 d) and threshold.
 *
 * <p>The texts come from a small seeded vocabulary of real 12345 problems (place + problem + effect), so a probe
 * finds look-alikes nearby about as often as in a busy district; every run seeds the same data (seed 19).
 */
public final class SimilarCaseBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "bench-Passw0rd";
    private static final String DATABASE = "gridgov_case_similar_bench";
    private static final int WARM_UP = 200;
    private static final int SEED_DAYS = 30;

    static final String[] PLACES = {
        "小区东门", "小区北门", "楼道", "单元门口", "路口", "公交站旁", "菜市场门口", "学校门口", "地下车库", "广场", "河边", "桥下", "停车场", "人行道", "绿化带",
        "商铺前"
    };
    static final String[] PROBLEMS = {
        "井盖破损塌陷",
        "路灯不亮",
        "垃圾堆放没人清运",
        "污水外溢",
        "噪音扰民",
        "占道经营",
        "共享单车乱停放",
        "树枝断裂悬挂",
        "暖气不热",
        "停水",
        "电线裸露",
        "围挡倒塌",
        "油烟直排",
        "积水严重",
        "违章搭建",
        "消防通道堵塞"
    };
    static final String[] EFFECTS = {
        "行人容易摔倒", "晚上很黑", "气味很大", "影响出行", "影响休息", "存在安全隐患", "老人孩子经过很危险", "多次反映没有解决", "希望尽快处理"
    };

    private final JdbcTemplate jdbc;
    private final String base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Grid> grids = District.licheng().grids();
    private final List<Category> categories = CategoryCatalog.standard().active();

    private SimilarCaseBenchmark(JdbcTemplate jdbc, String base) {
        this.jdbc = jdbc;
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        GridgovConfig config;
        try {
            config = GridgovConfig.fromArgs(args, CaseServiceCommand.SIMILAR_BENCHMARK.options());
        } catch (RuntimeException e) {
            System.err.println("similar-case benchmark: " + e.getMessage());
            System.exit(2);
            return;
        }
        String url = config.get(GridgovOptions.WAREHOUSE_URL);
        String user = config.get(GridgovOptions.WAREHOUSE_USER);
        String password = Objects.requireNonNullElse(config.get(GridgovOptions.WAREHOUSE_PASSWORD), "");
        int open = config.get(CaseBenchmarkOptions.OPEN_CASES);
        int probes = config.get(CaseBenchmarkOptions.PROBES);
        String server = url.replaceAll("/[^/?]*(\\?.*)?$", "/");
        String options = "?useSSL=false&allowPublicKeyRetrieval=true&characterEncoding=UTF-8";
        // a fresh database every run: the figures are for exactly the cases seeded here
        try (Connection c = DriverManager.getConnection(server + options, user, password);
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE);
            s.execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4");
        }
        String db = server + DATABASE + options + "&rewriteBatchedStatements=true";
        ConfigurableApplicationContext app = SpringApplication.run(
                CaseServiceApplication.class,
                "--spring.datasource.url=" + db,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                "--server.port=0",
                CaseServiceOptions.KAFKA_BOOTSTRAP_SERVERS.argument(""),
                "--logging.level.root=WARN",
                "--logging.level.org.gridgov=WARN");
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            SimilarCaseBenchmark b =
                    new SimilarCaseBenchmark(app.getBean(JdbcTemplate.class), "http://127.0.0.1:" + port);
            b.seed(db, user, password, open);
            b.measure(app.getBean(PasswordEncoder.class), probes);
        } finally {
            app.close();
        }
    }

    /** A point a little off a random grid's anchor (grids are a few hundred metres across), and that grid. */
    private double[] somewhere(Random r) {
        int g = r.nextInt(grids.size());
        Point p = grids.get(g).anchor();
        return new double[] {p.getY() + (r.nextDouble() - 0.5) * 0.006, p.getX() + (r.nextDouble() - 0.5) * 0.006, g};
    }

    private static String text(Random r) {
        return PLACES[r.nextInt(PLACES.length)] + PROBLEMS[r.nextInt(PROBLEMS.length)] + "，"
                + EFFECTS[r.nextInt(EFFECTS.length)];
    }

    private void seed(String url, String user, String password, int open) {
        // a plain connection with multi-row INSERTs (the service's pool uses server-side prepared statements)
        JdbcTemplate seedJdbc = new JdbcTemplate(
                new org.springframework.jdbc.datasource.SingleConnectionDataSource(url, user, password, true));
        Random r = new Random(19);
        LocalDateTime now =
                LocalDateTime.now(CaseServiceApplication.DISTRICT_ZONE).withNano(0);
        String sql = "INSERT INTO case_record (id, title, description, channel, category_code, category_name,"
                + " urgency, priority, latitude, longitude, grid_code, street_code, workflow_code, current_step,"
                + " pending_role, status, department_code, self_handled, dispute, supervised_count, step_due_at, due_at,"
                + " created_by, created_at, updated_at, text_sig, version) VALUES (?, ?, ?, 'HOTLINE', ?, ?, 1, 1, ?, ?,"
                + " ?, ?, 'STANDARD', 'DISPATCH', 'COMMAND_CENTER', 'OPEN', NULL, FALSE, FALSE, 0, ?, ?, 'seed', ?, ?, ?,"
                + " 0)";
        long t0 = System.nanoTime();
        long sliceStart = t0;
        long sliceFirst = 0;
        int batch = 5_000;
        for (long done = 0; done < open; done += batch) {
            int n = (int) Math.min(batch, open - done);
            List<Object[]> rows = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                double[] at = somewhere(r);
                Grid g = grids.get((int) at[2]);
                Category c = categories.get(r.nextInt(categories.size()));
                String t = text(r);
                LocalDateTime created = now.minusMinutes(r.nextInt(SEED_DAYS * 24 * 60));
                String title = t.substring(0, Math.min(20, t.length()));
                // what CaseRepository.insert writes for a reported case
                rows.add(new Object[] {
                    String.format("SO%010d", done + i),
                    title,
                    t,
                    c.code(),
                    c.name(),
                    at[0],
                    at[1],
                    g.code(),
                    g.streetCode(),
                    created.plusHours(4),
                    created.plusDays(5),
                    created,
                    created,
                    TextSignature.of(title, t).bytes()
                });
            }
            seedJdbc.batchUpdate(sql, rows);
            long total = done + n;
            if (total % 100_000 == 0 || total == open) {
                long t = System.nanoTime();
                System.out.printf(
                        "seed: %,d / %,d open cases: this slice %,.0f rows/s, overall %,.0f rows/s%n",
                        total, open, (total - sliceFirst) / ((t - sliceStart) / 1e9), total / ((t - t0) / 1e9));
                sliceStart = t;
                sliceFirst = total;
            }
        }
        jdbc.execute("ANALYZE TABLE case_record");
        Map<String, Object> size = jdbc.queryForMap("SELECT table_rows, data_length, index_length"
                + " FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'case_record'");
        System.out.printf(
                "state: case_record %,d rows (%,d open), data %,.0f MB, indexes %,.0f MB%n",
                jdbc.queryForObject("SELECT COUNT(*) FROM case_record", Long.class),
                jdbc.queryForObject("SELECT COUNT(*) FROM case_record WHERE status = 'OPEN'", Long.class),
                ((Number) size.get("data_length")).doubleValue() / 1e6,
                ((Number) size.get("index_length")).doubleValue() / 1e6);
    }

    private void measure(PasswordEncoder encoder, int probes) throws Exception {
        jdbc.update(
                "INSERT INTO app_user (username, display_name, password_hash, role, scope_code, enabled,"
                        + " failed_attempts, created_at) VALUES ('bench_command', 'bench_command', ?, 'COMMAND_CENTER', ?,"
                        + " TRUE, 0, ?)",
                encoder.encode(PASSWORD),
                District.CODE,
                LocalDateTime.now());
        String token = login("bench_command");
        Random r = new Random(20261);
        double[] first = somewhere(r);
        double[] box = GeoDistance.box(first[0], first[1], 500);
        LocalDateTime since =
                LocalDateTime.now(CaseServiceApplication.DISTRICT_ZONE).minusDays(15);
        System.out.println("EXPLAIN of the finder's box query (500 m around a probe, 15 days):");
        DuplicateFinder.Query q = DuplicateFinder.nearby(first[0], first[1], 500, since);
        for (Map<String, Object> row : jdbc.queryForList("EXPLAIN " + q.sql(), q.args())) {
            System.out.println("  " + row);
        }
        System.out.printf(
                "  open cases in that box: %,d (in the window: %,d)%n",
                jdbc.queryForObject(
                        "SELECT COUNT(*) FROM case_record WHERE status = 'OPEN' AND latitude BETWEEN ?"
                                + " AND ? AND longitude BETWEEN ? AND ?",
                        Long.class,
                        box[0],
                        box[1],
                        box[2],
                        box[3]),
                jdbc.queryForObject(
                        "SELECT COUNT(*) FROM case_record WHERE status = 'OPEN' AND latitude BETWEEN ?"
                                + " AND ? AND longitude BETWEEN ? AND ? AND created_at >= ?",
                        Long.class,
                        box[0],
                        box[1],
                        box[2],
                        box[3],
                        since));
        long[] lat = new long[probes];
        long found = 0;
        long errors = 0;
        for (int i = -WARM_UP; i < probes; i++) {
            double[] at = somewhere(r);
            Category c = categories.get(r.nextInt(categories.size()));
            Map<String, Object> body = new HashMap<>();
            body.put("latitude", at[0]);
            body.put("longitude", at[1]);
            body.put("category_code", c.code());
            body.put("description", text(r));
            HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/cases/similar"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
            long t = System.nanoTime();
            HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            long d = System.nanoTime() - t;
            if (i < 0) {
                continue;
            }
            lat[i] = d;
            if (res.statusCode() != 200) {
                errors++;
                continue;
            }
            JsonNode list = JSON.readTree(res.body());
            found += list.size();
        }
        Arrays.sort(lat);
        System.out.printf(
                "similar-case search, %,d new reports one at a time: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms,"
                        + " max %.1f ms; %.2f candidates shown per report (errors %d; goal p99 <= 50 ms)%n",
                probes, pct(lat, 50), pct(lat, 95), pct(lat, 99), pct(lat, 100), found / (double) probes, errors);
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1e6;
    }

    private String login(String username) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(Map.of("username", username, "password", PASSWORD))))
                .build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login " + username + ": " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).get("token").asText();
    }
}
