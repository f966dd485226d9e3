package org.gridgov.batch;

import static org.gridgov.architecture.ArchitectureRules.GRIDGOV;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.gridgov.architecture.ModuleClasses;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules that concern batch-jobs (org.gridgov.architecture.ArchitectureRules, in common's test-jar).
 * The Spark jobs' api package (the module's api jar) stands alone and loads no Spark.
 */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = ModuleClasses.production();
    private static final JavaClasses WITH_TESTS = ModuleClasses.withTests();

    @Test
    void packagesAreFreeOfCycles() {
        GRIDGOV.packagesFreeOfCycles("batch.(**)").check(PRODUCTION);
    }

    @Test
    void apiPackageLoadsNoEngine() {
        GRIDGOV.engineFree("batch.api").check(PRODUCTION);
    }

    @Test
    void apiPackageStandsAlone() {
        GRIDGOV.apiPackageStandsAlone("batch.api", "batch").check(PRODUCTION);
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
