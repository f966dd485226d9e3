package org.gridgov.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.gridgov.common.config.ConfigOption;
import org.gridgov.common.config.GridgovOptions;
import org.gridgov.common.job.JobEntryPoint;
import org.junit.jupiter.api.Test;

/**
 * {@code gridgov config} over every module's entry points, loaded from the job modules' api jars (on this test's
 * classpath as on the launcher's): every option once, keys and environment names unique across modules.
 */
class ConfigListingTest {

    private static final List<ConfigListing.Group> GROUPS = ConfigListing.groups(ConfigListing.ENTRY_POINTS);

    private static List<ConfigOption<?>> listed() {
        List<ConfigOption<?>> out = new ArrayList<>();
        GROUPS.forEach(g -> g.entries().forEach(e -> out.add(e.option())));
        return out;
    }

    @Test
    void everyModuleWithMainsIsListedAndThePlatformFirst() {
        assertThat(GROUPS)
                .extracting(ConfigListing.Group::module)
                .containsExactly(
                        "common", "streaming-jobs", "batch-jobs", "ingestion", "simulator", "case-service", "nlp");
        assertThat(GROUPS.get(0).entries())
                .extracting(ConfigListing.Entry::option)
                .containsExactlyElementsOf(GridgovOptions.ALL);
    }

    @Test
    void everyOptionOfEveryEntryPointAppearsExactlyOnce() {
        Set<ConfigOption<?>> declared = Collections.newSetFromMap(new IdentityHashMap<>());
        ConfigListing.ENTRY_POINTS.forEach(e -> declared.addAll(e.options()));
        declared.addAll(GridgovOptions.ALL);
        List<ConfigOption<?>> listed = listed();
        assertThat(listed).hasSize(declared.size());
        Set<ConfigOption<?>> once = Collections.newSetFromMap(new IdentityHashMap<>());
        assertThat(listed).allMatch(once::add);
        assertThat(declared).allMatch(once::contains);

        List<String> text = ConfigListing.lines(GROUPS);
        for (ConfigOption<?> o : listed) {
            String key = "  " + (o.isNamespace() ? o.key() + "<name>" : o.key());
            // a key whose type does not fit beside it (analytics.jobs: eleven jobs) has it on the next line
            assertThat(text)
                    .as(o.key())
                    .filteredOn(l -> l.startsWith(key + "  ") || l.equals(key))
                    .hasSize(1);
        }
    }

    @Test
    void keysDeprecatedKeysAndEnvironmentNamesAreUniqueAcrossModules() {
        List<String> keys = new ArrayList<>();
        List<String> env = new ArrayList<>();
        for (ConfigOption<?> o : listed()) {
            keys.add(o.key());
            keys.addAll(o.deprecatedKeys());
            env.add(o.envName());
        }
        assertThat(keys).doesNotHaveDuplicates();
        assertThat(env).doesNotHaveDuplicates().allMatch(e -> e.matches("GRIDGOV_[A-Z0-9_]+(_<NAME>)?"), "GRIDGOV_*");
    }

    @Test
    void everyOptionIsReadBySomeMainAndAModulesOptionOnlyByThatModule() {
        for (ConfigListing.Group g : GROUPS) {
            for (ConfigListing.Entry e : g.entries()) {
                assertThat(e.readBy()).as(e.option().key()).isNotEmpty();
                if (!g.module().equals(ConfigListing.PLATFORM)) {
                    assertThat(e.readBy())
                            .as(e.option().key())
                            .extracting(JobEntryPoint::module)
                            .containsOnly(g.module());
                }
            }
        }
        assertThat(ConfigListing.ENTRY_POINTS).extracting(JobEntryPoint::id).doesNotHaveDuplicates();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOptionIsDescribedAndItsDefaultReadsBackAsItself() {
        for (ConfigOption<?> option : listed()) {
            ConfigOption<Object> o = (ConfigOption<Object>) option;
            assertThat(o.description()).as(o.key()).isNotBlank();
            if (!o.isNamespace() && o.defaultValue() != null) {
                assertThat(o.parse(o.format(o.defaultValue()))).as(o.key()).isEqualTo(o.defaultValue());
            }
        }
    }

    @Test
    void theListingShowsTypesDefaultsEnvironmentAndReaders() {
        String text = String.join("\n", ConfigListing.lines(GROUPS));
        assertThat(text)
                .contains("  loader.checkpoint-interval  duration  default 10s, at least 10ms")
                .contains("deprecated names: loader.checkpoint-interval-ms")
                .contains("  warehouse.dialect  doris|mysql  default doris")
                .contains(
                        "  analytics.jobs\n      list of hotline|petition|overdue|department|response|problems|hotwords|"
                                + "arrears|risk|person-events|assessment")
                .contains("default hotline,petition,overdue,department,response,problems,hotwords,arrears,risk,"
                        + "person-events,assessment")
                .contains("  gateway.max-body-size  memory size  default 16mb")
                .contains("  pii.salt  string  default (secret: environment only)")
                .contains("  param.<name>  key=value under param.")
                .contains("env GRIDGOV_CASE_TOKEN_TTL")
                .contains("read by streaming-jobs:ods-loader")
                .contains("== case-service — Spring Boot properties");
        assertThat(ConfigListing.lines(GROUPS)).allMatch(l -> l.length() <= 120, "120 columns");
    }
}
