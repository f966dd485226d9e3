package org.gridgov.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.gridgov.cluster.ReadmeCommands.Command;
import org.gridgov.cluster.ReadmeCommands.Kind;
import org.junit.jupiter.api.Test;

/**
 * The root README's cluster section holds only commands {@link ClusterIT} runs, and every kind it runs: a command
 * added to the README that no test runs fails here, in the unit-test phase.
 */
class ReadmeCommandsTest {

    private static final Path README = Path.of("..", "README.md");

    @Test
    void everyCommandOfTheClusterSectionIsOneTheClusterTestRunsAndEveryKindIsThere() throws Exception {
        List<Command> commands = ReadmeCommands.read(README);
        assertThat(commands)
                .extracting(Command::kind)
                .containsExactly(
                        Kind.TOPICS_CREATE,
                        Kind.DDL,
                        Kind.APPLY_DDL,
                        Kind.RUN_LOADER,
                        Kind.RUN_ALERTS,
                        Kind.STOP_WITH_SAVEPOINT,
                        Kind.RESUME_LOADER,
                        Kind.SPARK_ANALYTICS);
        assertThat(ReadmeCommands.first(commands, Kind.SPARK_ANALYTICS).text())
                .contains("--deploy-mode client", "--config=")
                .doesNotContain("password");
        assertThat(commands).filteredOn(c -> c.text().startsWith("flink run")).allSatisfy(c -> assertThat(c.text())
                .contains("--secrets.file=", "--flink.checkpoint.dir=")
                .doesNotContain("--pii.salt"));
    }

    @Test
    void substitutionsLeaveNoProductionNameBehind() throws Exception {
        ReadmeCommands.Substitutions local = new ReadmeCommands.Substitutions()
                .put("kafka-1:9092,kafka-2:9092,kafka-3:9092", "127.0.0.1:1")
                .put("doris-fe", "127.0.0.1")
                .put("/etc/gridgov", "/tmp/etc")
                .put("hdfs:///gridgov/", "file:///tmp/")
                .put("spark://spark-master:7077", "spark://127.0.0.1:2")
                .put("<loader-job-id>", "0".repeat(32))
                .put("<savepoint-path>", "file:/tmp/savepoint-1");
        for (Command c : ReadmeCommands.read(README)) {
            assertThat(local.apply(c.text())).doesNotContain("doris-fe", "kafka-1", "hdfs://", "<loader", "<savepoint");
        }
        assertThatThrownBy(() -> new ReadmeCommands.Substitutions().apply("flink stop <loader-job-id>"))
                .hasMessageContaining("placeholder");
    }

    @Test
    void anUnknownCommandIsRefused() {
        assertThatThrownBy(() -> Kind.of("flink cancel 1234")).hasMessageContaining("no cluster test runs");
    }
}
