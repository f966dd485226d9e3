package org.gridgov.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.gridgov.architecture.fixtures.platform.cases.service.RendersPages;
import org.gridgov.architecture.fixtures.platform.common.ReachesIntoWarehouse;
import org.gridgov.architecture.fixtures.platform.common.StartsAnEngine;
import org.gridgov.architecture.fixtures.platform.cycle.a.First;
import org.gridgov.architecture.fixtures.platform.ingestion.PlantsScenarios;
import org.gridgov.architecture.fixtures.platform.jobs.api.LeakyEntryPoint;
import org.gridgov.architecture.fixtures.platform.production.AssertsInProduction;
import org.gridgov.architecture.fixtures.platform.tiers.BootsTheApplicationTest;
import org.gridgov.architecture.fixtures.platform.tiers.ExecutesLocallyTest;
import org.gridgov.architecture.fixtures.platform.tiers.HelperStartsEngineTest;
import org.junit.jupiter.api.Test;

/**
 * Each rule fails on a fixture that breaks it, naming the class that does, and passes once that class is gone: a rule
 * that matched nothing, or matched the wrong thing, would be caught here (see {@code fixtures/package-info.java}).
 */
class ArchitectureRulesTest {

    private static final String ROOT = ModuleClasses.FIXTURES + ".platform";
    private static final String ENGINE = ModuleClasses.FIXTURES + ".engine.";
    private static final ArchitectureRules RULES = new ArchitectureRules(
            ROOT,
            List.of(ENGINE + "."),
            ArchitectureRules.GRIDGOV.testLibraries(),
            List.of(ENGINE + "Engine", ENGINE + "EngineBootTest"),
            List.of(ENGINE + "LocalEnvironment#execute"));
    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages(ModuleClasses.FIXTURES);

    @Test
    void packageCyclesAreFound() {
        assertBrokenOnlyBy(RULES.packagesFreeOfCycles("cycle.(*).."), First.class);
    }

    @Test
    void productionCodeUsingTheSimulatorIsFound() {
        assertBrokenOnlyBy(RULES.onlyTheLauncherUsesTheSimulator(), PlantsScenarios.class);
    }

    @Test
    void commonUsingAnotherModuleIsFound() {
        assertBrokenOnlyBy(RULES.dependsOnNoOtherModule("common"), ReachesIntoWarehouse.class);
    }

    @Test
    void engineUseIsFound() {
        assertBrokenOnlyBy(RULES.engineFree("common"), StartsAnEngine.class);
    }

    @Test
    void apiPackageUsingItsModuleIsFound() {
        assertBrokenOnlyBy(RULES.apiPackageStandsAlone("jobs.api", "jobs"), LeakyEntryPoint.class);
    }

    @Test
    void servicesUsingTheWebLayerAreFound() {
        assertBrokenOnlyBy(RULES.onlyTheWebLayerUsesTheWebLayer("cases.web"), RendersPages.class);
    }

    @Test
    void testLibrariesInProductionAreFound() {
        JavaClasses production = FIXTURES.that(resideInAPackage(ROOT + ".production.."));
        assertBrokenOnlyBy(RULES.noTestLibrariesInProduction(), production, AssertsInProduction.class);
    }

    @Test
    void unitTestsReachingAnEngineAreFoundDirectlyThroughHelpersAnnotationsAndCalls() {
        ArchRule rule = RULES.unitTestsStartNoEngine(resideInAPackage(ROOT + ".tiers.."));
        assertBrokenOnlyBy(
                rule, HelperStartsEngineTest.class, BootsTheApplicationTest.class, ExecutesLocallyTest.class);
        String report =
                String.join("\n", rule.evaluate(FIXTURES).getFailureReport().getDetails());
        assertThat(report)
                .contains("HelperStartsEngineTest reaches " + ENGINE + "Engine via EngineHelper")
                .contains("BootsTheApplicationTest reaches " + ENGINE + "EngineBootTest")
                .contains("ExecutesLocallyTest calls " + ENGINE + "LocalEnvironment.execute()")
                .doesNotContain("DescribesLocallyTest")
                .doesNotContain("PlainTest")
                .doesNotContain("EngineIT");
    }

    @Test
    void testMethodsNoRunnerIncludesAreFound() {
        String neverRun = ROOT + ".tiers.NeverRun";
        ArchRule rule = RULES.testClassesAreRunByTheBuild(resideInAPackage(ROOT + ".tiers.."));
        EvaluationResult result = rule.evaluate(FIXTURES);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .singleElement()
                .asString()
                .startsWith(neverRun + " has test methods but NeverRun ends in neither Test nor IT");
        // the rule holds for this module's own test classes, which it does select (a rule that selects nothing fails)
        rule = RULES.testClassesAreRunByTheBuild(ModuleClasses.ownTests());
        assertThat(rule.evaluate(new ClassFileImporter().importPackagesOf(getClass()))
                        .hasViolation())
                .isFalse();
    }

    @Test
    void aRuleThatSelectsNothingFails() {
        DescribedPredicate<JavaClass> nothing = resideInAPackage(ROOT + ".nowhere..");
        assertThatThrownBy(() -> RULES.unitTestsStartNoEngine(nothing).evaluate(FIXTURES))
                .hasMessageContaining("failed to check any classes");
        assertThatThrownBy(() -> RULES.engineFree("nowhere").evaluate(FIXTURES))
                .hasMessageContaining("failed to check any classes");
    }

    /** The rule fails on the fixtures, naming each culprit, and holds once the culprits are left out. */
    private static void assertBrokenOnlyBy(ArchRule rule, Class<?>... culprits) {
        assertBrokenOnlyBy(rule, FIXTURES, culprits);
    }

    private static void assertBrokenOnlyBy(ArchRule rule, JavaClasses fixtures, Class<?>... culprits) {
        EvaluationResult result = rule.evaluate(fixtures);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        String report = String.join("\n", result.getFailureReport().getDetails());
        for (Class<?> culprit : culprits) {
            assertThat(report).as(rule.getDescription()).contains(culprit.getName());
        }
        JavaClasses withoutCulprits =
                fixtures.that(DescribedPredicate.describe("are not culprits", c -> List.of(culprits).stream()
                        .noneMatch(k -> c.getName().startsWith(k.getName()))));
        assertThat(rule.evaluate(withoutCulprits).hasViolation())
                .as("%s without %s", rule.getDescription(), List.of(culprits))
                .isFalse();
    }
}
