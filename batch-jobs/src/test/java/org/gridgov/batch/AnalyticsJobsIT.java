package org.gridgov.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gridgov.common.district.District;
import org.gridgov.embedded.EmbeddedWarehouse;
import org.gridgov.simulator.generator.GeneratorSpec;
import org.gridgov.warehouse.AnalyticsTables;
import org.gridgov.warehouse.AssessmentAdsTables;
import org.gridgov.warehouse.IdentityTables;
import org.gridgov.warehouse.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@link AnalyticsJobs} as the launcher starts it: the shaded jar (HanLP dictionaries inside) with the engine
 * classpath in a fresh JVM against MariaDB holding one generated month; a re-run in this JVM must leave the same rows;
 * a broken warehouse URL must exit non-zero with the reason on stderr. Then the report the demo prints.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnalyticsJobsIT {

    static final GeneratorSpec SPEC = new GeneratorSpec(7L, YearMonth.of(2024, 1), 1, 6_000, 0.02);
    static final String MONTH = "2024-01";

    private static EmbeddedWarehouse warehouse;

    @BeforeAll
    static void load() throws Exception {
        warehouse = EmbeddedWarehouse.start();
        GeneratedWarehouse.load(warehouse, SPEC);
    }

    @AfterAll
    static void stop() {
        if (warehouse != null) {
            warehouse.close();
        }
    }

    private static List<String> args(String url) {
        return new ArrayList<>(List.of(
                "--warehouse.jdbc-url=" + url,
                "--warehouse.dialect=mysql",
                "--warehouse.user=" + EmbeddedWarehouse.USER,
                "--warehouse.password=" + EmbeddedWarehouse.PASSWORD,
                "--spark.master=local[2]",
                "--batch.month=" + MONTH));
    }

    /** Every analytics table without updated_at, keyed by table name. */
    private static Map<String, List<List<String>>> analyticsTables() throws Exception {
        Map<String, List<List<String>>> out = new LinkedHashMap<>();
        try (Connection c = warehouse.connect()) {
            for (Table t : java.util.stream.Stream.concat(
                            AnalyticsTables.ALL.stream(), AssessmentAdsTables.ALL.stream())
                    .toList()) {
                int updatedAt = t.position("updated_at");
                out.put(
                        t.name(),
                        WarehouseFixtures.select(c, t).stream()
                                .map(r -> {
                                    List<String> copy = new ArrayList<>(r);
                                    copy.remove(updatedAt);
                                    return (List<String>) copy;
                                })
                                .toList());
            }
        }
        return out;
    }

    private static Path target() {
        return Path.of(System.getProperty("basedir", ".")).resolve("target");
    }

    @Test
    @Order(1)
    void shadedJarRunsInItsOwnJvmAndAReRunLeavesTheSameRows() throws Exception {
        Path jar = target().resolve("gridgov-batch-jobs-0.1.0-SNAPSHOT.jar");
        Path engine = target().resolve("engine-classpath.txt");
        assumeTrue(Files.exists(jar) && Files.exists(engine), "shaded jar not built; run mvn verify");

        Child run = runChild(jar, engine, args(warehouse.jdbcUrl()));
        assertThat(run.exitCode).as(run.output).isZero();
        assertThat(run.stdout.lines().toList()).as(run.output).singleElement().satisfies(l -> assertThat(l)
                .startsWith("analytics 2024-01: 12345 stats ")
                .contains("hot words", "person risk", "arrears key cases", "person index", "assessment "));
        Map<String, List<List<String>>> first = analyticsTables();
        // 综合查询's index: one row per record naming a person, from every source (issue 17)
        List<List<String>> index = personIndex();
        assertThat((long) index.size()).isEqualTo(keyedRecords()).isPositive();
        assertThat(first.get("ads_hot_word_month")).isNotEmpty();
        assertThat(first.get("ads_person_risk_month")).isNotEmpty();
        // every grid's worker is assessed, with no rule in force in 2024 (the seeded version starts in 2025)
        assertThat(first.get("ads_grid_worker_assessment"))
                .hasSize(District.licheng().grids().size());
        assertThat(first.get("ads_arrears_key_case")).isNotEmpty();
        assertThat(first.get("ads_rising_word_month")).isEmpty(); // one month: nothing to rise against

        long t0 = System.nanoTime();
        String summary = AnalyticsJobs.run(args(warehouse.jdbcUrl()).toArray(String[]::new));
        System.out.printf("in-process re-run took %d ms: %s%n", (System.nanoTime() - t0) / 1_000_000, summary);
        assertThat(analyticsTables()).isEqualTo(first);
        assertThat(personIndex()).isEqualTo(index);
    }

    private static List<List<String>> personIndex() throws Exception {
        try (Connection c = warehouse.connect()) {
            return WarehouseFixtures.select(c, IdentityTables.DWS_PERSON_EVENT);
        }
    }

    /** Records of the sources that name a person, counted in the sources' own tables. */
    private static long keyedRecords() throws Exception {
        long n = 0;
        try (Connection c = warehouse.connect();
                java.sql.Statement s = c.createStatement()) {
            for (String sql : List.of(
                    "SELECT COUNT(*) FROM ods_petition WHERE person_key IS NOT NULL",
                    "SELECT COUNT(*) FROM ods_hotline_case WHERE caller_key IS NOT NULL",
                    "SELECT COUNT(*) FROM ods_police_incident WHERE person_key IS NOT NULL",
                    "SELECT COUNT(*) FROM ods_arrears_case WHERE complainant_key IS NOT NULL",
                    "SELECT COUNT(*) FROM ods_grid_record WHERE person_key IS NOT NULL")) {
                try (java.sql.ResultSet rs = s.executeQuery(sql)) {
                    rs.next();
                    n += rs.getLong(1);
                }
            }
        }
        return n;
    }

    @Test
    @Order(2)
    void aBrokenWarehouseExitsNonZeroWithTheReason() throws Exception {
        Path jar = target().resolve("gridgov-batch-jobs-0.1.0-SNAPSHOT.jar");
        Path engine = target().resolve("engine-classpath.txt");
        assumeTrue(Files.exists(jar) && Files.exists(engine), "shaded jar not built; run mvn verify");
        Child failed = runChild(jar, engine, args(warehouse.jdbcUrl().replace("/gridgov?", "/no_such_db?")));
        assertThat(failed.exitCode).as(failed.output).isEqualTo(1);
        assertThat(failed.stdout).isEmpty();
        assertThat(failed.stderr).contains("analytics failed").contains("no_such_db");

        Child typo = runChild(jar, engine, List.of("--analytics.jobs=hotwords,riks"));
        assertThat(typo.exitCode).isEqualTo(1);
        assertThat(typo.stderr).contains("unknown job 'riks'");
    }

    @Test
    @Order(3)
    void reportShowsTheMonthsWordsPersonsAndKeyCasesMasked() throws Exception {
        List<String> report;
        try (Connection c = warehouse.connect()) {
            report = AnalyticsReport.lines(c, null, 5);
        }
        report.forEach(System.out::println);
        String text = String.join("\n", report);
        assertThat(text)
                .contains(
                        "== 2024-01 热词",
                        "== 2024-01 上升词",
                        "== 2024-01 重点人员",
                        "== 2024-01 清欠重点案件",
                        "== 2024-01 网格员考核 前5 ==",
                        "== 2024-01 网格员考核 后5 ==",
                        "== 2024-01 考核异常")
                .contains("1. 红 ")
                .contains("********");
        // no clear 18-digit ID card number anywhere in what the demo prints
        assertThat(text).doesNotContainPattern("\\d{17}[0-9X]");
    }

    private record Child(int exitCode, String stdout, String stderr, String output) {}

    private static Child runChild(Path jar, Path engine, List<String> jobArgs) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-opens")
                    || a.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
                    || a.startsWith("-Djdk.reflect")) {
                cmd.add(a);
            }
        }
        cmd.add("-Xmx1g");
        // the launcher's child JVMs run in the machine's zone; the jobs must not depend on it
        cmd.add("-Duser.timezone=UTC");
        cmd.add("-Dlog4j2.configurationFile="
                + Path.of(System.getProperty("basedir", "."))
                        .resolve("src/test/resources/log4j2-test.properties")
                        .toAbsolutePath());
        cmd.add("-cp");
        cmd.add(jar.toAbsolutePath()
                + File.pathSeparator
                + Files.readString(engine).trim());
        cmd.add(AnalyticsJobs.class.getName());
        cmd.addAll(jobArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("GRIDGOV_WAREHOUSE_PASSWORD", EmbeddedWarehouse.PASSWORD);
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Path err = Files.createTempFile("gridgov-analytics", ".err");
        pb.redirectError(err.toFile());
        long t0 = System.nanoTime();
        Process p = pb.start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("analytics JVM did not exit within 180 s");
        }
        String stderr = readAndDelete(err);
        System.out.printf(
                "child JVM exit %d after %d ms%n%s", p.exitValue(), (System.nanoTime() - t0) / 1_000_000, stdout);
        return new Child(p.exitValue(), stdout, stderr, "stdout:\n" + stdout + "\nstderr:\n" + stderr);
    }

    private static String readAndDelete(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
