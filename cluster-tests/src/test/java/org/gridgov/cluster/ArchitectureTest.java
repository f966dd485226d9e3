package org.gridgov.cluster;

import static org.gridgov.architecture.ArchitectureRules.GRIDGOV;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.gridgov.architecture.ModuleClasses;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules that concern cluster-tests (org.gridgov.architecture.ArchitectureRules, in common's
 * test-jar). The module has test sources only, so the production rules have nothing to judge; its one unit test
 * ({@code ReadmeCommandsTest}) reads a file and starts no engine, and {@code ClusterIT} is failsafe's.
 */
class ArchitectureTest {

    private static final JavaClasses WITH_TESTS = ModuleClasses.withTests();

    @Test
    void unitTestsStartNoEngine() {
        GRIDGOV.unitTestsStartNoEngine(ModuleClasses.ownTests()).check(WITH_TESTS);
    }

    @Test
    void everyTestClassIsRunByTheBuild() {
        GRIDGOV.testClassesAreRunByTheBuild(ModuleClasses.ownTests()).check(WITH_TESTS);
    }
}
