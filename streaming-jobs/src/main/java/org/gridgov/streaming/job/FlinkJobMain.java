package org.gridgov.streaming.job;

import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.gridgov.common.config.ConfigOption;
import org.gridgov.common.config.GridgovConfig;
import org.gridgov.common.config.SecretSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code main} of every Flink job. Under {@code flink run} (or application mode) the job runs in the cluster's
 * context, which owns logging, exit codes, restarts and temp dirs. As a plain Java process (the launcher, the tests'
 * child processes) it runs on a local MiniCluster ({@link LocalRun}) with the contract the launcher relies on:
 * one summary line on stdout and exit 0 when a bounded run finished; exit 2 on a configuration error, 1 when a
 * service cannot be reached (checked before submitting) or the job failed, the reason on stderr; {@code System.exit}
 * at the end because a local MiniCluster can leave non-daemon threads behind. Logging of such a run comes from the
 * jar's {@code log4j2.properties} (errors of everyone, warnings of gridgov, on stderr) unless the caller passes
 * {@code -Dlog4j2.configurationFile}.
 *
 * <p>Both ways the client creates the platform's missing Kafka topics before it submits ({@link Job#createTopics}), so a
 * job started against a fresh cluster does not restart-loop on a topic that is not there. Secrets never go into the
 * job graph: operators read them where they run ({@link TaskSecret}); a local run hands the ones this process read
 * to its MiniCluster in the same JVM ({@link SecretSource#handOver}).
 */
public final class FlinkJobMain {

    private static final Logger LOG = LoggerFactory.getLogger(FlinkJobMain.class);

    /** What one job contributes to its main. */
    public interface Job<S> {

        /** Reads and checks the settings before anything connects; a RuntimeException is a configuration error. */
        S settings(String[] args);

        /**
         * Creates the Kafka topics the job reads and writes that are missing (idempotent), before the job is submitted,
         * locally and on a cluster; an IllegalStateException names the service and the reason.
         */
        default void createTopics(S settings) {}

        /**
         * The secrets this process read (arguments, environment, {@code --config}, secrets file), which a local run
         * hands over to its MiniCluster; a cluster's TaskManagers read their own.
         */
        default Map<ConfigOption<String>, String> localSecrets(S settings) {
            return Map.of();
        }

        /**
         * Checks, before a local run submits the job, that the services it needs answer (an IllegalStateException
         * naming the service and the reason). Without it a wrong address fails only after Flink's restarts, each
         * waiting out a client timeout. Not called on a cluster, where the client may not see the data network.
         */
        void preflight(S settings);

        /** Builds the graph on {@code env} and runs it. */
        JobExecutionResult run(S settings, StreamExecutionEnvironment env) throws Exception;

        /** The line a finished local run prints on stdout. */
        String summary(JobExecutionResult result);
    }

    private FlinkJobMain() {}

    public static <S> void run(String jobName, String[] args, Job<S> job) throws Exception {
        StreamExecutionEnvironment contextEnv = StreamExecutionEnvironment.getExecutionEnvironment();
        if (!(contextEnv instanceof LocalStreamEnvironment)) {
            S settings = job.settings(args);
            job.createTopics(settings);
            job.run(settings, contextEnv);
            return;
        }
        System.exit(runLocally(jobName, args, job));
    }

    /** The local run's work, returning the exit code. */
    static <S> int runLocally(String jobName, String[] args, Job<S> job) {
        S settings;
        try {
            settings = job.settings(args);
        } catch (RuntimeException e) {
            System.err.println(jobName + ": " + e.getMessage());
            return 2;
        }
        try {
            job.createTopics(settings);
            job.preflight(settings);
        } catch (IllegalStateException e) {
            // the message names the service and the reason; a stack trace adds nothing
            System.err.println(jobName + ": " + e.getMessage());
            return 1;
        }
        LocalRun local = LocalRun.create(jobName);
        job.localSecrets(settings).forEach(SecretSource::handOver);
        try {
            JobExecutionResult result =
                    job.run(settings, StreamExecutionEnvironment.createLocalEnvironment(local.configuration()));
            System.out.println(job.summary(result));
            return 0;
        } catch (Throwable t) {
            LOG.error("{} failed", jobName, t);
            System.err.println(jobName + " failed: " + describe(t));
            return 1;
        } finally {
            SecretSource.clearHandedOver();
            local.cleanUp();
        }
    }

    /**
     * A secret as the client sees it, to check it before submitting and to hand it to a local run: from the
     * configuration (arguments, environment, {@code --config}) or the secrets file. A required one may be missing
     * here only when a secrets file is named, which then only the TaskManagers may be able to read.
     */
    public static String clientSecret(
            GridgovConfig config, SecretSource secrets, ConfigOption<String> option, boolean required) {
        String value = config.get(option);
        if (value == null || value.isBlank()) {
            try {
                value = secrets.get(option);
            } catch (RuntimeException e) {
                value = null; // the file is the TaskManagers', not readable on this client
            }
        }
        if (required && (value == null || value.isBlank()) && secrets.file() == null) {
            config.require(option); // throws, naming the environment variable
        }
        return value == null || value.isBlank() ? null : value;
    }

    /** The innermost message, which is the one an operator can act on (e.g. "pii.salt is not set ..."). */
    public static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == t ? msg : msg + " (" + t.getClass().getSimpleName() + ": " + t.getMessage() + ")";
    }
}
