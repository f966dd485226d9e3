package org.gridgov.cases.launch;

import org.gridgov.common.testing.EntryPointChecks;
import org.junit.jupiter.api.Test;

/** The launcher starts these names in another JVM: each must stay a main of this module. */
class CaseServiceCommandTest {

    @Test
    void everyEntryPointNamesAMainOfThisModule() throws Exception {
        EntryPointChecks.assertNamesMainsOf("case-service", CaseServiceCommand.values());
    }

    @Test
    void theLaunchPackageLoadsNoSpringAndNothingElseOfThisModule() {
        EntryPointChecks.assertApiPackageStandsAlone("org.gridgov.cases.launch", "org.gridgov.cases");
    }
}
