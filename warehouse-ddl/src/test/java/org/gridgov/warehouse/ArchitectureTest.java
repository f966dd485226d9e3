package org.gridgov.warehouse;

import static org.gridgov.architecture.ArchitectureRules.GRIDGOV;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.gridgov.architecture.ModuleClasses;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules that concern warehouse-ddl (org.gridgov.architecture.ArchitectureRules, in common's test-jar).
 * warehouse-ddl is engine-free: the catalogue and the settings serve every engine.
 * One package (org.gridgov.warehouse), so no package cycle to look for.
 */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = ModuleClasses.production();
    private static final JavaClasses WITH_TESTS = ModuleClasses.withTests();

    @Test
    void catalogueLoadsNoEngine() {
        GRIDGOV.engineFree("warehouse").check(PRODUCTION);
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
