package org.gridgov.common.config;

import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a secret is read in the process that uses it — a Flink TaskManager, a Spark executor — rather than the value
 * itself: operators hold a SecretSource and call {@link #require} in {@code open()}, so the job graph a client builds
 * (kept in the JobManager's blob store and HA storage) carries no salt, password or token. Holds only the optional
 * path of a secrets file ({@code secrets.file}, a properties file of option keys), never a value.
 *
 * <p>Order: values a local run handed over in this JVM ({@link #handOver}: the job runs on a MiniCluster inside the
 * process that read its configuration, arguments and {@code --config} file included), then the environment
 * ({@code GRIDGOV_PII_SALT}: on YARN/Kubernetes {@code containerized.taskmanager.env.GRIDGOV_PII_SALT}, standalone the
 * TaskManager's environment), then the secrets file. A blank value counts as unset.
 *
 * @param file path of a properties file readable where the secret is used; null or blank for none
 */
public record SecretSource(String file) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Secrets of local runs in this JVM by key: the client and the TaskManager are the same process there. */
    private static final Map<String, String> HANDED_OVER = new ConcurrentHashMap<>();

    /** The environment only. */
    public static final SecretSource ENVIRONMENT = new SecretSource(null);

    public SecretSource {
        file = file == null || file.isBlank() ? null : file.trim();
    }

    /** The source {@code secrets.file} names (the environment only when it is empty). */
    public static SecretSource from(GridgovConfig config) {
        return new SecretSource(config.get(GridgovOptions.SECRETS_FILE));
    }

    /**
     * Makes {@code value} the secret of {@code option} for every source in this JVM, for a job about to run on a local
     * MiniCluster; never called on a cluster's client, whose JVM runs no task.
     */
    public static void handOver(ConfigOption<String> option, String value) {
        if (value == null || value.isBlank()) {
            HANDED_OVER.remove(option.key());
        } else {
            HANDED_OVER.put(option.key(), value);
        }
    }

    /** Forgets what {@link #handOver} gave, when the local run is over. */
    public static void clearHandedOver() {
        HANDED_OVER.clear();
    }

    /** The secret, or null when no source has it. */
    public String get(ConfigOption<String> option) {
        String v = HANDED_OVER.get(option.key());
        if (blank(v)) {
            v = System.getenv(option.envName());
        }
        if (blank(v) && file != null) {
            v = readFile().getProperty(option.key());
        }
        return blank(v) ? null : v;
    }

    /** The secret; fails naming the variable and the file to set when no source has it. */
    public String require(ConfigOption<String> option) {
        String v = get(option);
        if (v == null) {
            throw new IllegalStateException(option.key() + " is not set where the job runs: " + option.description()
                    + " (env " + option.envName() + (file == null ? "" : " or " + option.key() + " in " + file) + ")");
        }
        return v;
    }

    private Properties readFile() {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the secrets file " + file, e);
        }
        return p;
    }

    private static boolean blank(String v) {
        return v == null || v.isBlank();
    }

    @Override
    public String toString() {
        return "SecretSource[env" + (file == null ? "" : ", file " + file) + "]";
    }
}
