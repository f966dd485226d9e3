package org.gridgov.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks are test-scope mains the launcher starts by name: each name must be a main of its module's test
 * sources (not its main sources, whose classes ship in the production jars), or {@code gridgov bench} breaks unseen.
 */
class BenchCommandTest {

    /** The launcher's tests run in {@code launcher/}; the modules are its siblings. */
    private static final Path REPOSITORY = Path.of("..");

    @Test
    void everyBenchmarkIsAMainOfItsModulesTestSources() throws Exception {
        for (BenchCommand.Benchmark b : BenchCommand.ALL) {
            String file = b.entry().mainClass().replace('.', '/') + ".java";
            Path test = REPOSITORY
                    .resolve(b.entry().module())
                    .resolve("src/test/java")
                    .resolve(file);
            assertThat(test).as(b.toString()).isRegularFile();
            assertThat(Files.readString(test)).as(b.toString()).contains("public static void main(String[] args)");
            assertThat(REPOSITORY
                            .resolve(b.entry().module())
                            .resolve("src/main/java")
                            .resolve(file))
                    .doesNotExist();
            assertThat(b.entry().mainClass()).endsWith("Benchmark");
        }
    }
}
