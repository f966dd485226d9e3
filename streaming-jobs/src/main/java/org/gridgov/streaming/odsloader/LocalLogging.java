package org.gridgov.streaming.odsloader;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;

/**
 * Logging of a job started as a plain Java process (the local MiniCluster): errors of everyone and warnings of
 * gridgov, on stderr, so stdout carries only the job's one-line summary. Log4j's own default would print errors to
 * stdout, and Flink at WARN prints hundreds of metric-name collisions of the Kafka client. Never used on a cluster,
 * whose log configuration rules; skipped when the caller passes a log4j configuration file.
 */
final class LocalLogging {

    private LocalLogging() {
    }

    static void quiet() {
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
}
