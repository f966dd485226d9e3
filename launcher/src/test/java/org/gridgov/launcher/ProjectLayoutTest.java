package org.gridgov.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectLayoutTest {

    @Test
    void jobClasspathIsTheShadedJarThenTheEngineJars(@TempDir Path home) throws Exception {
        Path target = Files.createDirectories(home.resolve("streaming-jobs/target"));
        Files.writeString(target.resolve("gridgov-streaming-jobs-" + ProjectLayout.version() + ".jar"), "");
        Files.writeString(target.resolve("engine-classpath.txt"), "/m2/flink.jar:/m2/slf4j.jar\n");
        String cp = new ProjectLayout(home).jobClasspath("streaming-jobs");
        assertThat(cp.split(File.pathSeparator))
                .containsExactly(
                        target.resolve("gridgov-streaming-jobs-" + ProjectLayout.version() + ".jar")
                                .toString(),
                        "/m2/flink.jar",
                        "/m2/slf4j.jar");
    }

    @Test
    void benchClasspathIsTheTestAndMainClassesThenTheTestScopeJars(@TempDir Path home) throws Exception {
        Path target = Files.createDirectories(home.resolve("batch-jobs/target"));
        Files.createDirectories(target.resolve("test-classes"));
        Files.createDirectories(target.resolve("classes"));
        Files.writeString(target.resolve("bench-classpath.txt"), "/m2/spark.jar:/m2/junit.jar\n");
        String cp = new ProjectLayout(home).benchClasspath("batch-jobs");
        assertThat(cp.split(File.pathSeparator))
                .containsExactly(
                        target.resolve("test-classes").toString(),
                        target.resolve("classes").toString(),
                        "/m2/spark.jar",
                        "/m2/junit.jar");
    }

    @Test
    void missingBenchClasspathSaysHowToBuildIt(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("ingestion/target/test-classes"));
        Files.createDirectories(home.resolve("ingestion/target/classes"));
        assertThatThrownBy(() -> new ProjectLayout(home).benchClasspath("ingestion"))
                .hasMessageContaining("bench-classpath.txt is missing")
                .hasMessageContaining("./mvnw package -DskipTests");
    }

    @Test
    void missingJobJarSaysHowToBuildIt(@TempDir Path home) {
        assertThatThrownBy(() -> new ProjectLayout(home).jobClasspath("batch-jobs"))
                .hasMessageContaining("is missing")
                .hasMessageContaining("./mvnw package -DskipTests");
    }
}
