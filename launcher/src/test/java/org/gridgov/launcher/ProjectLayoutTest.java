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
        assertThat(cp.split(File.pathSeparator)).containsExactly(
                target.resolve("gridgov-streaming-jobs-" + ProjectLayout.version() + ".jar").toString(),
                "/m2/flink.jar", "/m2/slf4j.jar");
    }

    @Test
    void missingJobJarSaysHowToBuildIt(@TempDir Path home) {
        assertThatThrownBy(() -> new ProjectLayout(home).jobClasspath("batch-jobs"))
                .hasMessageContaining("is missing").hasMessageContaining("./mvnw package -DskipTests");
    }
}
