package org.gridgov.streaming.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.InstantiationUtil;

/**
 * Secrets with a marker in a secrets file, and a scan of a job graph as the client submits it (the Java-serialised
 * {@link JobGraph}, operators included, which the JobManager keeps in its blob store and HA storage) for the marker.
 */
public final class JobGraphSecrets {

    /** Every secret value below contains it; ASCII, so it is the same bytes in any serialised form. */
    public static final String MARKER = "TOPSECRET";

    public static final String SALT = MARKER + "-salt-0123456789";
    public static final String PASSWORD = MARKER + "-password";
    public static final String WEBHOOK_URL = "https://oapi.dingtalk.com/robot/send?access_token=" + MARKER + "-token";
    public static final String WEBHOOK_SECRET = "SEC" + MARKER + "-signing";

    private JobGraphSecrets() {}

    /** A secrets file (properties of option keys) holding every secret of the jobs. */
    public static Path secretsFile(Path dir) {
        Path file = dir.resolve("secrets.properties");
        try {
            Files.writeString(
                    file,
                    String.join(
                            "\n",
                            "pii.salt=" + SALT,
                            "warehouse.password=" + PASSWORD,
                            "alerts.webhook.url="
                                    + WEBHOOK_URL.replace(":", "\\:").replace("=", "\\="),
                            "alerts.webhook.secret=" + WEBHOOK_SECRET),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The job graph of what was built on {@code env}, serialised as it is submitted. */
    public static byte[] serialisedJobGraph(StreamExecutionEnvironment env) throws IOException {
        return InstantiationUtil.serializeObject(env.getStreamGraph().getJobGraph());
    }

    /** Where each of {@code needles} occurs in {@code bytes}: "needle@offset", empty when none does. */
    public static List<String> occurrences(byte[] bytes, String... needles) {
        List<String> found = new ArrayList<>();
        for (String n : needles) {
            byte[] b = n.getBytes(StandardCharsets.UTF_8);
            outer:
            for (int i = 0; i + b.length <= bytes.length; i++) {
                for (int j = 0; j < b.length; j++) {
                    if (bytes[i + j] != b[j]) {
                        continue outer;
                    }
                }
                found.add(n + "@" + i);
            }
        }
        return found;
    }
}
