package org.gridgov.streaming.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.client.JobExecutionException;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared main's contract without running a job: exit codes, stderr, temp dirs. */
class FlinkJobMainTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureStderr() {
        originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(originalErr);
    }

    private static FlinkJobMain.Job<String> job(Runnable preflight) {
        return new FlinkJobMain.Job<>() {
            @Override
            public String settings(String[] args) {
                if (args.length > 0) {
                    throw new IllegalStateException("pii.salt is not set (env GRIDGOV_PII_SALT)");
                }
                return "settings";
            }

            @Override
            public void preflight(String settings) {
                preflight.run();
            }

            @Override
            public JobExecutionResult run(String settings, StreamExecutionEnvironment env) {
                throw new IllegalStateException("not in a unit test");
            }

            @Override
            public String summary(JobExecutionResult result) {
                return "done";
            }
        };
    }

    @Test
    void configurationErrorExitsTwoNamingTheProblem() {
        assertThat(FlinkJobMain.runLocally("gridgov-test", new String[] {"--bad"}, job(() -> {})))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("gridgov-test: pii.salt is not set " + "(env GRIDGOV_PII_SALT)" + System.lineSeparator());
    }

    @Test
    void unreachableServiceExitsOneBeforeAnythingRuns() {
        int code = FlinkJobMain.runLocally("gridgov-test", new String[0], job(() -> {
            throw new IllegalStateException("Kafka at 127.0.0.1:1 did not answer within 10 s");
        }));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("gridgov-test: Kafka at 127.0.0.1:1")
                .doesNotContain("Exception");
    }

    @Test
    void failedJobExitsOneWithTheRootCause() {
        assertThat(FlinkJobMain.runLocally("gridgov-test", new String[0], job(() -> {})))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("gridgov-test failed: not in a unit test");
    }

    @Test
    void failureMessageLeadsWithTheRootCause() {
        Exception e = new JobExecutionException(
                null,
                "Job execution failed.",
                new java.io.IOException(
                        "writing 3 rows failed 4 times", new java.sql.SQLException("Access denied for user 'root'")));
        assertThat(FlinkJobMain.describe(e))
                .startsWith("Access denied for user 'root'")
                .contains("Job execution failed.");
        assertThat(FlinkJobMain.describe(new IllegalStateException("pii.salt is not set")))
                .isEqualTo("pii.salt is not set");
    }

    @Test
    void localRunHasItsOwnTempDirBoundedRestartsAndDeletesItsFiles() throws Exception {
        LocalRun local = LocalRun.create("gridgov-test");
        Configuration conf = local.configuration();
        assertThat(conf.get(CoreOptions.TMP_DIRS)).isEqualTo(local.tmpDir().toString());
        assertThat(conf.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY))
                .startsWith(local.tmpDir().toUri().toString());
        assertThat(conf.get(RestartStrategyOptions.RESTART_STRATEGY)).isEqualTo("fixed-delay");
        assertThat(conf.get(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS))
                .isEqualTo(2);
        assertThat(conf.get(PipelineOptions.GENERIC_TYPES)).isFalse();
        java.nio.file.Files.writeString(local.tmpDir().resolve("blob"), "x");
        local.cleanUp();
        assertThat(local.tmpDir()).doesNotExist();
    }
}
