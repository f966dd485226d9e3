package org.gridgov.batch.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridgov.common.testing.EntryPointChecks;
import org.junit.jupiter.api.Test;

/** The launcher and the Airflow DAGs start these names: each must stay a main of this module. */
class BatchJobTest {

    @Test
    void everyEntryPointNamesAMainOfThisModule() throws Exception {
        EntryPointChecks.assertNamesMainsOf("batch-jobs", BatchJob.values());
        assertThat(BatchJob.ANALYTICS.options()).containsAll(AnalyticsOptions.ALL);
        assertThat(BatchJob.ANALYTICS_BENCHMARK.benchmark()).isTrue();
    }

    @Test
    void theApiPackageLoadsNoEngineAndNothingElseOfThisModule() {
        EntryPointChecks.assertApiPackageStandsAlone("org.gridgov.batch.api", "org.gridgov.batch");
    }
}
