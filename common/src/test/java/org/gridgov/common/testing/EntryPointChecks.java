package org.gridgov.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.gridgov.common.config.ConfigOption;
import org.gridgov.common.job.JobEntryPoint;

/**
 * What each job module's entry-point test asserts (run from the module's directory, as surefire does): the names in
 * the enum are real mains of the module, and the api package the launcher loads from the module's {@code api} jar
 * stands alone.
 */
public final class EntryPointChecks {

    private static final List<String> ENGINES =
            List.of("org.apache.flink.", "org.apache.spark.", "org.springframework.");

    private EntryPointChecks() {}

    /**
     * Every constant names a class with a {@code public static void main(String[])} in this module's sources:
     * benchmarks in the test sources (no production jar holds them), the others in the main sources.
     */
    public static void assertNamesMainsOf(String module, JobEntryPoint... entryPoints) throws Exception {
        assertThat(entryPoints).isNotEmpty();
        for (JobEntryPoint e : entryPoints) {
            assertThat(e.module()).as(e.id()).isEqualTo(module);
            Method main = Class.forName(e.mainClass()).getMethod("main", String[].class);
            assertThat(Modifier.isPublic(main.getModifiers()) && Modifier.isStatic(main.getModifiers()))
                    .as("%s: public static main", e.mainClass())
                    .isTrue();
            assertThat(main.getReturnType()).as(e.mainClass()).isEqualTo(void.class);
            String file = e.mainClass().replace('.', '/') + ".java";
            String where = e.benchmark() ? "test" : "main";
            String not = e.benchmark() ? "main" : "test";
            assertThat(Path.of("src", where, "java", file))
                    .as("%s in src/%s", e.id(), where)
                    .isRegularFile();
            assertThat(Path.of("src", not, "java", file))
                    .as("%s not in src/%s", e.id(), not)
                    .doesNotExist();
            assertThat(e.description()).as(e.id()).isNotBlank();
            assertThat(e.options()).as(e.id()).extracting(ConfigOption::key).doesNotHaveDuplicates();
        }
    }

    /**
     * The api package imports nothing of Flink, Spark or Spring, and nothing of its module outside itself: the
     * module's {@code api} jar holds that package alone, and the launcher loads it beside common only.
     */
    public static void assertApiPackageStandsAlone(String apiPackage, String modulePackage) {
        Path dir = Path.of("src", "main", "java").resolve(apiPackage.replace('.', '/'));
        assertThat(dir).isDirectory();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (!line.startsWith("import ")) {
                        continue;
                    }
                    String name = line.substring("import ".length())
                            .replace("static ", "")
                            .trim();
                    assertThat(ENGINES).as("%s: %s", f.getFileName(), line).noneMatch(name::startsWith);
                    if (name.startsWith(modulePackage + ".")) {
                        assertThat(name).as("%s: %s", f.getFileName(), line).startsWith(apiPackage + ".");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
