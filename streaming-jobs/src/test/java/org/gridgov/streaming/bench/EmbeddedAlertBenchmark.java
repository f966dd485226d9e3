package org.gridgov.streaming.bench;

import java.util.ArrayList;
import java.util.List;
import org.gridgov.embedded.EmbeddedKafka;

/**
 * Runs {@link AlertBenchmark} against an embedded Kafka broker started here (what {@code gridgov bench} would do),
 * for measuring on a developer machine from the test classpath:
 * {@code java -cp target/classes:target/test-classes:<test classpath> org.gridgov.streaming.bench.EmbeddedAlertBenchmark}
 * with GRIDGOV_PII_SALT set; further {@code --key=value} arguments go to the benchmark.
 */
public final class EmbeddedAlertBenchmark {

    private EmbeddedAlertBenchmark() {}

    public static void main(String[] args) throws Exception {
        EmbeddedKafka kafka = EmbeddedKafka.start();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--kafka.bootstrap-servers=" + kafka.bootstrapServers());
        // AlertBenchmark.main exits the JVM, which also stops the broker
        AlertBenchmark.main(all.toArray(new String[0]));
    }
}
