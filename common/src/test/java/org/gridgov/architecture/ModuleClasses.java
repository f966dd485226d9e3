package org.gridgov.architecture;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The classes a module's {@code ArchitectureTest} holds to the rules, read from the module's build output (surefire
 * runs in the module's directory): what its jar holds, and its test classes.
 */
public final class ModuleClasses {

    /** Fixtures that break the rules on purpose, for {@code ArchitectureRulesTest} (common's test classes). */
    public static final String FIXTURES = "org.gridgov.architecture.fixtures";

    static {
        // The rules judge gridgov's own classes and match everything else by name: reading Flink's or Spark's class
        // files from the classpath as well would only slow the import down.
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
    }

    private static final Path CLASSES = Path.of("target", "classes");
    private static final Path TEST_CLASSES = Path.of("target", "test-classes");

    private ModuleClasses() {}

    /** The module's production classes: {@code target/classes}, what its jar holds. */
    public static JavaClasses production() {
        if (!Files.isDirectory(CLASSES)) {
            throw new IllegalStateException(CLASSES.toAbsolutePath() + " missing: run from the module's directory");
        }
        return new ClassFileImporter().importPath(CLASSES);
    }

    /**
     * Every class of the platform on the test classpath (this module's, its dependencies' and their test jars'), so
     * a test-tier rule can follow a test into the helpers it uses; {@link #ownTests()} picks the tests to judge.
     */
    public static JavaClasses withTests() {
        return new ClassFileImporter().importPackages(ArchitectureRules.GRIDGOV.root());
    }

    /** The classes compiled into this module's {@code target/test-classes}, but for the rule-breaking fixtures. */
    public static DescribedPredicate<JavaClass> ownTests() {
        String own = TEST_CLASSES.toAbsolutePath().toUri().toString();
        return DescribedPredicate.describe(
                "are test classes of this module",
                c -> c.getSource()
                                .map(s -> s.getUri().toString().startsWith(own))
                                .orElse(false)
                        && !c.getPackageName().startsWith(FIXTURES));
    }
}
