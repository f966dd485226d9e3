package org.gridgov.launcher;

import static org.gridgov.architecture.ArchitectureRules.GRIDGOV;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.gridgov.architecture.ModuleClasses;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules that concern launcher (org.gridgov.architecture.ArchitectureRules, in common's test-jar). The
 * launcher is the one production module that may use the simulator (the demo).
 * One package (org.gridgov.launcher), so no package cycle to look for.
 */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = ModuleClasses.production();
    private static final JavaClasses WITH_TESTS = ModuleClasses.withTests();

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
