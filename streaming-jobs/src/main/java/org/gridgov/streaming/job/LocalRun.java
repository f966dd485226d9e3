package org.gridgov.streaming.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.gridgov.common.io.Directories;

/**
 * A job started as a plain Java process on a local MiniCluster: temp dirs (and checkpoints) of its own, deleted at
 * the end, and a bounded number of restarts (Flink's default with checkpointing restarts forever; a local run must
 * end with an exit code). Never used on a cluster, whose configuration rules.
 */
public record LocalRun(Path tmpDir) {

    public static LocalRun create(String name) {
        try {
            return new LocalRun(Files.createTempDirectory(name + "-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp dir for Flink", e);
        }
    }

    public Configuration configuration() {
        Configuration conf = new Configuration();
        conf.set(CoreOptions.TMP_DIRS, tmpDir.toString());
        // checkpoints on local disk: the default (JobManager heap) refuses state above 5 MB
        conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        conf.set(
                CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                tmpDir.resolve("checkpoints").toUri().toString());
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(2));
        // a record type that would fall back to Kryo fails at graph build, as the jobs' configure() also says
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        return conf;
    }

    /** Best effort: Flink may still be deleting its own files in there. */
    public void cleanUp() {
        Directories.deleteQuietly(tmpDir);
    }
}
