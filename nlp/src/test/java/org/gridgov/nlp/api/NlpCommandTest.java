package org.gridgov.nlp.api;

import org.gridgov.common.testing.EntryPointChecks;
import org.junit.jupiter.api.Test;

/** The launcher starts these names in another JVM: each must stay a main of this module. */
class NlpCommandTest {

    @Test
    void everyEntryPointNamesAMainOfThisModule() throws Exception {
        EntryPointChecks.assertNamesMainsOf("nlp", NlpCommand.values());
    }

    @Test
    void theApiPackageLoadsNothingElseOfThisModule() {
        EntryPointChecks.assertApiPackageStandsAlone("org.gridgov.nlp.api", "org.gridgov.nlp");
    }
}
