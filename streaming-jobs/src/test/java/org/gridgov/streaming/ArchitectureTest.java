package org.gridgov.streaming;

import static org.gridgov.architecture.ArchitectureRules.GRIDGOV;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.gridgov.architecture.ModuleClasses;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules that concern streaming-jobs (org.gridgov.architecture.ArchitectureRules, in common's test-
 * jar). The Flink jobs' api package (the module's api jar) stands alone and loads no Flink.
 */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = ModuleClasses.production();
    private static final JavaClasses WITH_TESTS = ModuleClasses.withTests();

    /**
     * Cut at the top-level packages (alerts, api, job, odsloader, warehouse): the alert job's sub-packages (cases,
     * fanout, input, person) share alerts' rule types and alerts' topology wires them, so alerts is one unit.
     */
    @Test
    void packagesAreFreeOfCycles() {
        GRIDGOV.packagesFreeOfCycles("streaming.(*)..").check(PRODUCTION);
    }

    @Test
    void apiPackageLoadsNoEngine() {
        GRIDGOV.engineFree("streaming.api").check(PRODUCTION);
    }

    @Test
    void apiPackageStandsAlone() {
        GRIDGOV.apiPackageStandsAlone("streaming.api", "streaming").check(PRODUCTION);
    }

    @Test
    void nothingButTheLauncherUsesTheSimulator() {
        GRIDGOV.onlyTheLauncherUsesTheSimulator().check(PRODUCTION);
    }

    @Test
    void productionCodeLoadsNoTestLibrary() {
        GRIDGOV.noTestLibrariesInProduction().check(PRODUCTION);
    }

    @Test
    void unitTestsStartNoEngine() {
        GRIDGOV.unitTestsStartNoEngine(ModuleClasses.ownTests()).check(WITH_TESTS);
    }

    @Test
    void everyTestClassIsRunByTheBuild() {
        GRIDGOV.testClassesAreRunByTheBuild(ModuleClasses.ownTests()).check(WITH_TESTS);
    }
}
