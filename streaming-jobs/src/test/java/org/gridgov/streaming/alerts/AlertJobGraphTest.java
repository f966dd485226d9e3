package org.gridgov.streaming.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.gridgov.common.config.GridgovConfig;
import org.gridgov.streaming.api.StreamingJob;
import org.gridgov.streaming.job.JobGraphSecrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alert job's graph as a cluster client submits it holds no salt, password, robot token or signing secret. */
class AlertJobGraphTest {

    @TempDir
    Path dir;

    @Test
    void noSecretTravelsWithTheGraphAndTheRobotIsStillPushedTo() throws Exception {
        AlertJob.Settings s = AlertJob.Settings.read(GridgovConfig.of(
                Map.of(
                        "kafka.bootstrap-servers",
                        "127.0.0.1:9",
                        "warehouse.dialect",
                        "doris",
                        "alerts.kafka.delivery",
                        "exactly-once",
                        "secrets.file",
                        JobGraphSecrets.secretsFile(dir).toString()),
                StreamingJob.ALERTS.options()));
        assertThat(s.webhook)
                .as("the client sees the robot's URL in the secrets file")
                .isNotNull();
        assertThat(s.clientSecrets.values())
                .doesNotContain(JobGraphSecrets.SALT)
                .contains(JobGraphSecrets.PASSWORD, JobGraphSecrets.WEBHOOK_URL, JobGraphSecrets.WEBHOOK_SECRET);

        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        AlertJob.build(s, env);
        byte[] graph = JobGraphSecrets.serialisedJobGraph(env);

        assertThat(JobGraphSecrets.occurrences(graph, JobGraphSecrets.MARKER)).isEmpty();
        assertThat(JobGraphSecrets.occurrences(graph, "https://oapi.dingtalk.com/robot/send"))
                .as("the webhook sink is in the graph, its URL without the token")
                .isNotEmpty();
    }
}
