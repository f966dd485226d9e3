package org.gridgov.streaming.odsloader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.gridgov.common.config.GridgovConfig;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.streaming.api.StreamingJob;
import org.gridgov.streaming.job.JobGraphSecrets;
import org.gridgov.streaming.warehouse.WarehouseSink;
import org.gridgov.warehouse.SqlDialect;
import org.gridgov.warehouse.WarehouseSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader's job graph as a cluster client submits it holds no secret, and carries the checkpoint settings. */
class OdsLoaderJobGraphTest {

    @TempDir
    Path dir;

    private OdsLoaderJob.Settings settings(Map<String, String> extra) {
        Map<String, String> m = new HashMap<>(Map.of(
                "kafka.bootstrap-servers",
                "127.0.0.1:9",
                "warehouse.jdbc-url",
                "jdbc:mysql://doris-fe:9030/gridgov",
                "warehouse.dialect",
                "doris",
                "secrets.file",
                JobGraphSecrets.secretsFile(dir).toString()));
        m.putAll(extra);
        return OdsLoaderJob.Settings.read(GridgovConfig.of(m, StreamingJob.ODS_LOADER.options()));
    }

    @Test
    void theClientReadsTheSecretsToCheckThemButTheGraphHoldsNone() throws Exception {
        OdsLoaderJob.Settings s = settings(Map.of());
        assertThat(s.clientSecrets().values()).contains(JobGraphSecrets.SALT, JobGraphSecrets.PASSWORD);

        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        OdsLoaderJob.build(s, env);
        byte[] graph = JobGraphSecrets.serialisedJobGraph(env);

        assertThat(graph.length).isGreaterThan(10_000);
        assertThat(JobGraphSecrets.occurrences(graph, JobGraphSecrets.MARKER)).isEmpty();
        assertThat(JobGraphSecrets.occurrences(graph, "doris-fe:9030"))
                .as("the settings are there")
                .isNotEmpty();
    }

    @Test
    void theScanFindsASaltThatTravelsWithTheGraph() throws Exception {
        // the test-only constructors serialise the values: this is what the production graph must not look like
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        new OdsLoaderJob(
                        OdsLoaderJob.kafkaSource("127.0.0.1:9", "g", false),
                        new WarehouseSink(
                                new WarehouseSettings(
                                        "jdbc:mysql://h/db", "u", JobGraphSecrets.PASSWORD, SqlDialect.DORIS),
                                10),
                        new PiiProtector(JobGraphSecrets.SALT))
                .build(env);
        assertThat(JobGraphSecrets.occurrences(
                        JobGraphSecrets.serialisedJobGraph(env), JobGraphSecrets.SALT, JobGraphSecrets.PASSWORD))
                .hasSize(2);
    }

    @Test
    void onAClusterTheJobKeepsItsCheckpointsOnCancelAndRestartsWithABackoff() {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        OdsLoaderJob.build(
                settings(Map.of(
                        "flink.checkpoint.dir", "file:///shared/checkpoints", "loader.checkpoint-interval", "2s")),
                env);
        assertThat(env.getCheckpointInterval()).isEqualTo(2_000);
        assertThat(env.getCheckpointConfig().getExternalizedCheckpointRetention())
                .isEqualTo(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        assertThat(env.getConfiguration().toMap())
                .containsEntry("restart-strategy.type", "exponential-delay")
                .containsEntry("execution.checkpointing.dir", "file:///shared/checkpoints");
    }
}
