package org.gridgov.simulator.api;

import org.gridgov.common.testing.EntryPointChecks;
import org.junit.jupiter.api.Test;

class SimulatorCommandTest {

    @Test
    void everyEntryPointNamesAMainOfThisModule() throws Exception {
        EntryPointChecks.assertNamesMainsOf("simulator", SimulatorCommand.values());
    }

    @Test
    void theApiPackageStandsAlone() {
        EntryPointChecks.assertApiPackageStandsAlone("org.gridgov.simulator.api", "org.gridgov.simulator");
    }
}
