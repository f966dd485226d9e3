package org.gridgov.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.common.config.GridgovOptions.KAFKA_BOOTSTRAP;
import static org.gridgov.common.config.GridgovOptions.LOADER_BOUNDED;
import static org.gridgov.common.config.GridgovOptions.LOADER_CHECKPOINT_INTERVAL;
import static org.gridgov.common.config.GridgovOptions.LOADER_PARALLELISM;
import static org.gridgov.common.config.GridgovOptions.PII_SALT;
import static org.gridgov.common.config.GridgovOptions.STAT_MONTH;
import static org.gridgov.common.config.GridgovOptions.WAREHOUSE_PASSWORD;
import static org.gridgov.common.config.GridgovOptions.WAREHOUSE_URL;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GridgovConfigTest {

    private static final String SALT = "salt-from-the-vault-0001";

    @TempDir
    Path dir;

    @Test
    void argumentBeatsEnvironmentBeatsFileBeatsDefault() throws IOException {
        Path file = properties("loader.parallelism=3\nkafka.bootstrap-servers=kafka-file:9092\nbatch.month=2024-01\n");
        Map<String, String> env =
                Map.of("GRIDGOV_LOADER_PARALLELISM", "4", "GRIDGOV_KAFKA_BOOTSTRAP_SERVERS", "kafka-env:9092");
        String[] args = {"--config=" + file, "--loader.parallelism=5"};

        GridgovConfig c = GridgovConfig.fromArgs(args, env);

        assertThat(c.get(LOADER_PARALLELISM)).isEqualTo(5); // argument
        assertThat(c.get(KAFKA_BOOTSTRAP)).isEqualTo("kafka-env:9092"); // environment over file
        assertThat(c.get(STAT_MONTH)).isEqualTo("2024-01"); // file over default
        assertThat(c.get(LOADER_CHECKPOINT_INTERVAL)).isEqualTo(Duration.ofSeconds(10)); // default

        assertThat(GridgovConfig.fromArgs(new String[] {"--config=" + file}, env)
                        .get(LOADER_PARALLELISM))
                .isEqualTo(4);
        assertThat(GridgovConfig.fromArgs(new String[] {"--config=" + file}, Map.of())
                        .get(LOADER_PARALLELISM))
                .isEqualTo(3);
        assertThat(GridgovConfig.fromArgs(new String[0], Map.of()).get(LOADER_PARALLELISM))
                .isEqualTo(2);
    }

    @Test
    void argumentOrderDoesNotMatterForTheConfigFile() throws IOException {
        Path file = properties("loader.parallelism=3\n");
        String[] fileLast = {"--loader.parallelism=5", "--config=" + file};
        assertThat(GridgovConfig.fromArgs(fileLast, Map.of()).get(LOADER_PARALLELISM))
                .isEqualTo(5);
    }

    @Test
    void valueMayContainEqualsSigns() {
        String url = "jdbc:mysql://localhost:3306/gridgov?useSSL=false&characterEncoding=utf8";
        GridgovConfig c = GridgovConfig.fromArgs(new String[] {"--warehouse.jdbc-url=" + url}, Map.of());
        assertThat(c.get(WAREHOUSE_URL)).isEqualTo(url);
    }

    @Test
    void unrelatedEnvironmentVariablesAreIgnored() {
        GridgovConfig c = GridgovConfig.fromArgs(new String[0], Map.of("PATH", "/usr/bin", "GRIDGOV_HOME", "/opt"));
        assertThat(c.toArgs()).isEmpty();
    }

    @Test
    void unknownKeyIsRejectedListingTheKnownKeys() {
        assertThatThrownBy(() -> GridgovConfig.fromArgs(new String[] {"--loader.paralelism=4"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown config key 'loader.paralelism'; known: [")
                .hasMessageContaining("loader.parallelism")
                .hasMessageContaining("kafka.bootstrap-servers")
                .hasMessageContaining("pii.salt");
    }

    @Test
    void unknownKeyInTheConfigFileIsRejectedToo() throws IOException {
        Path file = properties("# 本地开发配置\nwarehouse.url=jdbc:mysql://localhost/gridgov\n");
        assertThatThrownBy(() -> GridgovConfig.fromArgs(new String[] {"--config=" + file}, Map.of()))
                .hasMessageContaining("unknown config key 'warehouse.url'");
    }

    @Test
    void argumentThatIsNotKeyEqualsValueIsRejected() {
        assertThatThrownBy(() -> GridgovConfig.fromArgs(new String[] {"loader.parallelism=4"}, Map.of()))
                .hasMessage("expected --key=value, got loader.parallelism=4");
        assertThatThrownBy(() -> GridgovConfig.fromArgs(new String[] {"--loader.bounded"}, Map.of()))
                .hasMessage("expected --key=value, got --loader.bounded");
    }

    @Test
    void missingConfigFileNamesThePath() {
        Path missing = dir.resolve("gridgov-缺失.properties");
        assertThatThrownBy(() -> GridgovConfig.fromArgs(new String[] {"--config=" + missing}, Map.of()))
                .hasMessageContaining(missing.toString());
    }

    @Test
    void badNumberNamesTheKeyAndTheValue() {
        GridgovConfig c = GridgovConfig.fromArgs(
                new String[] {"--loader.parallelism=两个"}, Map.of("GRIDGOV_LOADER_CHECKPOINT_INTERVAL", "10 parsecs"));
        assertThatThrownBy(() -> c.get(LOADER_PARALLELISM))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("loader.parallelism: cannot read '两个' as Integer");
        assertThatThrownBy(() -> c.get(LOADER_CHECKPOINT_INTERVAL))
                .hasMessage("loader.checkpoint-interval: cannot read '10 parsecs' as Duration (expected "
                        + DurationText.EXPECTED + ")");
    }

    @Test
    void surroundingSpacesFromFilesAreIgnoredForTypedValues() throws IOException {
        Path file = properties("loader.parallelism = 6 \nloader.bounded= true \n");
        GridgovConfig c = GridgovConfig.fromArgs(new String[] {"--config=" + file}, Map.of());
        assertThat(c.get(LOADER_PARALLELISM)).isEqualTo(6);
        assertThat(c.get(LOADER_BOUNDED)).isTrue();
    }

    @Test
    void misspelledBooleanIsAnErrorNotFalse() {
        GridgovConfig c = GridgovConfig.fromArgs(new String[] {"--loader.bounded=ture"}, Map.of());
        assertThatThrownBy(() -> c.get(LOADER_BOUNDED)).hasMessageContaining("loader.bounded");
    }

    @Test
    void requireOnAMissingSecretNamesTheEnvironmentVariable() {
        GridgovConfig c = GridgovConfig.fromArgs(new String[0], Map.of());
        assertThatThrownBy(() -> c.require(PII_SALT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("pii.salt is not set")
                .hasMessageEndingWith("(env GRIDGOV_PII_SALT)");
        GridgovConfig blank = GridgovConfig.fromArgs(new String[0], Map.of("GRIDGOV_PII_SALT", "  "));
        assertThatThrownBy(() -> blank.require(PII_SALT)).hasMessageContaining("GRIDGOV_PII_SALT");
        assertThat(GridgovConfig.fromArgs(new String[0], Map.of("GRIDGOV_PII_SALT", SALT))
                        .require(PII_SALT))
                .isEqualTo(SALT);
    }

    @Test
    void toArgsLeavesSecretsOutAndSecretsAsEnvCarriesThem() {
        GridgovConfig c = GridgovConfig.fromArgs(
                new String[] {"--loader.parallelism=3", "--batch.month=2024-01"},
                Map.of("GRIDGOV_PII_SALT", SALT, "GRIDGOV_WAREHOUSE_PASSWORD", "口令-p@ss"));

        assertThat(c.toArgs())
                .containsExactlyInAnyOrder("--loader.parallelism=3", "--batch.month=2024-01")
                .noneMatch(a -> a.contains(SALT) || a.contains("p@ss"));
        assertThat(c.secretsAsEnv())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("GRIDGOV_PII_SALT", SALT, "GRIDGOV_WAREHOUSE_PASSWORD", "口令-p@ss"));
    }

    @Test
    void childProcessRebuildsTheSameConfigFromArgsAndEnv() {
        GridgovConfig parent = GridgovConfig.fromArgs(
                        new String[] {"--loader.parallelism=3", "--warehouse.jdbc-url=jdbc:mysql://db:3306/gridgov?a=b"
                        },
                        Map.of("GRIDGOV_PII_SALT", SALT))
                .with(LOADER_BOUNDED, true);

        GridgovConfig child = GridgovConfig.fromArgs(parent.toArgs().toArray(String[]::new), parent.secretsAsEnv());

        for (ConfigOption<?> o : GridgovOptions.ALL) {
            assertThat((Object) child.get(o)).as(o.key()).isEqualTo(parent.get(o));
        }
        assertThat(child.get(LOADER_BOUNDED)).isTrue();
    }

    @Test
    void withOverridesOneValueAndLeavesTheOriginalUnchanged() {
        GridgovConfig base = GridgovConfig.of(Map.of("loader.parallelism", "3"));
        GridgovConfig more = base.with(LOADER_PARALLELISM, 8);
        assertThat(more.get(LOADER_PARALLELISM)).isEqualTo(8);
        assertThat(base.get(LOADER_PARALLELISM)).isEqualTo(3);
    }

    @Test
    void ofRejectsUnknownKeys() {
        assertThatThrownBy(() -> GridgovConfig.of(Map.of("spark.mastr", "local[2]")))
                .hasMessageContaining("unknown config key 'spark.mastr'");
    }

    @Test
    void isSerializableForShippingToTaskManagers() throws Exception {
        GridgovConfig c = GridgovConfig.of(Map.of("loader.parallelism", "3", "pii.salt", SALT));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(c);
        }
        GridgovConfig copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (GridgovConfig) in.readObject();
        }
        assertThat(copy.get(LOADER_PARALLELISM)).isEqualTo(3);
        assertThat(copy.require(PII_SALT)).isEqualTo(SALT);
    }

    @Test
    void everyOptionHasADescriptionAUniqueKeyAndAParsableDefault() {
        assertThat(new HashSet<>(
                        GridgovOptions.ALL.stream().map(ConfigOption::key).toList()))
                .hasSize(GridgovOptions.ALL.size());
        for (ConfigOption<?> o : GridgovOptions.ALL) {
            assertThat(o.description()).as(o.key()).isNotBlank();
            assertThat(o.envName()).matches("GRIDGOV_[A-Z0-9_]+");
            if (o.secret()) {
                assertThat(o.defaultValue())
                        .as("secrets have no default: %s", o.key())
                        .isNull();
            } else {
                assertThat(o.defaultValue()).as(o.key()).isNotNull();
                assertThat((Object) o.parser().apply(String.valueOf(o.defaultValue())))
                        .isEqualTo(o.defaultValue());
            }
        }
        assertThat(List.of(PII_SALT, WAREHOUSE_PASSWORD)).allMatch(ConfigOption::secret);
    }

    @Test
    void envNameUpperCasesAndReplacesDotsAndDashes() {
        assertThat(LOADER_CHECKPOINT_INTERVAL.envName()).isEqualTo("GRIDGOV_LOADER_CHECKPOINT_INTERVAL");
        assertThat(KAFKA_BOOTSTRAP.envName()).isEqualTo("GRIDGOV_KAFKA_BOOTSTRAP_SERVERS");
        assertThat(ConfigOption.string("gridgov.case.token-ttl", "8h", "Spring's")
                        .envName())
                .as("no second prefix")
                .isEqualTo("GRIDGOV_CASE_TOKEN_TTL");
    }

    private Path properties(String text) throws IOException {
        Path file = dir.resolve("gridgov.properties");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void moduleOptionsAreAcceptedOnlyWhereDeclared() {
        ConfigOption<Integer> rows = ConfigOption.integer("ingest.batch-rows", 1000, "rows per batch");
        ConfigOption<String> token = ConfigOption.secret("ingest.token", "gateway token");
        GridgovConfig c = GridgovConfig.fromArgs(
                new String[] {"--ingest.batch-rows=50"},
                java.util.Map.of("GRIDGOV_INGEST_TOKEN", "s3cret"),
                java.util.List.of(rows, token));
        org.assertj.core.api.Assertions.assertThat(c.get(rows)).isEqualTo(50);
        org.assertj.core.api.Assertions.assertThat(c.toArgs()).containsExactly("--ingest.batch-rows=50");
        org.assertj.core.api.Assertions.assertThat(c.secretsAsEnv()).containsEntry("GRIDGOV_INGEST_TOKEN", "s3cret");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> GridgovConfig.fromArgs(new String[] {"--ingest.batch-rows=50"}, java.util.Map.of()))
                .hasMessageContaining("unknown config key 'ingest.batch-rows'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> GridgovConfig.fromArgs(
                        new String[0],
                        java.util.Map.of(),
                        java.util.List.of(ConfigOption.string("pii.salt", "", "dup"))))
                .hasMessageContaining("defined twice");
    }

    @Test
    void aSecretMayBeRefusedAsAnArgumentButTakenFromTheEnvironmentOrFile() throws IOException {
        ConfigOption<String> webhook = ConfigOption.secret("alerts.webhook.url", "robot URL");
        String[] args = {"--alerts.webhook.url=https://robot/send?access_token=t", "--pii.salt=" + SALT};
        GridgovConfig fromArgs = GridgovConfig.fromArgs(args, Map.of(), List.of(webhook));
        assertThatThrownBy(() -> fromArgs.refuseAsArguments(webhook))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alerts.webhook.url is a secret: set GRIDGOV_ALERTS_WEBHOOK_URL in the environment instead "
                        + "of passing it as an argument");
        assertThat(fromArgs.refuseAsArguments(WAREHOUSE_PASSWORD).get(PII_SALT)).isEqualTo(SALT);

        GridgovConfig fromEnv = GridgovConfig.fromArgs(
                new String[] {"--config=" + properties("pii.salt=" + SALT)},
                Map.of("GRIDGOV_ALERTS_WEBHOOK_URL", "https://robot/send"),
                List.of(webhook));
        assertThat(fromEnv.refuseAsArguments(webhook, PII_SALT).get(webhook)).isEqualTo("https://robot/send");
    }

    @Test
    void aDeprecatedKeyIsReadAsItsOptionFromArgumentsFilesAndTheEnvironment() throws IOException {
        GridgovConfig arg = GridgovConfig.fromArgs(new String[] {"--loader.checkpoint-interval-ms=500"}, Map.of());
        assertThat(arg.get(LOADER_CHECKPOINT_INTERVAL)).isEqualTo(Duration.ofMillis(500));
        assertThat(arg.deprecatedKeysUsed()).containsExactly("loader.checkpoint-interval-ms");
        assertThat(arg.toArgs()).containsExactly("--loader.checkpoint-interval=500");

        Path file = properties("loader.checkpoint-interval-ms=2000\n");
        assertThat(GridgovConfig.fromArgs(new String[] {"--config=" + file}, Map.of())
                        .get(LOADER_CHECKPOINT_INTERVAL))
                .isEqualTo(Duration.ofSeconds(2));
        GridgovConfig env =
                GridgovConfig.fromArgs(new String[0], Map.of("GRIDGOV_LOADER_CHECKPOINT_INTERVAL_MS", "750"));
        assertThat(env.get(LOADER_CHECKPOINT_INTERVAL)).isEqualTo(Duration.ofMillis(750));
        assertThat(env.deprecatedKeysUsed()).containsExactly("loader.checkpoint-interval-ms");
        assertThat(GridgovConfig.of(Map.of("loader.checkpoint-interval-ms", "1s"))
                        .get(LOADER_CHECKPOINT_INTERVAL))
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void theCurrentKeyWinsOverItsDeprecatedNameAtTheSameLevelAndPrecedenceStillHolds() throws IOException {
        GridgovConfig both = GridgovConfig.fromArgs(
                new String[] {"--loader.checkpoint-interval-ms=500", "--loader.checkpoint-interval=3s"}, Map.of());
        assertThat(both.get(LOADER_CHECKPOINT_INTERVAL)).isEqualTo(Duration.ofSeconds(3));
        // an argument under the old name still beats the file under the new one
        Path file = properties("loader.checkpoint-interval=5s\n");
        GridgovConfig c = GridgovConfig.fromArgs(
                new String[] {"--config=" + file, "--loader.checkpoint-interval-ms=700"}, Map.of());
        assertThat(c.get(LOADER_CHECKPOINT_INTERVAL)).isEqualTo(Duration.ofMillis(700));
    }

    @Test
    void aDeprecatedKeyIsLoggedOncePerJvm() {
        assertThat(GridgovConfig.warnDeprecated("test.once-ms", "test.once")).isTrue();
        assertThat(GridgovConfig.warnDeprecated("test.once-ms", "test.once")).isFalse();
    }

    @Test
    void aDeprecatedKeyMayNotBeTakenByAnotherOption() {
        ConfigOption<String> clash = ConfigOption.string("loader.checkpoint-interval-ms", "", "clash");
        assertThatThrownBy(() -> GridgovConfig.of(Map.of(), List.of(clash))).hasMessageContaining("defined twice");
    }

    @Test
    void keysUnderADeclaredNamespaceAreFreeFormAndReadWithoutThePrefix() throws IOException {
        ConfigOption<Map<String, String>> params = ConfigOption.namespace("param.", "job parameters");
        Path file = properties("param.since=2024-01-01 00:00:00\n");
        GridgovConfig c = GridgovConfig.fromArgs(
                new String[] {"--param.input_path=/data/收件箱", "--config=" + file, "--warehouse.user=loader"},
                Map.of(),
                List.of(params));
        assertThat(c.withPrefix("param."))
                .containsExactly(Map.entry("since", "2024-01-01 00:00:00"), Map.entry("input_path", "/data/收件箱"));
        assertThat(c.get(GridgovOptions.WAREHOUSE_USER)).isEqualTo("loader");
        assertThat(c.toArgs()).contains("--param.input_path=/data/收件箱");
        assertThat(params.envName()).isEqualTo("GRIDGOV_PARAM_<NAME>");

        assertThatThrownBy(() -> GridgovConfig.fromArgs(new String[] {"--param.x=1"}, Map.of()))
                .hasMessageContaining("unknown config key 'param.x'");
        assertThatThrownBy(() -> GridgovConfig.fromArgs(new String[] {"--param.=1"}, Map.of(), List.of(params)))
                .hasMessageContaining("unknown config key 'param.'");
        assertThatThrownBy(() -> c.withPrefix("bench.")).hasMessageContaining("no namespace 'bench.'");
    }

    @Test
    void anOptionWithoutADefaultReadsABlankValueAsUnset() {
        ConfigOption<Duration> timeout = ConfigOption.duration("test.timeout", null, "unset by default");
        GridgovConfig c = GridgovConfig.of(Map.of("test.timeout", " "), List.of(timeout));
        assertThat(c.get(timeout)).isNull();
        assertThat(GridgovConfig.of(Map.of("test.timeout", "2m"), List.of(timeout))
                        .get(timeout))
                .isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void withWritesTheValueAsItsOptionReadsIt() {
        GridgovConfig c = GridgovConfig.of(Map.of())
                .with(LOADER_CHECKPOINT_INTERVAL, Duration.ofSeconds(2))
                .with(GridgovOptions.WAREHOUSE_DIALECT, WarehouseDialect.MYSQL);
        assertThat(c.toArgs()).containsExactly("--loader.checkpoint-interval=2s", "--warehouse.dialect=mysql");
        assertThat(c.get(GridgovOptions.WAREHOUSE_DIALECT)).isEqualTo(WarehouseDialect.MYSQL);
    }

    @Test
    void anEntryPointMayListPlatformOptionsAmongItsOwn() {
        ConfigOption<Integer> rows = ConfigOption.integer("ingest.batch-rows", 1000, "rows per batch");
        GridgovConfig c = GridgovConfig.fromArgs(
                new String[] {"--ingest.batch-rows=5", "--pii.salt=" + SALT},
                Map.of(),
                List.of(PII_SALT, GridgovOptions.KAFKA_BOOTSTRAP, rows));
        assertThat(c.get(rows)).isEqualTo(5);
        assertThat(c.get(PII_SALT)).isEqualTo(SALT);
    }

    @Test
    void anOptionTheConfigurationWasNotBuiltWithCannotBeRead() {
        ConfigOption<Integer> rows = ConfigOption.integer("ingest.batch-rows", 1000, "rows per batch");
        assertThatThrownBy(() -> GridgovConfig.of(Map.of()).get(rows))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("ingest.batch-rows is not among the options");
        assertThat(GridgovConfig.of(Map.of()).with(rows, 5).get(rows)).isEqualTo(5);
    }
}
