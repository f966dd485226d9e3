package org.gridgov.cases.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gridgov.cases.CaseServiceApplication;
import org.gridgov.cases.launch.CaseServiceCommand;
import org.gridgov.cases.launch.CaseServiceOptions;
import org.gridgov.cases.launch.LookupBenchmarkOptions;
import org.gridgov.common.config.GridgovConfig;
import org.gridgov.common.config.GridgovOptions;
import org.gridgov.common.district.District;
import org.gridgov.common.district.Grid;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.common.validation.IdCardNumber;
import org.gridgov.warehouse.AlertTables;
import org.gridgov.warehouse.AnalyticsTables;
import org.gridgov.warehouse.IdentityTables;
import org.gridgov.warehouse.SqlDialect;
import org.gridgov.warehouse.Table;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * 综合查询 benchmark (issue 17): a warehouse database of its own holding {@code bench.lookup-persons} persons with
 * {@code bench.lookup-records} records in {@code dws_person_event} (sources, grids and times drawn from a seeded random, the
 * person keys salted as the loader salts them), a risk score for every person and an alert for one in ten; then the
 * service in this JVM, and {@code bench.lookups} person files ({@code GET /api/lookup/persons/{ref}}, a district
 * leader, a reason, page 1 of 20) with {@code bench.lookup-threads} clients, plus as many ID-card searches. Prints
 * p50/p95/p99. The index is seeded directly, not through the loader and {@code PersonEventBuild}: what is measured
 * is the read. Each look-up also writes its {@code lookup_log} row, as in production.
 */
public final class LookupBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "bench-Passw0rd";
    private static final String SALT = "gridgov-bench-salt-synthetic-data-only";
    private static final String REASON = URLEncoder.encode("压测：核查人员综合信息", StandardCharsets.UTF_8);
    private static final String[] SOURCES = {"PETITION", "HOTLINE", "POLICE", "ARREARS", "GRID"};
    private static final int BATCH = 5_000;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final PiiProtector pii = new PiiProtector(SALT);
    private final String base;

    private LookupBenchmark(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        GridgovConfig config;
        try {
            config = GridgovConfig.fromArgs(args, CaseServiceCommand.LOOKUP_BENCHMARK.options());
        } catch (RuntimeException e) {
            System.err.println("lookup benchmark: " + e.getMessage());
            System.exit(2);
            return;
        }
        String url = config.get(GridgovOptions.WAREHOUSE_URL);
        String user = config.get(GridgovOptions.WAREHOUSE_USER);
        String password = Objects.requireNonNullElse(config.get(GridgovOptions.WAREHOUSE_PASSWORD), "");
        int persons = config.get(LookupBenchmarkOptions.PERSONS);
        int events = config.get(LookupBenchmarkOptions.EVENTS);
        int lookups = config.get(LookupBenchmarkOptions.LOOKUPS);
        int threads = config.get(LookupBenchmarkOptions.THREADS);
        String server = url.replaceAll("/[^/?]*(\\?.*)?$", "/");
        String options = "?createDatabaseIfNotExist=true&useSSL=false&allowPublicKeyRetrieval=true"
                + "&rewriteBatchedStatements=true&characterEncoding=UTF-8";
        String warehouse = server + "gridgov_lookup_bench" + options;
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(warehouse, user, password)) {
            seed(c, persons, events);
            System.out.printf(
                    "seeded %,d persons, %,d indexed records in %.0f s%n",
                    persons, events, (System.nanoTime() - t0) / 1e9);
            String key = new PiiProtector(SALT).idCardKey(idCard(persons / 2));
            // the plans MariaDB chooses for a person file's reads (the warehouse catalogue's indexes, issue 17)
            explain(c, "person's records", "SELECT * FROM dws_person_event WHERE person_key = ? LIMIT 5000", key);
            explain(
                    c,
                    "person's alerts",
                    "SELECT alert_id, rule, level_label, event_time, message FROM ads_alert_event"
                            + " WHERE subject_type = 'PERSON' AND subject_key = ? ORDER BY event_time DESC, alert_id DESC"
                            + " LIMIT 50",
                    key);
            explain(
                    c,
                    "person's phones",
                    "SELECT DISTINCT phone_key FROM dwd_person_link WHERE person_key = ?" + " LIMIT 50",
                    key);
        }
        ConfigurableApplicationContext app = SpringApplication.run(
                CaseServiceApplication.class,
                "--spring.datasource.url=" + server + "gridgov_case_lookup_bench" + options,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                "--server.port=0",
                CaseServiceOptions.KAFKA_BOOTSTRAP_SERVERS.argument(""),
                CaseServiceOptions.WAREHOUSE_URL.argument(warehouse),
                CaseServiceOptions.WAREHOUSE_USER.argument(user),
                CaseServiceOptions.WAREHOUSE_PASSWORD.argument(password),
                CaseServiceOptions.PII_SALT.argument(SALT),
                "--logging.level.root=WARN",
                "--logging.level.org.gridgov=WARN");
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            jdbc.update(
                    "INSERT IGNORE INTO app_user (username, display_name, password_hash, role, scope_code,"
                            + " department_code, enabled, failed_attempts, created_at) VALUES ('bench_leader',"
                            + " 'bench_leader', ?, 'LEADER', ?, NULL, TRUE, 0, ?)",
                    app.getBean(PasswordEncoder.class).encode(PASSWORD),
                    District.CODE,
                    LocalDateTime.now());
            new LookupBenchmark("http://127.0.0.1:" + port).measure(persons, lookups, threads);
        } finally {
            app.close();
        }
    }

    /** Prints MariaDB's plan of one query: per table its access type, index, estimated rows and extra. */
    private static void explain(Connection c, String what, String sql, String arg) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
            ps.setString(1, arg);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    System.out.printf(
                            "EXPLAIN %s: table %s, type %s, key %s, rows %s, %s%n",
                            what,
                            rs.getString("table"),
                            rs.getString("type"),
                            rs.getString("key"),
                            rs.getString("rows"),
                            rs.getString("Extra"));
                }
            }
        }
    }

    /** The person with index {@code i}: a valid card number, so the search path hashes it like a real one. */
    private static String idCard(int i) {
        return IdCardNumber.of("370112", LocalDate.of(1950, 1, 1).plusDays(i % 20_000), i / 20_000 % 1000);
    }

    private static void seed(Connection c, int persons, int events) throws Exception {
        List<Table> tables = List.of(
                IdentityTables.DWS_PERSON_EVENT,
                AnalyticsTables.ADS_PERSON_RISK_MONTH,
                AlertTables.ADS_ALERT_EVENT,
                IdentityTables.DWD_PERSON_LINK);
        try (Statement s = c.createStatement()) {
            for (Table t : tables) {
                s.execute("DROP TABLE IF EXISTS " + t.name());
                s.execute(SqlDialect.MYSQL.createTable(t));
            }
        }
        PiiProtector pii = new PiiProtector(SALT);
        List<Grid> grids = District.licheng().grids();
        Random random = new Random(17);
        LocalDateTime start = LocalDateTime.of(2024, 1, 1, 0, 0);
        c.setAutoCommit(false);
        try (PreparedStatement ev = c.prepareStatement(
                        "INSERT INTO dws_person_event (person_key, source, record_id,"
                                + " event_time, name_masked, id_card_masked, grid_code, latitude, longitude, category_code, status,"
                                + " company_name, summary) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, 'C0101', 'CLOSED', NULL, ?)");
                PreparedStatement risk = c.prepareStatement("INSERT INTO ads_person_risk_month (stat_month, person_key,"
                        + " name_masked, id_card_masked, risk_score, risk_level, risk_rank, petition_cnt,"
                        + " repeat_petition_cnt, recent_petition_cnt, group_petition_cnt, hotline_cnt, repeat_call_cnt,"
                        + " police_cnt, conflict_police_cnt, arrears_cnt, key_arrears_cnt, source_cnt, last_event_time,"
                        + " top_factors, updated_at) VALUES ('2024-12', ?, '张*', ?, ?, '蓝', ?, 1, 0, 0, 0, 1, 0, 0, 0,"
                        + " 0, 0, 2, ?, '信访1次 +10', ?)");
                PreparedStatement link =
                        c.prepareStatement("INSERT INTO dwd_person_link (phone_key, evidence_id, source,"
                                + " person_key, name_key, seen_time) VALUES (?, ?, 'HOTLINE', ?, NULL, ?)");
                PreparedStatement alert = c.prepareStatement("INSERT INTO ads_alert_event (alert_id, rule, level,"
                        + " level_label, subject_type, subject_key, evidence_ids, evidence_count, message, event_time,"
                        + " last_evidence_time, version) VALUES (?, 'repeat_petition', 'YELLOW', '黄', 'PERSON', ?,"
                        + " 'x', 1, '压测预警', ?, ?, 1)")) {
            int pending = 0;
            for (int p = 0; p < persons; p++) {
                String card = idCard(p);
                String key = pii.idCardKey(card);
                String masked = PiiProtector.maskIdCard(card);
                // events spread evenly: person p gets floor((p+1)·E/P) − floor(p·E/P)
                long from = (long) p * events / persons;
                long to = (long) (p + 1) * events / persons;
                for (long e = from; e < to; e++) {
                    ev.setString(1, key);
                    ev.setString(2, SOURCES[(int) (e % SOURCES.length)]);
                    ev.setString(3, "B" + e);
                    ev.setObject(4, start.plusMinutes(random.nextInt(525_600)));
                    ev.setString(5, "张*");
                    ev.setString(6, masked);
                    ev.setString(7, grids.get(random.nextInt(grids.size())).code());
                    ev.setString(8, "压测记录 " + e);
                    ev.addBatch();
                    if (++pending % BATCH == 0) {
                        ev.executeBatch();
                        c.commit();
                    }
                }
                // one phone seen with the card, so the file's case look-up decides a link as in production
                link.setString(1, pii.phoneKey(String.format("139%08d", p)));
                link.setString(2, "HOTLINE:B" + p);
                link.setString(3, key);
                link.setObject(4, start);
                link.addBatch();
                risk.setString(1, key);
                risk.setString(2, masked);
                risk.setBigDecimal(3, java.math.BigDecimal.valueOf(random.nextInt(1000), 1));
                risk.setInt(4, p + 1);
                risk.setObject(5, start);
                risk.setObject(6, start);
                risk.addBatch();
                if (p % 10 == 0) {
                    alert.setString(1, "bench-" + p);
                    alert.setString(2, key);
                    alert.setObject(3, start);
                    alert.setObject(4, start);
                    alert.addBatch();
                }
                if (p % BATCH == BATCH - 1) {
                    link.executeBatch();
                    risk.executeBatch();
                    alert.executeBatch();
                    c.commit();
                }
            }
            ev.executeBatch();
            link.executeBatch();
            risk.executeBatch();
            alert.executeBatch();
            c.commit();
        }
    }

    private void measure(int persons, int lookups, int threads) throws Exception {
        String token = login();
        Random random = new Random(42);
        int[] sample = new int[lookups + 200];
        for (int i = 0; i < sample.length; i++) {
            sample[i] = random.nextInt(persons);
        }
        run(token, Arrays.copyOf(sample, 200), threads, false); // warm-up: JIT, pools
        report(
                "person file GET /api/lookup/persons/{ref}",
                run(token, Arrays.copyOfRange(sample, 200, sample.length), threads, false),
                threads);
        report(
                "ID-card search POST /api/lookup/persons/search",
                run(token, Arrays.copyOfRange(sample, 200, sample.length), threads, true),
                threads);
    }

    private long[] run(String token, int[] persons, int threads, boolean search) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[]>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    long[] own = new long[(persons.length - first + threads - 1) / threads];
                    int n = 0;
                    for (int i = first; i < persons.length; i += threads) {
                        String card = idCard(persons[i]);
                        HttpRequest.Builder b = HttpRequest.newBuilder().header("Authorization", "Bearer " + token);
                        HttpRequest req = search
                                ? b.uri(URI.create(base + "/api/lookup/persons/search"))
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                                                Map.of("id_card", card, "reason", "压测：核查人员综合信息"))))
                                        .build()
                                : b.uri(URI.create(base + "/api/lookup/persons/" + pii.idCardKey(card) + "?reason="
                                                + REASON))
                                        .GET()
                                        .build();
                        long s = System.nanoTime();
                        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                        own[n++] = System.nanoTime() - s;
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException("look-up answered " + r.statusCode() + ": " + r.body());
                        }
                    }
                    return Arrays.copyOf(own, n);
                }));
            }
            long[] all = new long[0];
            for (Future<long[]> f : parts) {
                long[] part = f.get();
                long[] merged = Arrays.copyOf(all, all.length + part.length);
                System.arraycopy(part, 0, merged, all.length, part.length);
                all = merged;
            }
            Arrays.sort(all);
            return all;
        } finally {
            pool.shutdown();
        }
    }

    private static void report(String what, long[] sorted, int threads) {
        System.out.printf(
                "%s: %,d with %d clients; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                what, sorted.length, threads, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), pct(sorted, 100));
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1e6;
    }

    private String login() throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(Map.of("username", "bench_leader", "password", PASSWORD))))
                .build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login: " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).get("token").asText();
    }
}
