package org.gridgov.batch.hotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.gridgov.batch.HotlineFixtures;
import org.gridgov.batch.WarehouseFixtures;
import org.gridgov.embedded.EmbeddedWarehouse;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.WarehouseSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The job as the launcher runs it: {@code main(args)} against MariaDB, in this JVM and once from the shaded jar in a
 * child JVM. Expected values are computed here in plain Java from the same generated cases.
 */
class HotlineStreetMonthJobIT {

    private static final Table ADS = WarehouseSchema.ADS_HOTLINE_STREET_MONTH;
    private static final long SEED = 12345L;
    private static final int JANUARY_CASES = 30;
    private static final int FEBRUARY_CASES = 10;

    private static EmbeddedWarehouse warehouse;
    private static List<Row> streets;
    private static List<Row> cases;

    @BeforeAll
    static void seedWarehouse() throws Exception {
        warehouse = EmbeddedWarehouse.start();
        streets = HotlineFixtures.districtStreets();
        cases = generateCases();
        try (Connection c = warehouse.connect()) {
            WarehouseFixtures.insert(c, WarehouseSchema.DIM_STREET, streets);
            WarehouseFixtures.insert(c, WarehouseSchema.DWD_HOTLINE_CASE, cases);
        }
    }

    @AfterAll
    static void stopWarehouse() {
        if (warehouse != null) {
            warehouse.close();
        }
    }

    @BeforeEach
    void emptyAds() throws Exception {
        try (Connection c = warehouse.connect()) {
            WarehouseFixtures.truncate(c, ADS);
        }
    }

    /** Cases spread over the first 8 streets only, so half the streets must come out as zero rows. */
    private static List<Row> generateCases() {
        Random random = new Random(SEED);
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < JANUARY_CASES + FEBRUARY_CASES; i++) {
            String month = i < JANUARY_CASES ? "2024-01" : "2024-02";
            String street = streets.get(random.nextInt(8)).getString(0);
            int closed = random.nextInt(3) == 0 ? 0 : 1;
            int replied = closed == 1 || random.nextBoolean() ? 1 : 0;
            int overdue = random.nextInt(5) == 0 ? 1 : 0;
            out.add(HotlineFixtures.hotlineCase(
                    String.format("12345-%s-%03d", month, i),
                    month,
                    1 + random.nextInt(28),
                    street,
                    replied,
                    closed,
                    overdue));
        }
        return out;
    }

    /** stat_month|street_code -> expected ADS values as text (without updated_at), computed without Spark. */
    private static Map<String, List<String>> expected(String month) {
        Map<String, List<String>> out = new TreeMap<>();
        List<String> months = cases.stream()
                .map(r -> r.getString(2))
                .distinct()
                .filter(m -> month == null || m.equals(month))
                .toList();
        for (String m : months) {
            for (Row s : streets) {
                List<Row> mine = cases.stream()
                        .filter(r -> r.getString(2).equals(m) && r.getString(3).equals(s.getString(0)))
                        .toList();
                int accepted = mine.size();
                int closed = mine.stream().mapToInt(r -> r.getByte(15)).sum();
                BigDecimal rate = accepted == 0
                        ? BigDecimal.ZERO.setScale(4)
                        : BigDecimal.valueOf(closed).divide(BigDecimal.valueOf(accepted), 4, RoundingMode.HALF_UP);
                out.put(
                        m + "|" + s.getString(0),
                        List.of(
                                m,
                                s.getString(0),
                                s.getString(1),
                                String.valueOf(accepted),
                                String.valueOf(mine.stream()
                                        .mapToInt(r -> r.getByte(14))
                                        .sum()),
                                String.valueOf(closed),
                                String.valueOf(mine.stream()
                                        .mapToInt(r -> r.getByte(16))
                                        .sum()),
                                rate.toPlainString()));
            }
        }
        return out;
    }

    private static Map<String, List<String>> adsWithoutUpdatedAt() throws Exception {
        Map<String, List<String>> out = new TreeMap<>();
        try (Connection c = warehouse.connect()) {
            for (List<String> row : WarehouseFixtures.select(c, ADS)) {
                out.put(row.get(0) + "|" + row.get(1), row.subList(0, 8));
            }
        }
        return out;
    }

    private static List<String> updatedAt() throws Exception {
        try (Connection c = warehouse.connect()) {
            return WarehouseFixtures.select(c, ADS).stream()
                    .map(r -> r.get(8))
                    .distinct()
                    .toList();
        }
    }

    private static String[] args(String month) {
        List<String> a = new ArrayList<>(List.of(
                "--warehouse.jdbc-url=" + warehouse.jdbcUrl(),
                "--warehouse.dialect=mysql",
                "--warehouse.user=" + EmbeddedWarehouse.USER,
                "--warehouse.password=" + EmbeddedWarehouse.PASSWORD,
                "--spark.master=local[2]"));
        if (month != null) {
            a.add("--batch.month=" + month);
        }
        return a.toArray(String[]::new);
    }

    /** Runs main in this JVM and returns what it printed. */
    private static String runMain(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        long t0 = System.nanoTime();
        try {
            HotlineStreetMonthJob.main(args);
        } finally {
            System.setOut(original);
            System.out.printf("main(%s) took %d ms%n", String.join(" ", args), (System.nanoTime() - t0) / 1_000_000);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void mainComputesOneMonthForEveryStreetAndARerunOverwritesIt() throws Exception {
        String out = runMain(args("2024-01"));
        assertThat(out).contains("ads_hotline_street_month: 16 rows for 2024-01");

        Map<String, List<String>> first = adsWithoutUpdatedAt();
        assertThat(first).hasSize(16).isEqualTo(expected("2024-01"));
        assertThat(first.values()).extracting(r -> r.get(2)).contains("山大路街道", "唐王街道");
        // 8 streets had no case: zeros, not missing rows
        assertThat(first.values())
                .filteredOn(r -> r.get(3).equals("0"))
                .hasSizeGreaterThanOrEqualTo(8)
                .allSatisfy(r -> assertThat(r.subList(3, 8)).containsExactly("0", "0", "0", "0", "0.0000"));
        assertThat(first.values().stream()
                        .mapToInt(r -> Integer.parseInt(r.get(3)))
                        .sum())
                .isEqualTo(JANUARY_CASES);
        List<String> firstUpdatedAt = updatedAt();
        assertThat(firstUpdatedAt).hasSize(1);

        String again = runMain(args("2024-01"));
        assertThat(again).contains("ads_hotline_street_month: 16 rows for 2024-01");
        assertThat(adsWithoutUpdatedAt()).isEqualTo(first);
        List<String> secondUpdatedAt = updatedAt();
        assertThat(secondUpdatedAt).hasSize(1);
        assertThat(Timestamp.valueOf(secondUpdatedAt.get(0)))
                .isAfterOrEqualTo(Timestamp.valueOf(firstUpdatedAt.get(0)));
    }

    @Test
    void mainWithoutMonthComputesEveryMonthPresent() throws Exception {
        String out = runMain(args(null));
        assertThat(out).contains("ads_hotline_street_month: 32 rows for all months");
        assertThat(adsWithoutUpdatedAt()).hasSize(32).isEqualTo(expected(null));
    }

    @Test
    void mainFailsWhenTheWarehouseIsUnreachable() {
        String[] args = args("2024-01");
        args[0] = "--warehouse.jdbc-url=" + warehouse.jdbcUrl().replace("/gridgov?", "/no_such_db?");
        assertThatThrownBy(() -> runMain(args)).hasStackTraceContaining("no_such_db");
    }

    /**
     * The launcher's contract: shaded jar + engine classpath in a fresh JVM, the warehouse password in
     * GRIDGOV_WAREHOUSE_PASSWORD,
     * summary on stdout, exit code 0; and a non-zero exit when the job fails. Needs the package phase (mvn verify).
     */
    @Test
    void shadedJarRunsInItsOwnJvmLikeTheLauncherStartsIt() throws Exception {
        Path target = Path.of(System.getProperty("basedir", ".")).resolve("target");
        Path jar = target.resolve("gridgov-batch-jobs-0.1.0-SNAPSHOT.jar");
        Path engine = target.resolve("engine-classpath.txt");
        assumeTrue(Files.exists(jar) && Files.exists(engine), "shaded jar not built; run mvn verify");
        assumeTrue(
                providesJackson(jar, engine),
                "Spark needs jackson-databind, but batch-jobs/pom.xml excludes it "
                        + "from the shaded jar while engine-classpath.txt (provided scope) lacks it, since common brings it in "
                        + "compile scope: the launcher's command fails with NoClassDefFoundError "
                        + "com/fasterxml/jackson/databind/Module until the pom declares jackson-databind provided");

        List<String> ok = new ArrayList<>(List.of(args("2024-02")));
        Child run = runChild(jar, engine, ok);
        assertThat(run.exitCode).as(run.output).isZero();
        assertThat(run.stdout.lines()).contains("ads_hotline_street_month: 16 rows for 2024-02");
        assertThat(adsWithoutUpdatedAt()).isEqualTo(expected("2024-02"));

        List<String> bad = new ArrayList<>(ok);
        bad.set(0, "--warehouse.jdbc-url=" + warehouse.jdbcUrl().replace("/gridgov?", "/no_such_db?"));
        Child failed = runChild(jar, engine, bad);
        assertThat(failed.exitCode).as(failed.output).isNotZero();
        assertThat(failed.stdout).doesNotContain("rows for");
    }

    /** Whether the launch classpath has Jackson, which Spark's driver needs at start-up. */
    private static boolean providesJackson(Path jar, Path engine) throws IOException {
        if (Files.readString(engine).contains("jackson-databind")) {
            return true;
        }
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            return zip.getEntry("com/fasterxml/jackson/databind/Module.class") != null;
        }
    }

    private record Child(int exitCode, String stdout, String output) {}

    private static Child runChild(Path jar, Path engine, List<String> jobArgs) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the same JDK 17 opens this test JVM got from the pom (spark.jvm.opens)
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-opens")
                    || a.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
                    || a.startsWith("-Djdk.reflect")) {
                cmd.add(a);
            }
        }
        cmd.add("-Xmx1g");
        cmd.add("-Dlog4j2.configurationFile="
                + Path.of(System.getProperty("basedir", "."))
                        .resolve("src/test/resources/log4j2-test.properties")
                        .toAbsolutePath());
        cmd.add("-cp");
        cmd.add(jar.toAbsolutePath()
                + java.io.File.pathSeparator
                + Files.readString(engine).trim());
        cmd.add(HotlineStreetMonthJob.class.getName());
        cmd.addAll(jobArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("GRIDGOV_WAREHOUSE_PASSWORD", EmbeddedWarehouse.PASSWORD);
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Path err = Files.createTempFile("gridgov-job", ".err");
        pb.redirectError(err.toFile());
        long t0 = System.nanoTime();
        Process p = pb.start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("job JVM did not exit within 120 s");
        }
        String stderr = readAndDelete(err);
        System.out.printf("child JVM exit %d after %d ms%n", p.exitValue(), (System.nanoTime() - t0) / 1_000_000);
        return new Child(p.exitValue(), stdout, "stdout:\n" + stdout + "\nstderr:\n" + stderr);
    }

    private static String readAndDelete(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
