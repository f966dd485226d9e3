package org.gridgov.cases.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
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
import java.util.concurrent.atomic.AtomicLong;
import org.gridgov.cases.CaseServiceApplication;
import org.gridgov.cases.launch.CaseBenchmarkOptions;
import org.gridgov.cases.launch.CaseServiceCommand;
import org.gridgov.cases.launch.CaseServiceOptions;
import org.gridgov.cases.security.ApiTokens;
import org.gridgov.cases.security.UserStore;
import org.gridgov.common.config.GridgovConfig;
import org.gridgov.common.config.GridgovOptions;
import org.gridgov.common.district.Category;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.district.District;
import org.gridgov.common.district.Grid;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Load benchmark of the case service: seeds {@code bench.cases} stored cases (default 1,000,000, 3 % open, half with
 * a point in their grid), then
 * measures case creations/s with their latency percentiles over HTTP with {@code bench.threads} clients for
 * {@code bench.duration}, and the todo-list latency for command-centre, department and grid-worker users
 * ({@link CaseBenchmarkOptions}).
 *
 * <p>Run by {@code gridgov bench cases}, which starts a MariaDB and passes {@code --warehouse.jdbc-url} and
 * {@code --warehouse.user} (a password comes from GRIDGOV_WAREHOUSE_PASSWORD) of the server the benchmark creates its
 * own database on; the service runs in this JVM with its production configuration (bcrypt logins, outbox writes in
 * every transaction; the outbox relay is off because no Kafka is given, so relaying is not part of the figures). Test
 * scope, so the service's jars do not hold it; the launcher runs it from the test classpath.
 */
public final class CaseServiceBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "bench-Passw0rd";

    private final JdbcTemplate jdbc;
    private final String base;
    /** HTTP/1.1 with keep-alive, a pooled connection per client thread ({@link BenchHttp}). */
    private final BenchHttp http;

    private final List<Grid> grids = District.licheng().grids();
    private final List<Category> categories =
            new ArrayList<>(CategoryCatalog.standard().all());

    private final String seedUrl;
    private final String seedUser;
    private final String seedPassword;
    /** bench.jfr: where the measured stretches' JFR recordings go; blank for none. */
    private final String jfrPrefix;
    /** The service's write batches, so the JDBC ceiling sends its rows as the creations do. */
    private final org.gridgov.cases.jdbc.WriteBatches writeBatches;

    private CaseServiceBenchmark(
            JdbcTemplate jdbc,
            String base,
            String seedUrl,
            String seedUser,
            String seedPassword,
            String jfrPrefix,
            org.gridgov.cases.jdbc.WriteBatches writeBatches,
            int threads) {
        this.http = new BenchHttp(threads + 4);
        this.writeBatches = writeBatches;
        this.jdbc = jdbc;
        this.jfrPrefix = jfrPrefix;
        this.base = base;
        this.seedUrl = seedUrl;
        this.seedUser = seedUser;
        this.seedPassword = seedPassword;
    }

    public static void main(String[] args) throws Exception {
        GridgovConfig config;
        try {
            config = GridgovConfig.fromArgs(args, CaseServiceCommand.BENCHMARK.options());
        } catch (RuntimeException e) {
            System.err.println("case-service benchmark: " + e.getMessage());
            System.exit(2);
            return;
        }
        String url = config.get(GridgovOptions.WAREHOUSE_URL);
        String user = config.get(GridgovOptions.WAREHOUSE_USER);
        String password = Objects.requireNonNullElse(config.get(GridgovOptions.WAREHOUSE_PASSWORD), "");
        int cases = config.get(CaseBenchmarkOptions.CASES);
        int threads = config.get(CaseBenchmarkOptions.THREADS);
        int seconds = Math.toIntExact(config.get(CaseBenchmarkOptions.DURATION).toSeconds());
        String jfr = Objects.requireNonNullElse(config.get(CaseBenchmarkOptions.JFR), "");
        String server = url.replaceAll("/[^/?]*(\\?.*)?$", "/");
        String db = server + "gridgov_case_bench?createDatabaseIfNotExist=true"
                + "&useSSL=false&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true&characterEncoding=UTF-8";
        // fresh state on every run: a database left by an earlier run (same server) would carry its warm pages and
        // its extra rows into the figures
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                        server + "?useSSL=false&allowPublicKeyRetrieval=true", user, password);
                java.sql.Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS gridgov_case_bench");
        }
        System.out.println("bench database gridgov_case_bench: dropped and created fresh");
        ConfigurableApplicationContext app = SpringApplication.run(
                CaseServiceApplication.class,
                "--spring.datasource.url=" + db,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                "--server.port=0",
                // the HTTP ceiling calls /actuator/health: without the database check it is a no-op round trip
                "--management.health.db.enabled=false",
                // the test classpath holds OpenTelemetry (Selenium's), which Connector/J then calls around every
                // statement; the service's jar has none, so the driver is measured as it runs there
                "--spring.datasource.hikari.data-source-properties.openTelemetry=DISABLED",
                "--spring.datasource.hikari.maximum-pool-size=" + Math.max(10, threads + 4),
                CaseServiceOptions.KAFKA_BOOTSTRAP_SERVERS.argument(""),
                "--logging.level.root=WARN",
                // the test classpath's logback-test.xml raises org.gridgov to INFO; production logs it at WARN
                "--logging.level.org.gridgov=WARN");
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            CaseServiceBenchmark b = new CaseServiceBenchmark(
                    app.getBean(JdbcTemplate.class),
                    "http://127.0.0.1:" + port,
                    db,
                    user,
                    password,
                    jfr,
                    app.getBean(org.gridgov.cases.jdbc.WriteBatches.class),
                    threads);
            try (BenchHttp client = b.http) {
                b.run(
                        app.getBean(PasswordEncoder.class),
                        app.getBean(ApiTokens.class),
                        app.getBean(UserStore.class),
                        cases,
                        threads,
                        seconds);
            }
        } finally {
            app.close();
        }
    }

    private void run(PasswordEncoder encoder, ApiTokens apiTokens, UserStore users, int cases, int threads, int seconds)
            throws Exception {
        seed(cases);
        createUsers(encoder);
        // a grid worker per grid, and the creations go round the grids as the seeded cases do: with a worker per
        // client thread the ~10^5 creations of a run landed in 8 grids (2 of the 96 communities), which made the
        // 一张图 selections over those two communities count 10-20x the cases of any other (issue 15: the selection's
        // p99 went from 209-223 ms to 621-1,094 ms once the creations ran 3x faster). The tokens are issued as
        // POST /api/auth/token issues them, without 384 bcrypt sign-ins; the sign-in itself is measured below.
        List<String> workerTokens = new ArrayList<>();
        for (int i = 0; i < grids.size(); i++) {
            workerTokens.add(apiTokens
                    .issue(users.find("bench_worker_" + i).orElseThrow().staff())
                    .token());
        }
        login("bench_worker_0");
        if (!jfrPrefix.isBlank()) {
            // JFR's first recording in a JVM instruments the JDK's socket and file classes for its I/O events
            // (jdk.jfr.internal.instrument.JDKEvents), which discards the compiled code that inlined them: started
            // first at the measured creations it made them run deoptimised (JIT 3,600-4,500 µs per creation in the
            // stretch after a warm-up that had settled). Started and stopped here, before the warm-up, the cost falls
            // on the warm-up instead.
            startJfr().close();
        }
        // warm-up: JIT (C2 compiles a method after thousands of calls; the creation path is hundreds of methods
        // called once per request, so it needs tens of thousands of creations), connection pools
        warmUp(
                "creations",
                threads,
                Math.max(10, seconds / 2),
                180,
                (thread, seq) -> writeOne(workerTokens, thread, seq));
        long storedBefore = jdbc.queryForObject("SELECT COUNT(*) FROM case_record", Long.class);
        System.out.println("  before the measured creations: " + innodbState());
        jdk.jfr.Recording creationsJfr = startJfr();
        CostProbe probe = CostProbe.start(jdbc);
        Result writes = measureWrites(workerTokens, seconds, threads, true);
        CostProbe.Costs costs = probe.stop(writes.count);
        stopJfr(creationsJfr, "creations");
        double rate = writes.count / (double) seconds;
        System.out.printf(
                "case creations (%,d cases stored before): %,d in %d s with %d clients = %,.0f/s; latency"
                        + " p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (errors %d)%n",
                storedBefore,
                writes.count,
                seconds,
                threads,
                rate,
                writes.pct(50),
                writes.pct(95),
                writes.pct(99),
                writes.pct(100),
                writes.errors);
        System.out.println("  per creation: " + costs);
        // ceilings on the same machine, pool and threads: the creation's own SQL without HTTP, Spring or checks,
        // and an HTTP round trip that does nothing; our figure as a share of each
        int ceilingSeconds = Math.max(5, Math.min(seconds, 15));
        // each ceiling warmed up like the creations: measured cold, its JIT work would lower it
        warmUp("JDBC ceiling", threads, 5, 60, plainInsert());
        Result plain = load(threads, ceilingSeconds, plainInsert());
        double plainRate = plain.count / (double) ceilingSeconds;
        Call noopCall = (thread, seq) -> http.get(base + "/actuator/health", null) == 200;
        warmUp("no-op ceiling", threads, 5, 60, noopCall);
        jdk.jfr.Recording noopJfr = startJfr();
        Result noop = load(threads, ceilingSeconds, noopCall);
        stopJfr(noopJfr, "noop");
        double noopRate = noop.count / (double) ceilingSeconds;
        // both costs fall on the same 2 cores, so the pair's ceiling is their harmonic sum
        double both = 1 / (1 / plainRate + 1 / noopRate);
        System.out.printf(
                "  ceiling: the same rows by plain JDBC (one transaction of the creation's inserts, same"
                        + " pool) %,.0f/s, p99 %.1f ms; a no-op HTTP round trip (GET /actuator/health) %,.0f/s;"
                        + " both together %,.0f/s. Creations = %.0f %% of the JDBC ceiling, %.0f %% of both%n",
                plainRate, plain.pct(99), noopRate, both, 100 * rate / plainRate, 100 * rate / both);
        long stored = jdbc.queryForObject("SELECT COUNT(*) FROM case_record", Long.class);
        List<String> readers = List.of(login("bench_command"), login("bench_dept"), login("bench_worker_0"));
        CostProbe todoProbe = CostProbe.start(jdbc);
        Result todo = measureTodo(readers, Math.max(10, seconds / 2), threads);
        CostProbe.Costs todoCosts = todoProbe.stop(todo.count);
        System.out.printf(
                "todo list (command centre, department, grid worker; %,d cases stored): %,d reads = %,.0f/s;"
                        + " latency p50 %.1f ms, p99 %.1f ms (errors %d)%n",
                stored,
                todo.count,
                todo.count / (double) Math.max(10, seconds / 2),
                todo.pct(50),
                todo.pct(99),
                todo.errors);
        // with the pool's autocommit off (org.gridgov.cases.jdbc) a read outside a transaction pays a COMMIT at
        // release: the reads' statements and CPU are shown so that side of the trade stays visible
        System.out.println("  per todo read: " + todoCosts);
        // the selection's cost grows with the cases of the community it covers: say how even they are
        List<Long> perCommunity = jdbc.queryForList(
                "SELECT COUNT(*) FROM case_record GROUP BY LEFT(grid_code, 12)" + " ORDER BY 1", Long.class);
        System.out.printf(
                "cases per community before the selections: min %,d, median %,d, max %,d (%d communities)%n",
                perCommunity.get(0),
                perCommunity.get(perCommunity.size() / 2),
                perCommunity.get(perCommunity.size() - 1),
                perCommunity.size());
        List<String> selectors = List.of(login("bench_command"), login("bench_street"));
        measureSelection(selectors, 5, threads); // warm-up, as for the writes: JIT, the index pages read
        CostProbe selectProbe = CostProbe.start(jdbc);
        Result select = measureSelection(selectors, Math.max(10, seconds / 2), threads);
        CostProbe.Costs selectCosts = selectProbe.stop(select.count);
        System.out.printf(
                "一张图 polygon selection (a community's grids, district and street users): %,d = %,.0f/s;"
                        + " latency p50 %.1f ms, p99 %.1f ms (errors %d)%n",
                select.count,
                select.count / (double) Math.max(10, seconds / 2),
                select.pct(50),
                select.pct(99),
                select.errors);
        System.out.println("  per selection: " + selectCosts);
        explainSelection();
    }

    /** A JFR recording with the JDK's "profile" settings, when bench.jfr names where to write it; else null. */
    private jdk.jfr.Recording startJfr() throws Exception {
        if (jfrPrefix.isBlank()) {
            return null;
        }
        jdk.jfr.Recording r = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
        r.start();
        return r;
    }

    private void stopJfr(jdk.jfr.Recording r, String stretch) throws java.io.IOException {
        if (r == null) {
            return;
        }
        r.stop();
        java.nio.file.Path file = java.nio.file.Path.of(jfrPrefix + "-" + stretch + ".jfr");
        r.dump(file);
        r.close();
        System.out.println("  JFR of the " + stretch + ": " + file.toAbsolutePath());
    }

    /**
     * The plans of the selection's three query shapes (GridMap.select) for the first community's grids, as the
     * server chooses them with {@code cases} stored: the count, a grid's newest page part, the bounding box.
     */
    private void explainSelection() {
        List<String> codes = grids.stream()
                .filter(g -> g.communityCode().equals(grids.get(0).communityCode()))
                .map(Grid::code)
                .toList();
        org.locationtech.jts.geom.Envelope e = grids.get(0).boundary().getEnvelopeInternal();
        String in = String.join(", ", java.util.Collections.nCopies(codes.size(), "?"));
        Map<String, Object[]> queries = new java.util.LinkedHashMap<>();
        queries.put("count", new Object[] {
            "SELECT grid_code, COUNT(*) AS n FROM case_record WHERE grid_code IN (" + in
                    + ") AND latitude IS NULL GROUP BY grid_code",
            codes.toArray()
        });
        queries.put("page", new Object[] {
            "SELECT id, created_at FROM case_record WHERE grid_code = ? AND latitude"
                    + " IS NULL ORDER BY created_at DESC, id DESC LIMIT 100",
            new Object[] {codes.get(0)}
        });
        List<Object> box = new ArrayList<>(codes);
        box.addAll(List.of(e.getMinY(), e.getMaxY(), e.getMinX(), e.getMaxX()));
        queries.put("bounding box", new Object[] {
            "SELECT id, grid_code, latitude, longitude, created_at FROM"
                    + " case_record WHERE grid_code IN (" + in
                    + ") AND latitude BETWEEN ? AND ? AND longitude BETWEEN ?"
                    + " AND ?",
            box.toArray()
        });
        queries.forEach((name, q) -> jdbc.query(
                "EXPLAIN " + q[0],
                rs -> {
                    System.out.printf(
                            "一张图 selection EXPLAIN (%s): type %s, key %s, rows %s, extra %s%n",
                            name,
                            rs.getString("type"),
                            rs.getString("key"),
                            rs.getString("rows"),
                            rs.getString("Extra"));
                },
                (Object[]) q[1]));
    }

    /** POSTs a polygon a little inside one community's grids (the i-th community, round robin). */
    private Result measureSelection(List<String> tokens, int seconds, int threads) throws Exception {
        List<String> communities =
                grids.stream().map(Grid::communityCode).distinct().toList();
        return load(threads, seconds, (thread, seq) -> {
            String community = communities.get((int) (seq % communities.size()));
            org.locationtech.jts.geom.Envelope e = new org.locationtech.jts.geom.Envelope();
            grids.stream()
                    .filter(g -> g.communityCode().equals(community))
                    .forEach(g -> e.expandToInclude(g.boundary().getEnvelopeInternal()));
            double dx = e.getWidth() * 0.1;
            double dy = e.getHeight() * 0.1;
            String body = JSON.writeValueAsString(Map.of(
                    "polygon",
                    List.of(
                            List.of(e.getMinX() + dx, e.getMinY() + dy), List.of(e.getMaxX() - dx, e.getMinY() + dy),
                            List.of(e.getMaxX() - dx, e.getMaxY() - dy), List.of(e.getMinX() + dx, e.getMaxY()))));
            return http.post(base + "/api/map/select", tokens.get((int) (seq % tokens.size())), body) == 200;
        });
    }

    // ------------------------------------------------------------ seeding

    /**
     * Seeding goes through a plain connection with client-side batch rewriting (multi-row INSERTs): the service's
     * pool uses server-side prepared statements, which Connector/J cannot rewrite into multi-row statements.
     */
    private void seed(int cases) {
        JdbcTemplate seedJdbc = new JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(
                seedUrl, seedUser, seedPassword, true));
        long existing = jdbc.queryForObject("SELECT COUNT(*) FROM case_record", Long.class);
        if (existing >= cases) {
            System.out.printf("seed: %,d cases already stored%n", existing);
            return;
        }
        List<String> departments = jdbc.queryForList("SELECT code FROM department ORDER BY code", String.class);
        Random r = new Random(42);
        LocalDateTime now =
                LocalDateTime.now(CaseServiceApplication.DISTRICT_ZONE).withNano(0);
        String sql = "INSERT INTO case_record (id, title, description, channel, category_code, category_name,"
                + " urgency, priority, grid_code, street_code, workflow_code, current_step, pending_role, status,"
                + " department_code, self_handled, dispute, supervised_count, step_due_at, due_at, created_by,"
                + " created_at, updated_at, closed_at, version, latitude, longitude) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, 'STANDARD', ?, ?, ?, ?, FALSE, FALSE, 0, ?, ?, 'seed', ?, ?, ?, 0, ?, ?)";
        // CPU per row as well as rows/s: on a shared machine a slice's rate moves with the others' load, its CPU
        // per row only with what the rows cost (a server slowing with size shows as more µs per row)
        java.util.function.LongSupplier dbCpu = CostProbe.databaseCpuMicros(jdbc);
        java.lang.management.ThreadMXBean threadCpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        long sliceStart = t0;
        long sliceDbCpu = dbCpu.getAsLong();
        long sliceOwnCpu = threadCpu.getCurrentThreadCpuTime();
        long sliceFirstRow = existing;
        double firstSliceRate = 0;
        double lastSliceRate = 0;
        int batch = 5_000;
        for (long done = existing; done < cases; done += batch) {
            int n = (int) Math.min(batch, cases - done);
            List<Object[]> rows = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                long k = done + i;
                Grid g = grids.get(r.nextInt(grids.size()));
                Category c = categories.get(r.nextInt(categories.size()));
                LocalDateTime created = now.minusMinutes(r.nextInt(365 * 24 * 60));
                boolean open = r.nextInt(100) < 3;
                String step = "CLOSED";
                String role = null;
                String dept = departments.get(r.nextInt(departments.size()));
                if (open) {
                    int s = r.nextInt(100);
                    step = s < 20 ? "DISPATCH" : s < 70 ? "HANDLE" : s < 85 ? "VERIFY" : "REVIEW";
                    role = switch (step) {
                        case "DISPATCH" -> "COMMAND_CENTER";
                        case "HANDLE" -> "DEPARTMENT";
                        case "VERIFY" -> "GRID_WORKER";
                        default -> "GRID_CENTER";
                    };
                }
                int urgency = 1 + r.nextInt(3);
                // half are reported with a point inside their grid (the 一张图 selection tests those one by one),
                // half by grid or address only (placed at the grid's interior point)
                BigDecimal lat = null;
                BigDecimal lon = null;
                if (k % 2 == 0) {
                    org.locationtech.jts.geom.Envelope e = g.boundary().getEnvelopeInternal();
                    lat = BigDecimal.valueOf(e.getMinY() + (0.01 + 0.98 * r.nextDouble()) * e.getHeight())
                            .setScale(6, java.math.RoundingMode.HALF_UP);
                    lon = BigDecimal.valueOf(e.getMinX() + (0.01 + 0.98 * r.nextDouble()) * e.getWidth())
                            .setScale(6, java.math.RoundingMode.HALF_UP);
                }
                rows.add(new Object[] {
                    String.format("SB%010d", k),
                    c.name() + "问题",
                    "基准测试数据 " + c.name(),
                    "HOTLINE",
                    c.code(),
                    c.name(),
                    urgency,
                    urgency,
                    g.code(),
                    g.streetCode(),
                    step,
                    role,
                    open ? "OPEN" : "CLOSED",
                    "DISPATCH".equals(step) ? null : dept,
                    created.plusHours(24 + r.nextInt(72)),
                    created.plusDays(5),
                    created,
                    created,
                    open ? null : created.plusDays(r.nextInt(5)),
                    lat,
                    lon
                });
            }
            seedJdbc.batchUpdate(sql, rows);
            long total = done + n;
            if (total % 100_000 == 0 || total == cases) {
                // the rate of each 100k slice, not only the running average, so a slowdown as the table grows shows
                long at = System.nanoTime();
                lastSliceRate = (total - sliceFirstRow) / ((at - sliceStart) / 1e9);
                if (firstSliceRate == 0) {
                    firstSliceRate = lastSliceRate;
                }
                long db = dbCpu.getAsLong();
                long own = threadCpu.getCurrentThreadCpuTime();
                long sliceRows = total - sliceFirstRow;
                System.out.printf(
                        "seed: %,d / %,d cases: this slice %,.0f rows/s, overall %,.0f rows/s; CPU per row"
                                + " %s µs in MariaDB, %.1f µs in the seeding thread (%s)%n",
                        total,
                        cases,
                        lastSliceRate,
                        (total - existing) / ((at - t0) / 1e9),
                        db < 0 || sliceDbCpu < 0 ? "?" : String.format("%.1f", (db - sliceDbCpu) / (double) sliceRows),
                        (own - sliceOwnCpu) / 1e3 / sliceRows,
                        innodbState());
                sliceDbCpu = db;
                sliceOwnCpu = own;
                sliceStart = at;
                sliceFirstRow = total;
            }
        }
        System.out.printf(
                "seed: the last slice ran at %.0f %% of the first slice's rate (goal: at least 80 %%)%n",
                100 * lastSliceRate / firstSliceRate);
    }

    /**
     * InnoDB's backlog at this moment: dirty pages in the buffer pool and the checkpoint age (redo written since the
     * last checkpoint) against the redo log's size. When the age nears the log's size InnoDB must flush pages before
     * it may write more, which is where a growing load slows.
     */
    private String innodbState() {
        Map<String, String> st = new java.util.HashMap<>();
        jdbc.query(
                "SHOW GLOBAL STATUS WHERE Variable_name IN ('Innodb_buffer_pool_pages_dirty',"
                        + " 'Innodb_buffer_pool_pages_total', 'Innodb_checkpoint_age')",
                rs -> {
                    st.put(rs.getString(1), rs.getString(2));
                });
        long logBytes = jdbc.queryForObject("SELECT @@innodb_log_file_size", Long.class);
        long age = Long.parseLong(st.getOrDefault("Innodb_checkpoint_age", "0"));
        return String.format(
                "InnoDB: %s of %s buffer-pool pages dirty, checkpoint age %,d MB of a %,d MB redo log",
                st.getOrDefault("Innodb_buffer_pool_pages_dirty", "?"),
                st.getOrDefault("Innodb_buffer_pool_pages_total", "?"),
                age >> 20,
                logBytes >> 20);
    }

    private void createUsers(PasswordEncoder encoder) {
        String hash = encoder.encode(PASSWORD);
        String dept = jdbc.queryForObject("SELECT code FROM department ORDER BY code LIMIT 1", String.class);
        LocalDateTime now = LocalDateTime.now();
        List<Object[]> users = new ArrayList<>();
        for (int i = 0; i < grids.size(); i++) {
            users.add(new Object[] {
                "bench_worker_" + i, "GRID_WORKER", grids.get(i).code(), null
            });
        }
        users.add(new Object[] {"bench_command", "COMMAND_CENTER", District.CODE, null});
        users.add(new Object[] {"bench_dept", "DEPARTMENT", District.CODE, dept});
        users.add(new Object[] {"bench_street", "GRID_CENTER", grids.get(0).streetCode(), null});
        for (Object[] u : users) {
            jdbc.update(
                    "INSERT IGNORE INTO app_user (username, display_name, password_hash, role, scope_code,"
                            + " department_code, enabled, failed_attempts, created_at) VALUES (?, ?, ?, ?, ?, ?, TRUE, 0, ?)",
                    u[0],
                    u[0],
                    hash,
                    u[1],
                    u[2],
                    u[3],
                    now);
        }
    }

    // ------------------------------------------------------------ load

    private record Result(long count, long errors, long[] latenciesNanos) {
        double pct(double p) {
            if (latenciesNanos.length == 0) {
                return 0;
            }
            int i = (int) Math.ceil(p / 100.0 * latenciesNanos.length) - 1;
            return latenciesNanos[Math.max(0, Math.min(i, latenciesNanos.length - 1))] / 1e6;
        }
    }

    private Result measureWrites(List<String> tokens, int seconds, int threads, boolean report) throws Exception {
        return load(threads, seconds, (thread, seq) -> writeOne(tokens, thread, seq));
    }

    /** The seq-th creation: round the grids (each by its own grid worker), the categories changing each round. */
    private boolean writeOne(List<String> tokens, int thread, long seq) throws Exception {
        int grid = (int) (seq % grids.size());
        Grid g = grids.get(grid);
        Category c = categories.get((int) (seq / grids.size() % categories.size()));
        String body = JSON.writeValueAsString(Map.of(
                "description",
                "压测上报 " + c.name() + " " + seq,
                "channel",
                "GRID_PATROL",
                "category_code",
                c.code(),
                "grid_code",
                g.code(),
                "urgency",
                1));
        return http.post(base + "/api/cases", tokens.get(grid), body) == 201;
    }

    /** Share of this JVM's CPU its JIT compilers may still take in a 5 s round before the warm-up ends. */
    private static final double SETTLED_JIT_SHARE = 0.05;

    /**
     * Runs {@code call} for {@code minSeconds}, then in 5 s rounds until the JIT compilers took less than
     * {@link #SETTLED_JIT_SHARE} of the JVM's CPU in a round (or {@code maxSeconds} have passed): the figures that
     * follow are the compiled code's, as in a service that has run for a while, not the interpreter's or C1's.
     */
    private void warmUp(String what, int threads, int minSeconds, int maxSeconds, Call call) throws Exception {
        long t0 = System.nanoTime();
        long calls = load(threads, minSeconds, call).count;
        double jit = Double.NaN;
        while ((System.nanoTime() - t0) / 1e9 < maxSeconds) {
            CostProbe.JvmCpu before = CostProbe.JvmCpu.now();
            calls += load(threads, 5, call).count;
            jit = before.jitShareSince();
            if (Double.isNaN(jit) || jit < SETTLED_JIT_SHARE) {
                break;
            }
        }
        System.out.printf(
                "  warm-up of the %s: %.0f s, %,d calls; JIT compilers %s of the JVM's CPU in the last" + " 5 s%n",
                what,
                (System.nanoTime() - t0) / 1e9,
                calls,
                Double.isNaN(jit) ? "unknown" : String.format("%.1f %%", 100 * jit));
    }

    /**
     * The JDBC ceiling: what one creation writes (case, history line, audit row, outbox row), as plain prepared
     * INSERTs in one transaction through the service's own pool, with nothing else around them.
     */
    private Call plainInsert() {
        org.springframework.jdbc.datasource.DataSourceTransactionManager manager =
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(jdbc.getDataSource());
        // as the service's own transaction manager: its transactions begin on the transaction pool when it is on
        // (gridgov.case.transaction-pool), so the ceiling's statements are the creation's
        manager.addListener(org.gridgov.cases.jdbc.TransactionPoolDataSource.beginListener());
        org.springframework.transaction.support.TransactionTemplate tx =
                new org.springframework.transaction.support.TransactionTemplate(manager);
        String payload = "{\"v\":1,\"event_id\":\"x\",\"type\":\"CREATED\"," + "\"pad\":\"" + "x".repeat(400) + "\"}";
        return (thread, seq) -> tx.execute(s -> {
            int grid = (int) (seq % grids.size());
            Grid g = grids.get(grid);
            Category c = categories.get((int) (seq / grids.size() % categories.size()));
            LocalDateTime now = LocalDateTime.now(CaseServiceApplication.DISTRICT_ZONE);
            // the service's id shape: "SJ", the day, 12 random hex digits
            String id = "SJ" + now.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                    + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            // sent as the service sends a creation's rows (one round trip unless gridgov.case.write-batches is off)
            org.gridgov.cases.jdbc.WriteBatch rows = writeBatches.open();
            rows.add(
                    "INSERT INTO case_record (id, title, description, channel, category_code, category_name,"
                            + " urgency, priority, latitude, longitude, address, grid_code, street_code, reporter_name,"
                            + " reporter_phone, workflow_code, current_step, pending_role, status, department_code,"
                            + " self_handled, dispute, supervised_count, step_due_at, due_at, created_by, created_at,"
                            + " updated_at, closed_at, publishable, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL,"
                            + " NULL, ?, ?, NULL, NULL, 'STANDARD', 'DISPATCH', 'COMMAND_CENTER', 'OPEN', NULL, FALSE,"
                            + " FALSE, 0, ?, ?, ?, ?, ?, NULL, FALSE, 0)",
                    id,
                    "压测上报 " + c.name(),
                    "压测上报 " + c.name() + " " + seq,
                    "GRID_PATROL",
                    c.code(),
                    c.name(),
                    1,
                    1,
                    g.code(),
                    g.streetCode(),
                    now.plusHours(24),
                    now.plusDays(5),
                    "bench_worker_" + grid,
                    now,
                    now);
            rows.add(
                    "INSERT INTO case_step (case_id, action, from_step, to_step, actor, actor_role, note, at)"
                            + " VALUES (?, 'REPORT', NULL, 'DISPATCH', ?, 'GRID_WORKER', NULL, ?)",
                    id,
                    "bench_worker_" + grid,
                    now);
            rows.add(
                    "INSERT INTO audit_log (at, username, action, target_type, target_id, outcome, detail,"
                            + " remote_addr) VALUES (?, ?, 'REPORT', 'CASE', ?, 'OK', ?, '127.0.0.1')",
                    now,
                    "bench_worker_" + grid,
                    id,
                    c.code() + " @" + g.code());
            rows.add(
                    "INSERT INTO outbox_event (event_id, topic, msg_key, payload, created_at)"
                            + " VALUES (?, 'case.events', ?, ?, ?)",
                    id + "-1-CREATED",
                    id,
                    payload,
                    now);
            rows.send();
            return true;
        });
    }

    private Result measureTodo(List<String> tokens, int seconds, int threads) throws Exception {
        return load(threads, seconds, (thread, seq) -> {
            return http.get(base + "/api/cases/todo?limit=50", tokens.get((int) (seq % tokens.size()))) == 200;
        });
    }

    private interface Call {
        boolean run(int thread, long seq) throws Exception;
    }

    private Result load(int threads, int seconds, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong seq = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
                long cpu0 = cpu.getCurrentThreadCpuTime();
                long[] lat = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    boolean ok;
                    try {
                        ok = call.run(thread, seq.incrementAndGet());
                    } catch (Exception e) {
                        ok = false;
                    }
                    long d = System.nanoTime() - t0;
                    if (!ok) {
                        errors.incrementAndGet();
                        continue;
                    }
                    if (n == lat.length) {
                        lat = Arrays.copyOf(lat, n * 2);
                    }
                    lat[n++] = d;
                }
                CostProbe.clientThreadEnded(cpu.getCurrentThreadCpuTime() - cpu0);
                return Arrays.copyOf(lat, n);
            }));
        }
        List<long[]> parts = new ArrayList<>();
        for (Future<long[]> f : futures) {
            parts.add(f.get());
        }
        pool.shutdown();
        long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(all.length, errors.get(), all);
    }

    private String login(String username) throws Exception {
        BenchHttp.Answer r = http.postForAnswer(
                base + "/api/auth/token",
                null,
                JSON.writeValueAsString(Map.of("username", username, "password", PASSWORD)),
                true);
        if (r.status() != 200) {
            throw new IllegalStateException("login " + username + ": " + r.status() + " " + r.body());
        }
        return JSON.readTree(r.body()).get("token").asText();
    }
}
