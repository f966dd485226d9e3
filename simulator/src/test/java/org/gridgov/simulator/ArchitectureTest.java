package org.gridgov.simulator;

import static org.gridgov.architecture.ArchitectureRules.GRIDGOV;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.gridgov.architecture.ModuleClasses;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules that concern simulator (org.gridgov.architecture.ArchitectureRules, in common's test-jar). The
 * simulator's api package (what the launcher loads from its api classes) stands alone.
 */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = ModuleClasses.production();
    private static final JavaClasses WITH_TESTS = ModuleClasses.withTests();

    @Test
    void packagesAreFreeOfCycles() {
        GRIDGOV.packagesFreeOfCycles("simulator.(**)").check(PRODUCTION);
    }

    @Test
    void apiPackageLoadsNoEngine() {
        GRIDGOV.engineFree("simulator.api").check(PRODUCTION);
    }

    @Test
    void apiPackageStandsAlone() {
        GRIDGOV.apiPackageStandsAlone("simulator.api", "simulator").check(PRODUCTION);
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
