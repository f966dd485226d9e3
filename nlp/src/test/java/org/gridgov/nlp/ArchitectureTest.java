package org.gridgov.nlp;

import static org.gridgov.architecture.ArchitectureRules.GRIDGOV;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.gridgov.architecture.ModuleClasses;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules that concern nlp (org.gridgov.architecture.ArchitectureRules, in common's test-jar). The HanLP
 * wrapper runs inside Spark executors and the case service alike. Its sub-packages (letters, corpus, classify, api)
 * form no cycle; the api package (the benchmark's entry point and options, read by the launcher) needs nothing else
 * of the module.
 */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = ModuleClasses.production();
    private static final JavaClasses WITH_TESTS = ModuleClasses.withTests();

    @Test
    void packagesAreFreeOfCycles() {
        GRIDGOV.packagesFreeOfCycles("nlp.(**)").check(PRODUCTION);
    }

    @Test
    void apiPackageStandsAlone() {
        GRIDGOV.apiPackageStandsAlone("nlp.api", "nlp").check(PRODUCTION);
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
