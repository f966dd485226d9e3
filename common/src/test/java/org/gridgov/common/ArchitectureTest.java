package org.gridgov.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.architecture.ArchitectureRules.GRIDGOV;
import static org.gridgov.architecture.ArchitectureRules.INTEGRATION_TEST_SUFFIX;
import static org.gridgov.architecture.ArchitectureRules.UNIT_TEST_SUFFIX;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.gridgov.architecture.ModuleClasses;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * common is the shared core: no other module, no engine, no package cycle. This test also keeps the build's test
 * patterns equal to the suffixes the test-tier rules name, so no test class is compiled and silently never run.
 */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = ModuleClasses.production();
    private static final JavaClasses WITH_TESTS = ModuleClasses.withTests();

    @Test
    void packagesAreFreeOfCycles() {
        GRIDGOV.packagesFreeOfCycles("common.(*)..").check(PRODUCTION);
    }

    @Test
    void commonUsesNoOtherModule() {
        GRIDGOV.dependsOnNoOtherModule("common").check(PRODUCTION);
    }

    @Test
    void commonLoadsNoEngine() {
        GRIDGOV.engineFree("common").check(PRODUCTION);
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

    /**
     * The root pom's surefire runs {@code *Test}, its failsafe {@code *IT}, and no module narrows that: a module's own
     * includes, excludes or skip would leave test classes unrun that the rules above consider run.
     */
    @Test
    void theBuildRunsExactlyTheTestClassesTheRulesName() throws Exception {
        Document root = parse(Path.of("..", "pom.xml"));
        assertThat(includes(root, "maven-surefire-plugin")).containsExactly("**/*" + UNIT_TEST_SUFFIX + ".java");
        assertThat(includes(root, "maven-failsafe-plugin")).containsExactly("**/*" + INTEGRATION_TEST_SUFFIX + ".java");
        NodeList modules = root.getElementsByTagName("module");
        assertThat(modules.getLength()).isGreaterThan(10);
        for (int i = 0; i < modules.getLength(); i++) {
            Path pom = Path.of("..", modules.item(i).getTextContent().trim(), "pom.xml");
            for (String runner : List.of("maven-surefire-plugin", "maven-failsafe-plugin")) {
                for (Element config : configurations(parse(pom), runner)) {
                    for (String narrowing : List.of(
                            "includes",
                            "excludes",
                            "test",
                            "skip",
                            "skipTests",
                            "skipITs",
                            "excludesFile",
                            "includesFile",
                            "groups",
                            "excludedGroups")) {
                        assertThat(config.getElementsByTagName(narrowing).getLength())
                                .as("%s: %s <%s>", pom, runner, narrowing)
                                .isZero();
                    }
                }
            }
        }
    }

    private static Document parse(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    private static List<String> includes(Document pom, String runner) {
        List<String> includes = new ArrayList<>();
        for (Element config : configurations(pom, runner)) {
            NodeList include = config.getElementsByTagName("include");
            for (int i = 0; i < include.getLength(); i++) {
                includes.add(include.item(i).getTextContent().trim());
            }
        }
        return includes;
    }

    /** The {@code <configuration>}s of every declaration of {@code runner}: plugin, pluginManagement, executions. */
    private static List<Element> configurations(Document pom, String runner) {
        List<Element> configurations = new ArrayList<>();
        NodeList artifactIds = pom.getElementsByTagName("artifactId");
        for (int i = 0; i < artifactIds.getLength(); i++) {
            if (artifactIds.item(i).getTextContent().trim().equals(runner)
                    && artifactIds.item(i).getParentNode() instanceof Element plugin
                    && plugin.getTagName().equals("plugin")) {
                NodeList found = plugin.getElementsByTagName("configuration");
                for (int j = 0; j < found.getLength(); j++) {
                    configurations.add((Element) found.item(j));
                }
            }
        }
        return configurations;
    }
}
