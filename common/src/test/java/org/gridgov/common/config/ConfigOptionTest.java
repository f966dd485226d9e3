package org.gridgov.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.gridgov.common.model.AlertLevel;
import org.gridgov.common.model.SourceType;
import org.junit.jupiter.api.Test;

/** Each option type: what it reads, what it refuses (naming the key and the form expected), how it writes. */
class ConfigOptionTest {

    private static final ConfigOption<Duration> INTERVAL = ConfigOption.duration(
                    "test.interval", Duration.ofSeconds(10), "an interval")
            .atLeast(Duration.ofMillis(10));
    private static final ConfigOption<MemorySize> BODY = ConfigOption.memory(
                    "test.max-body", MemorySize.ofMebiBytes(16), "largest body")
            .atLeast(MemorySize.ofKibiBytes(1));
    private static final ConfigOption<WarehouseDialect> DIALECT =
            ConfigOption.enumeration("test.dialect", WarehouseDialect.class, WarehouseDialect.DORIS, "a dialect");
    private static final ConfigOption<List<AlertLevel>> LEVELS = ConfigOption.enumList(
            "test.levels", AlertLevel.class, List.of(AlertLevel.RED, AlertLevel.ORANGE), "level", "levels to push");

    @Test
    void durationsReadUnitsIsoAndBareMilliseconds() {
        assertThat(INTERVAL.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(INTERVAL.parse("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(INTERVAL.parse("5min")).isEqualTo(Duration.ofMinutes(5));
        assertThat(INTERVAL.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(INTERVAL.parse(" 1h ")).isEqualTo(Duration.ofHours(1));
        assertThat(INTERVAL.parse("2d")).isEqualTo(Duration.ofDays(2));
        assertThat(INTERVAL.parse("2 days")).isEqualTo(Duration.ofDays(2));
        assertThat(INTERVAL.parse("PT10S")).isEqualTo(Duration.ofSeconds(10));
        assertThat(INTERVAL.parse("pt1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(INTERVAL.parse("P1D")).isEqualTo(Duration.ofDays(1));
        assertThat(INTERVAL.parse("2000"))
                .as("a bare number is milliseconds, as under the old *-ms keys")
                .isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void durationsAreWrittenInTheLargestExactUnitAndReadBack() {
        for (Duration d : List.of(
                Duration.ofMillis(50),
                Duration.ofSeconds(10),
                Duration.ofSeconds(90),
                Duration.ofMinutes(10),
                Duration.ofHours(24),
                Duration.ofDays(2),
                Duration.ZERO,
                Duration.ofNanos(5))) {
            assertThat(INTERVAL.parser().apply(INTERVAL.format(d)))
                    .as(d.toString())
                    .isEqualTo(d);
        }
        assertThat(INTERVAL.format(Duration.ofMinutes(10))).isEqualTo("10m");
        assertThat(INTERVAL.format(Duration.ofHours(24))).isEqualTo("1d");
        assertThat(INTERVAL.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(INTERVAL.format(Duration.ofMillis(50))).isEqualTo("50ms");
    }

    @Test
    void aBadDurationIsRefusedNamingTheKeyAndTheForm() {
        for (String bad : List.of("10 parsecs", "ten seconds", "-5s", "PT-1S", "1.5s", "")) {
            assertThatThrownBy(() -> INTERVAL.parse(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("test.interval: cannot read '" + bad + "' as Duration (expected a number with a "
                            + "unit: 500ms, 10s, 5min, 1h, 2d; or ISO-8601 such as PT10S; a bare number is "
                            + "milliseconds)");
        }
    }

    @Test
    void minimaAndMaximaAreCheckedAndNamed() {
        assertThatThrownBy(() -> INTERVAL.parse("5ms")).hasMessage("test.interval must be at least 10ms, got 5ms");
        ConfigOption<Integer> workers =
                ConfigOption.integer("test.workers", 2, "workers").atLeast(1).atMost(64);
        assertThat(workers.parse("64")).isEqualTo(64);
        assertThatThrownBy(() -> workers.parse("0")).hasMessage("test.workers must be at least 1, got 0");
        assertThatThrownBy(() -> workers.parse("65")).hasMessage("test.workers must be at most 64, got 65");
        assertThat(workers.rules()).containsExactly("at least 1", "at most 64");
        assertThatThrownBy(
                        () -> ConfigOption.integer("test.bad", 0, "bad default").atLeast(1))
                .hasMessageContaining("the default 0 is not at least 1");
    }

    @Test
    void memorySizesReadBinaryUnitsAndBareBytes() {
        assertThat(BODY.parse("64mb")).isEqualTo(MemorySize.ofMebiBytes(64));
        assertThat(BODY.parse("1g")).isEqualTo(new MemorySize(1L << 30));
        assertThat(BODY.parse("2 GiB")).isEqualTo(new MemorySize(2L << 30));
        assertThat(BODY.parse("512kb")).isEqualTo(MemorySize.ofKibiBytes(512));
        assertThat(BODY.parse("1048576")).isEqualTo(MemorySize.ofMebiBytes(1));
        assertThat(BODY.format(MemorySize.ofMebiBytes(16))).isEqualTo("16mb");
        assertThat(BODY.format(new MemorySize(1500))).isEqualTo("1500b");
        assertThat(BODY.format(new MemorySize(1L << 30))).isEqualTo("1gb");
        assertThat(BODY.parser().apply(BODY.format(new MemorySize(3L << 40)))).isEqualTo(new MemorySize(3L << 40));
        assertThat(MemorySize.ofMebiBytes(16).bytesAsInt()).isEqualTo(16 << 20);
    }

    @Test
    void aBadMemorySizeIsRefusedNamingTheKeyAndTheForm() {
        assertThatThrownBy(() -> BODY.parse("16 megs"))
                .hasMessage("test.max-body: cannot read '16 megs' as "
                        + "MemorySize (expected a byte count with an optional 1024-based unit: 512kb, 64mb, 1g; a bare number "
                        + "is bytes)");
        assertThatThrownBy(() -> BODY.parse("100")).hasMessage("test.max-body must be at least 1kb, got 100b");
        assertThatThrownBy(() -> BODY.parse("99999999999tb")).hasMessageStartingWith("test.max-body: cannot read");
    }

    @Test
    void enumsReadAnyCaseAndDashesAndAreWrittenInLowerCase() {
        assertThat(DIALECT.parse("MySQL")).isEqualTo(WarehouseDialect.MYSQL);
        assertThat(DIALECT.format(WarehouseDialect.DORIS)).isEqualTo("doris");
        assertThat(DIALECT.typeName()).isEqualTo("doris|mysql");
        ConfigOption<SourceType> source =
                ConfigOption.enumeration("test.source", SourceType.class, null, "source", "a source");
        assertThat(source.parse("hotline")).isEqualTo(SourceType.HOTLINE);
        assertThatThrownBy(() -> source.parse("12345"))
                .hasMessage("test.source: unknown source '12345'; expected "
                        + "hotline, petition, arrears, police or grid");
    }

    @Test
    void anUnknownConstantIsRefusedListingTheChoices() {
        assertThatThrownBy(() -> DIALECT.parse("oracle"))
                .hasMessage("test.dialect: unknown dialect 'oracle'; expected doris or mysql");
    }

    @Test
    void enumListsReadASetInTheEnumsOrder() {
        assertThat(LEVELS.parse(" blue , Red,red ")).containsExactly(AlertLevel.RED, AlertLevel.BLUE);
        assertThat(LEVELS.format(List.of(AlertLevel.RED, AlertLevel.BLUE))).isEqualTo("red,blue");
        assertThat(LEVELS.defaultValue()).containsExactly(AlertLevel.RED, AlertLevel.ORANGE);
        assertThat(LEVELS.typeName()).isEqualTo("list of red|orange|yellow|blue");
        assertThatThrownBy(() -> LEVELS.parse("red,purple"))
                .hasMessage("test.levels: unknown level 'purple'; " + "expected red, orange, yellow or blue");
        assertThatThrownBy(() -> LEVELS.parse(" , "))
                .hasMessage("test.levels: names no level; expected one or more " + "of red, orange, yellow or blue");
    }

    @Test
    void stringListsAndNumbers() {
        ConfigOption<List<String>> types =
                ConfigOption.stringList("test.types", List.of("image/png", "text/plain"), "content types");
        assertThat(types.parse("image/png, application/pdf,")).containsExactly("image/png", "application/pdf");
        assertThat(types.format(types.defaultValue())).isEqualTo("image/png,text/plain");
        ConfigOption<Double> ratio =
                ConfigOption.number("test.ratio", 10.0, "a ratio").atLeast(1.0);
        assertThat(ratio.format(10.0)).isEqualTo("10");
        assertThat(ratio.format(10.83)).isEqualTo("10.83");
        assertThat(ratio.parse("2.5")).isEqualTo(2.5);
        assertThatThrownBy(() -> ratio.parse("0.5")).hasMessage("test.ratio must be at least 1, got 0.5");
        assertThatThrownBy(() -> ratio.parse("80%")).hasMessage("test.ratio: cannot read '80%' as Double");
    }

    @Test
    void booleansAreStrict() {
        ConfigOption<Boolean> b = ConfigOption.bool("test.flag", false, "a flag");
        assertThat(b.parse("TRUE")).isTrue();
        assertThatThrownBy(() -> b.parse("yes"))
                .hasMessage("test.flag: cannot read 'yes' as Boolean: expected true " + "or false");
    }

    @Test
    void argumentAndDeprecatedKeys() {
        ConfigOption<Duration> renamed = INTERVAL.withDeprecatedKeys("test.interval-ms");
        assertThat(renamed.deprecatedKeys()).containsExactly("test.interval-ms");
        assertThat(renamed.argument(Duration.ofSeconds(2))).isEqualTo("--test.interval=2s");
        assertThat(renamed.parse("20")).as("checks survive refinement").isEqualTo(Duration.ofMillis(20));
        assertThatThrownBy(() -> renamed.parse("1")).hasMessageContaining("at least 10ms");
    }

    @Test
    void aNamespaceIsAPrefixEndingWithADot() {
        assertThat(ConfigOption.namespace("param.", "parameters").isNamespace()).isTrue();
        assertThatThrownBy(() -> ConfigOption.namespace("param", "parameters")).hasMessageContaining("ending with");
    }
}
