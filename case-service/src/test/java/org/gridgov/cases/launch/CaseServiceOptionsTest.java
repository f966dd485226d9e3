package org.gridgov.cases.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gridgov.cases.CaseServiceProperties;
import org.gridgov.common.config.ConfigOption;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * {@link CaseServiceOptions} (what {@code gridgov config} lists) against {@link CaseServiceProperties} as Spring Boot
 * binds it: the same keys, the same defaults, and environment names Spring's relaxed binding really reads.
 */
class CaseServiceOptionsTest {

    private static final String PREFIX = "gridgov.case";

    @Test
    void everyPropertyHasExactlyOneOptionAndEveryOptionAProperty() {
        List<String> properties = Arrays.stream(CaseServiceProperties.class.getRecordComponents())
                .map(c -> PREFIX + "." + kebab(c.getName()))
                .toList();
        assertThat(CaseServiceOptions.ALL)
                .extracting(ConfigOption::key)
                .containsExactlyInAnyOrderElementsOf(properties);
    }

    @Test
    void theDefaultsAreTheOnesSpringBinds() throws Exception {
        CaseServiceProperties bound = new Binder(
                        new MapConfigurationPropertySource(Map.of("gridgov.case.seed-users", "false")))
                .bind(PREFIX, CaseServiceProperties.class)
                .get();
        for (ConfigOption<?> o : CaseServiceOptions.ALL) {
            Object expected = o.defaultValue() == null ? "" : o.defaultValue();
            assertThat(value(bound, o)).as(o.key()).isEqualTo(expected);
        }
    }

    @Test
    void springReadsEachOptionFromTheEnvironmentVariableTheListingNames() throws Exception {
        Map<String, Object> env = new LinkedHashMap<>();
        Map<String, Object> expected = new LinkedHashMap<>();
        for (ConfigOption<?> o : CaseServiceOptions.ALL) {
            Object v = sample(o);
            env.put(
                    o.envName(),
                    v instanceof List<?> l
                            ? l.stream().map(String::valueOf).collect(Collectors.joining(","))
                            : v instanceof Duration d ? d.toString() : String.valueOf(v));
            expected.put(o.key(), v);
        }
        MutablePropertySources sources = new MutablePropertySources();
        // under the name Spring gives the process environment: only then does it map GRIDGOV_CASE_X_Y to
        // gridgov.case.x-y
        sources.addLast(
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env));
        CaseServiceProperties bound = new Binder(ConfigurationPropertySources.from(sources))
                .bind(PREFIX, CaseServiceProperties.class)
                .get();
        for (ConfigOption<?> o : CaseServiceOptions.ALL) {
            assertThat(value(bound, o)).as(o.envName()).isEqualTo(expected.get(o.key()));
        }
    }

    /** A value unlike the default, of the option's type. */
    private static Object sample(ConfigOption<?> o) {
        Map<Class<?>, Function<ConfigOption<?>, Object>> byType = Map.of(
                String.class, x -> "env-" + x.key(),
                Long.class, x -> 4242L,
                Integer.class, x -> 7,
                Double.class, x -> 0.75,
                Boolean.class, x -> true,
                Duration.class, x -> Duration.ofSeconds(77));
        if (List.class.equals(o.type())) {
            return List.of("text/csv", "image/gif");
        }
        return byType.get(o.type()).apply(o);
    }

    private static Object value(CaseServiceProperties p, ConfigOption<?> o) throws Exception {
        for (RecordComponent c : CaseServiceProperties.class.getRecordComponents()) {
            if ((PREFIX + "." + kebab(c.getName())).equals(o.key())) {
                return c.getAccessor().invoke(p);
            }
        }
        throw new AssertionError("no property for " + o.key());
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
