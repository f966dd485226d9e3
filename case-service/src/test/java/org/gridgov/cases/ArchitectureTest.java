package org.gridgov.cases;

import static org.gridgov.architecture.ArchitectureRules.GRIDGOV;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.gridgov.architecture.ModuleClasses;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules that concern case-service (org.gridgov.architecture.ArchitectureRules, in common's test-jar).
 * The launch package (the module's api jar) stands alone and loads no Spring; services and the domain do not reach into
 * the web layer (web pages, REST controllers, the Open311 facade).
 */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = ModuleClasses.production();
    private static final JavaClasses WITH_TESTS = ModuleClasses.withTests();

    @Test
    void packagesAreFreeOfCycles() {
        GRIDGOV.packagesFreeOfCycles("cases.(**)").check(PRODUCTION);
    }

    @Test
    void launchPackageLoadsNoEngine() {
        GRIDGOV.engineFree("cases.launch").check(PRODUCTION);
    }

    @Test
    void launchPackageStandsAlone() {
        GRIDGOV.apiPackageStandsAlone("cases.launch", "cases").check(PRODUCTION);
    }

    @Test
    void onlyTheWebLayerUsesTheWebLayer() {
        GRIDGOV.onlyTheWebLayerUsesTheWebLayer("cases.web", "cases.api", "cases.open311")
                .check(PRODUCTION);
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
