package org.gridgov.streaming.alerts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;

/**
 * A job started as a plain Java process on a local MiniCluster: temp dirs (and checkpoints) of its own, a bounded
 * number of restarts
 * (Flink's default with checkpointing restarts forever; a local run must end with an exit code) and quiet logging
 * (errors of everyone and warnings of gridgov on stderr, so stdout carries only the summary line).
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
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, tmpDir.resolve("checkpoints").toUri().toString());
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(2));
        return conf;
    }

    public void cleanUp() {
        try (var paths = Files.walk(tmpDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // best effort: Flink may still be deleting its own files in there
        }
    }

    /** Skipped when the caller passes a log4j configuration file (the launcher does, with -v). */
    public static void quietLogging() {
        if (System.getProperty("log4j2.configurationFile") != null
                || System.getProperty("log4j.configurationFile") != null) {
            return;
        }
        try {
            ConfigurationBuilder<BuiltConfiguration> b = ConfigurationBuilderFactory.newConfigurationBuilder();
            b.setConfigurationName("gridgov-local-job");
            b.add(b.newAppender("stderr", "Console")
                    .addAttribute("target", ConsoleAppender.Target.SYSTEM_ERR)
                    .add(b.newLayout("PatternLayout")
                            .addAttribute("pattern", "%d{HH:mm:ss.SSS} %-5level %logger{1} - %msg%n")));
            b.add(b.newLogger("org.gridgov", Level.WARN));
            b.add(b.newRootLogger(Level.ERROR).add(b.newAppenderRef("stderr")));
            Configurator.reconfigure(b.build());
        } catch (LinkageError e) {
            // log4j-core is not on the classpath: whatever logging backend is there stays as configured
        }
    }

    /** The innermost message, which is the one an operator can act on. */
    public static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == t ? msg : msg + " (" + t.getClass().getSimpleName() + ": " + t.getMessage() + ")";
    }
}
