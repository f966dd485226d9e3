package org.gridgov.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platform's module arrows and test tiers as ArchUnit rules. Every module's {@code ArchitectureTest} checks the
 * rules that concern it against its own classes ({@link ModuleClasses}); {@code ArchitectureRulesTest} shows each rule
 * failing on a fixture package that breaks it, so no rule can pass because it matched nothing.
 *
 * <p>The package names are data ({@link #GRIDGOV} holds the real ones): the fixtures check the same rule code under
 * a fixture root, because common's test classpath holds no engine to break a rule with.
 *
 * @param root the platform's root package; module packages are {@code root.<module>}
 * @param engines packages of the engines that run in their own JVMs (Flink, Spark, Spring, the Kafka broker)
 * @param testLibraries packages production code must never load
 * @param integrationResources types that start an engine, a broker, a database or a browser: only {@code *IT}s
 *     reach them. A name ending in {@code ..} is a package, anything else a class (with its nested classes).
 * @param integrationCalls {@code Owner#methodPrefix}: calls that start an engine without naming one (a local Flink
 *     environment's {@code execute} starts a MiniCluster)
 */
public record ArchitectureRules(
        String root,
        List<String> engines,
        List<String> testLibraries,
        List<String> integrationResources,
        List<String> integrationCalls) {

    /** Test classes with these suffixes are run: surefire includes {@code **}{@code /*Test.java}. */
    public static final String UNIT_TEST_SUFFIX = "Test";
    /** ... and failsafe {@code **}{@code /*IT.java} (the root pom; {@code ArchitectureTest} in common checks it). */
    public static final String INTEGRATION_TEST_SUFFIX = "IT";

    /** What makes a method a test for the JUnit engines surefire and failsafe run. */
    private static final List<String> TEST_ANNOTATIONS = List.of(
            "org.junit.jupiter.api.Test",
            "org.junit.jupiter.params.ParameterizedTest",
            "org.junit.jupiter.api.RepeatedTest",
            "org.junit.jupiter.api.TestFactory",
            "org.junit.jupiter.api.TestTemplate",
            "org.junit.Test");

    private static final DescribedPredicate<JavaClass> HAVE_TEST_METHODS = DescribedPredicate.describe(
            "have test methods",
            c -> !c.getModifiers().contains(JavaModifier.ABSTRACT)
                    && c.getMethods().stream()
                            .anyMatch(m -> TEST_ANNOTATIONS.stream().anyMatch(m::isAnnotatedWith)));

    public static final ArchitectureRules GRIDGOV = new ArchitectureRules(
            "org.gridgov",
            List.of(
                    "org.apache.flink..",
                    "org.apache.spark..",
                    "scala..",
                    "org.springframework..",
                    "kafka..",
                    "org.apache.kafka.server..",
                    "org.apache.kafka.raft..",
                    "org.apache.kafka.metadata..",
                    "org.apache.kafka.storage..",
                    "ch.vorburger.."),
            List.of("org.junit..", "org.assertj..", "org.mockito..", "org.openqa.selenium.."),
            List.of(
                    "org.apache.flink.runtime.minicluster..",
                    "org.apache.flink.test.junit5.MiniClusterExtension",
                    "org.apache.flink.runtime.testutils.MiniClusterExtension",
                    "org.apache.flink.test.util.MiniClusterWithClientResource",
                    "org.apache.spark.sql.SparkSession",
                    "org.apache.spark.SparkContext",
                    "org.gridgov.embedded.EmbeddedKafka",
                    "org.gridgov.embedded.EmbeddedWarehouse",
                    "org.springframework.boot.test.context.SpringBootTest",
                    "org.openqa.selenium.."),
            List.of(
                    "org.apache.flink.streaming.api.environment.StreamExecutionEnvironment#execute",
                    "org.apache.flink.streaming.api.environment.LocalStreamEnvironment#execute",
                    "org.apache.flink.streaming.api.datastream.DataStream#executeAndCollect"));

    public ArchitectureRules {
        engines = List.copyOf(engines);
        testLibraries = List.copyOf(testLibraries);
        integrationResources = List.copyOf(integrationResources);
        integrationCalls = List.copyOf(integrationCalls);
    }

    /**
     * No cycle between the slices {@code pattern} cuts the module into, e.g. {@code "streaming.(**)"} (every package
     * its own slice) or {@code "common.(*).."} (a package with its sub-packages).
     */
    public ArchRule packagesFreeOfCycles(String pattern) {
        return slices().matching(root + "." + pattern).should().beFreeOfCycles().allowEmptyShould(false);
    }

    /** The simulator is demo and test data: of the production code only the launcher may use it. */
    public ArchRule onlyTheLauncherUsesTheSimulator() {
        return noClasses()
                .that()
                .resideOutsideOfPackages(pkg("launcher"), pkg("simulator"))
                .should()
                .dependOnClassesThat()
                .resideInAPackage(pkg("simulator"))
                .because("the simulator is for the demo, tests and benchmarks; no production jar may need it")
                .allowEmptyShould(false);
    }

    /** {@code module} uses no other module of the platform (common is the shared core every module builds on). */
    public ArchRule dependsOnNoOtherModule(String module) {
        return noClasses()
                .that()
                .resideInAPackage(pkg(module))
                .should()
                .dependOnClassesThat(resideInAPackage(root + "..").and(not(resideInAPackage(pkg(module)))))
                .because(module + " is the shared core: every other module depends on it, it on none of them")
                .allowEmptyShould(false);
    }

    /** {@code packageName} (below the root, e.g. {@code "loading"} or {@code "streaming.api"}) loads no engine. */
    public ArchRule engineFree(String packageName) {
        return noClasses()
                .that()
                .resideInAPackage(pkg(packageName))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(engines.toArray(String[]::new))
                .because("it runs beside any engine, or in the launcher without one")
                .allowEmptyShould(false);
    }

    /**
     * A job module's api package needs nothing else of its module: the module's {@code api} jar holds that package
     * alone, and the launcher loads it without the module.
     */
    public ArchRule apiPackageStandsAlone(String apiPackage, String module) {
        return noClasses()
                .that()
                .resideInAPackage(pkg(apiPackage))
                .should()
                .dependOnClassesThat(resideInAPackage(pkg(module)).and(not(resideInAPackage(pkg(apiPackage)))))
                .because("the " + module + " api jar holds " + apiPackage + " alone")
                .allowEmptyShould(false);
    }

    /** Services and domain code do not reach up into the web layer ({@code webPackages} below the root). */
    public ArchRule onlyTheWebLayerUsesTheWebLayer(String... webPackages) {
        String[] web = Arrays.stream(webPackages).map(this::pkg).toArray(String[]::new);
        return noClasses()
                .that()
                .resideOutsideOfPackages(web)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(web)
                .because("the web layer maps the domain to HTTP; the domain does not know about HTTP")
                .allowEmptyShould(false);
    }

    /** Production classes load no test library. */
    public ArchRule noTestLibrariesInProduction() {
        return noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(testLibraries.toArray(String[]::new))
                .because("test libraries are test-scoped: a production class using one fails where it runs")
                .allowEmptyShould(false);
    }

    /**
     * A class named {@code *Test} starts no engine, broker, database or browser, neither itself nor through the test
     * helpers it uses (in any module's test code): those tests are {@code *IT}s, run by failsafe.
     *
     * @param tests the classes to hold to it (a module's own test classes)
     */
    public ArchRule unitTestsStartNoEngine(DescribedPredicate<JavaClass> tests) {
        return classes()
                .that(tests)
                .and()
                .areTopLevelClasses()
                .and()
                .haveSimpleNameEndingWith(UNIT_TEST_SUFFIX)
                .should(reachNoIntegrationResource())
                .because("*Test is the fast tier (no network, no engine); whatever starts one is an *IT")
                .allowEmptyShould(false);
    }

    /**
     * Every class with a test method is (or is nested in) a class that surefire or failsafe runs: one named
     * {@code *Test} or {@code *IT}. Any other name compiles and is never run.
     */
    public ArchRule testClassesAreRunByTheBuild(DescribedPredicate<JavaClass> tests) {
        return classes()
                .that(tests)
                .and(HAVE_TEST_METHODS)
                .should(beRunBySurefireOrFailsafe())
                .allowEmptyShould(false);
    }

    private String pkg(String below) {
        return root + "." + below + "..";
    }

    private static ArchCondition<JavaClass> beRunBySurefireOrFailsafe() {
        return new ArchCondition<>(
                "be (or be nested in) a class named *" + UNIT_TEST_SUFFIX + " or *" + INTEGRATION_TEST_SUFFIX) {
            @Override
            public void check(JavaClass test, ConditionEvents events) {
                JavaClass top = test;
                while (top.getEnclosingClass().isPresent()) {
                    top = top.getEnclosingClass().get();
                }
                boolean run = top.getSimpleName().endsWith(UNIT_TEST_SUFFIX)
                        || top.getSimpleName().endsWith(INTEGRATION_TEST_SUFFIX);
                events.add(new SimpleConditionEvent(
                        test,
                        run,
                        test.getName() + " has test methods but "
                                + top.getSimpleName() + " ends in neither " + UNIT_TEST_SUFFIX + " nor "
                                + INTEGRATION_TEST_SUFFIX + ": neither surefire nor failsafe runs it"));
            }
        };
    }

    /**
     * Walks from a test class through the test code it depends on (helpers, fixtures, other modules' test jars) and
     * reports each integration resource it reaches, with the path that reaches it. Production classes are not walked:
     * a test may call a job's pure functions although the job's main starts an engine.
     */
    private ArchCondition<JavaClass> reachNoIntegrationResource() {
        return new ArchCondition<>("reach no integration resource (engine, broker, database, browser)") {
            @Override
            public void check(JavaClass test, ConditionEvents events) {
                Map<JavaClass, JavaClass> reachedFrom = new HashMap<>();
                Deque<JavaClass> todo = new ArrayDeque<>(List.of(test));
                reachedFrom.put(test, test);
                while (!todo.isEmpty()) {
                    JavaClass current = todo.removeFirst();
                    for (Dependency d : current.getDirectDependenciesFromSelf()) {
                        JavaClass target = d.getTargetClass().getBaseComponentType();
                        if (isIntegrationResource(target)) {
                            events.add(SimpleConditionEvent.violated(
                                    test,
                                    test.getName() + " reaches " + target.getName() + via(current, reachedFrom) + ": "
                                            + d.getDescription()));
                        } else if (isTestCode(target)
                                && target.getPackageName().startsWith(root)
                                && !reachedFrom.containsKey(target)) {
                            reachedFrom.put(target, current);
                            todo.addLast(target);
                        }
                    }
                    for (JavaMethodCall call : current.getMethodCallsFromSelf()) {
                        if (isIntegrationCall(call)) {
                            events.add(SimpleConditionEvent.violated(
                                    test,
                                    test.getName() + " calls "
                                            + call.getTarget().getFullName() + via(current, reachedFrom) + ": "
                                            + call.getDescription()));
                        }
                    }
                }
            }
        };
    }

    private static String via(JavaClass current, Map<JavaClass, JavaClass> reachedFrom) {
        StringBuilder path = new StringBuilder();
        for (JavaClass c = current; reachedFrom.get(c) != c; c = reachedFrom.get(c)) {
            path.insert(0, " via " + c.getSimpleName());
        }
        return path.toString();
    }

    private boolean isIntegrationResource(JavaClass type) {
        String name = type.getName();
        return integrationResources.stream()
                .anyMatch(r -> r.endsWith("..")
                        ? PackageMatcher.of(r).matches(type.getPackageName())
                        : name.equals(r) || name.startsWith(r + "$"));
    }

    private boolean isIntegrationCall(JavaMethodCall call) {
        String owner = call.getTargetOwner().getName();
        String method = call.getTarget().getName();
        return integrationCalls.stream().anyMatch(c -> {
            int hash = c.indexOf('#');
            return c.substring(0, hash).equals(owner) && method.startsWith(c.substring(hash + 1));
        });
    }

    /** Test code: compiled into a module's {@code target/test-classes}, or packed into a {@code -tests.jar}. */
    static boolean isTestCode(JavaClass type) {
        Optional<String> uri = type.getSource().map(s -> s.getUri().toString());
        return uri.filter(u -> u.contains("/test-classes/") || u.contains("-tests.jar"))
                .isPresent();
    }
}
