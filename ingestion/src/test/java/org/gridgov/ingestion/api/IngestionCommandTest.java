package org.gridgov.ingestion.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridgov.common.testing.EntryPointChecks;
import org.junit.jupiter.api.Test;

/** The launcher's commands and Airflow's DataX tasks start these names: each must stay a main of this module. */
class IngestionCommandTest {

    @Test
    void everyEntryPointNamesAMainOfThisModule() throws Exception {
        EntryPointChecks.assertNamesMainsOf("ingestion", IngestionCommand.values());
        assertThat(IngestionCommand.INGEST_BENCHMARK.benchmark()).isTrue();
        assertThat(IngestionCommand.INGEST.options()).containsAll(IngestOptions.RUNNER);
    }

    @Test
    void everyOptionIsReadBySomeCommand() {
        for (var o : IngestOptions.ALL) {
            assertThat(IngestionCommand.values()).as(o.key()).anyMatch(c -> c.options()
                    .contains(o));
        }
    }

    @Test
    void theApiPackageStandsAlone() {
        EntryPointChecks.assertApiPackageStandsAlone("org.gridgov.ingestion.api", "org.gridgov.ingestion");
    }
}
