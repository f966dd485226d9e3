package org.gridgov.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

/** What an existing topic is compared on; the broker round trip is embedded-stack's TopicProvisionerIT. */
class TopicProvisionerTest {

    private static final Node N1 = new Node(1, "b1", 9092);
    private static final Node N2 = new Node(2, "b2", 9092);

    private static TopicDescription described(String name, int partitions, List<Node> replicas) {
        List<TopicPartitionInfo> p = new ArrayList<>();
        for (int i = 0; i < partitions; i++) {
            p.add(new TopicPartitionInfo(i, replicas.get(0), replicas, replicas));
        }
        return new TopicDescription(name, false, p);
    }

    @Test
    void aTopicAsDefinedHasNoDifference() {
        assertThat(TopicProvisioner.differences(
                        Topics.KEY_PERSONS,
                        described("key-persons", 1, List.of(N1, N2)),
                        new Config(List.of(new ConfigEntry("cleanup.policy", "compact"))),
                        2))
                .isEmpty();
        assertThat(TopicProvisioner.differences(
                        Topics.ALERTS,
                        described("alerts", 4, List.of(N1)),
                        new Config(List.of()),
                        TopicProvisioner.BROKER_DEFAULT_REPLICATION))
                .as("more partitions than defined, replication not asked for")
                .isEmpty();
    }

    @Test
    void fewerPartitionsOtherReplicationAndAnotherCleanupPolicyAreReported() {
        assertThat(TopicProvisioner.differences(
                        Topics.KEY_PERSONS,
                        described("key-persons", 1, List.of(N1)),
                        new Config(List.of(new ConfigEntry("cleanup.policy", "delete"))),
                        3))
                .containsExactly(
                        "key-persons: replication 1, asked for 3",
                        "key-persons: cleanup.policy=delete, the registry defines compact");
        assertThat(TopicProvisioner.differences(
                        Topics.ALERTS, described("alerts", 1, List.of(N1)), new Config(List.of()), 1))
                .containsExactly("alerts: 1 partitions, the registry defines 2");
    }

    @Test
    void theReportSaysWhatWasCreatedAndListsTheDifferences() {
        TopicProvisioner.Report r = new TopicProvisioner.Report(List.of("a", "b"), List.of("c"), List.of("c: x"));
        assertThat(r.lines())
                .containsExactly("3 topics: 2 created, 1 already there; 1 differ from the registry", "  c: x");
    }

    @Test
    void aDescribeThatReachesABrokerBeforeTheTopicIsAskedAgainUntilTheTimeout() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        assertThat(TopicProvisioner.untilTheBrokerKnows(
                        () -> {
                            if (calls.incrementAndGet() < 3) {
                                throw new ExecutionException(new UnknownTopicOrPartitionException("not hosted here"));
                            }
                            return "described";
                        },
                        5_000))
                .isEqualTo("described");
        assertThat(calls).hasValue(3);

        AtomicInteger refused = new AtomicInteger();
        assertThatThrownBy(() -> TopicProvisioner.untilTheBrokerKnows(
                        () -> {
                            refused.incrementAndGet();
                            throw new ExecutionException(new TopicAuthorizationException("no ACL"));
                        },
                        5_000))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(TopicAuthorizationException.class);
        assertThat(refused).as("other failures are not retried").hasValue(1);

        assertThatThrownBy(() -> TopicProvisioner.untilTheBrokerKnows(
                        () -> {
                            throw new ExecutionException(new UnknownTopicOrPartitionException("never hosted"));
                        },
                        300))
                .as("still unknown after the timeout: the cause as before")
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(UnknownTopicOrPartitionException.class);
    }
}
