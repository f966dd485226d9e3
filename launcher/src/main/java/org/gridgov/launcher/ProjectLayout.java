package org.gridgov.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the launcher finds the job jars, their engine classpaths and the local config: the repository checkout the
 * {@code gridgov} script runs from ({@code -Dgridgov.home}), else the nearest parent directory holding the script.
 */
public final class ProjectLayout {

    private final Path home;

    ProjectLayout(Path home) {
        this.home = home.toAbsolutePath().normalize();
    }

    public static ProjectLayout locate() {
        String prop = System.getProperty("gridgov.home");
        if (prop != null && !prop.isBlank()) {
            return new ProjectLayout(Path.of(prop));
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("gridgov")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return new ProjectLayout(dir);
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(
                "cannot find the gridgov checkout: run ./gridgov from it or set -Dgridgov.home");
    }

    public Path home() {
        return home;
    }

    /** Scratch space of the local runs (generated files, Flink temp dirs); git-ignored. */
    public Path workDir() {
        return home.resolve(".gridgov");
    }

    public Path conf(String file) {
        return home.resolve("conf").resolve(file);
    }

    /** The classpath of a job module: its shaded jar plus the engine (provided) jars Maven listed at package time. */
    public String jobClasspath(String module) {
        Path target = home.resolve(module).resolve("target");
        Path jar = target.resolve("gridgov-" + module + "-" + version() + ".jar");
        Path engine = target.resolve("engine-classpath.txt");
        for (Path p : List.of(jar, engine)) {
            if (!Files.isRegularFile(p)) {
                throw new IllegalStateException(
                        p + " is missing: build with ./mvnw package -DskipTests (./gridgov does it)");
            }
        }
        try {
            return jar + java.io.File.pathSeparator + Files.readString(engine).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The classpath of a module's benchmark, which lives in its test sources so no production jar holds it: the
     * compiled test and main classes plus the test-scope jars Maven listed at package time ({@code bench-classpath.txt};
     * {@code package -DskipTests} still compiles the tests).
     */
    public String benchClasspath(String module) {
        Path target = home.resolve(module).resolve("target");
        Path tests = target.resolve("test-classes");
        Path classes = target.resolve("classes");
        Path jars = target.resolve("bench-classpath.txt");
        for (Path p : List.of(tests, classes, jars)) {
            if (!Files.exists(p)) {
                throw new IllegalStateException(
                        p + " is missing: build with ./mvnw package -DskipTests (./gridgov does it)");
            }
        }
        try {
            return String.join(
                    java.io.File.pathSeparator,
                    tests.toString(),
                    classes.toString(),
                    Files.readString(jars).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The case service's executable Spring Boot jar (PropertiesLauncher layout, so -Dloader.main picks a main). */
    public Path caseServiceJar() {
        Path jar = home.resolve("case-service")
                .resolve("target")
                .resolve("gridgov-case-service-" + version() + "-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: build with ./mvnw package -DskipTests (./gridgov does it)");
        }
        return jar;
    }

    static String version() {
        String v = ProjectLayout.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-SNAPSHOT";
    }
}
