package org.gridgov.streaming.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridgov.common.testing.EntryPointChecks;
import org.junit.jupiter.api.Test;

/** The launcher starts these names in another JVM: each must stay a main of this module. */
class StreamingJobTest {

    @Test
    void everyEntryPointNamesAMainOfThisModule() throws Exception {
        EntryPointChecks.assertNamesMainsOf("streaming-jobs", StreamingJob.values());
        assertThat(StreamingJob.ALERT_BENCHMARK.benchmark()).isTrue();
        assertThat(StreamingJob.ALERTS.options()).containsAll(AlertOptions.ALL);
    }

    @Test
    void theApiPackageLoadsNoEngineAndNothingElseOfThisModule() {
        EntryPointChecks.assertApiPackageStandsAlone("org.gridgov.streaming.api", "org.gridgov.streaming");
    }
}
