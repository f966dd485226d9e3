package org.gridgov.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.gridgov.common.kafka.Topic;
import org.gridgov.common.kafka.TopicProvisioner;
import org.gridgov.common.kafka.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Topic provisioning against a broker: every registry topic once, idempotent, differences reported not changed. */
class TopicProvisionerIT {

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void start() {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void createsEveryTopicOnceWithItsConfigsThenOnlyChecksThem() throws Exception {
        TopicProvisioner.Report first = TopicProvisioner.provision(kafka.bootstrapServers(), Topics.all(), 1, 30_000);
        assertThat(first.created()).hasSize(Topics.all().size());
        TopicProvisioner.Report second = TopicProvisioner.provision(kafka.bootstrapServers(), Topics.all(), 1, 30_000);
        assertThat(second.created()).isEmpty();
        assertThat(second.existing()).hasSize(Topics.all().size());
        assertThat(second.mismatches()).isEmpty();
        try (Admin admin = kafka.admin()) {
            assertThat(admin.describeTopics(List.of("key-persons"))
                            .allTopicNames()
                            .get(30, TimeUnit.SECONDS)
                            .get("key-persons")
                            .partitions())
                    .hasSize(1);
        }
    }

    @Test
    void aTopicCreatedOtherwiseIsReportedAndLeftAlone() throws Exception {
        Topic<?, ?> registry = Topics.KEY_PERSONS.withName("registry-made-by-hand");
        try (Admin admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic(registry.name(), 1, (short) 1).configs(Map.of())))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        TopicProvisioner.Report r = TopicProvisioner.provision(kafka.bootstrapServers(), List.of(registry), 1, 30_000);
        assertThat(r.created()).isEmpty();
        assertThat(r.mismatches())
                .containsExactly("registry-made-by-hand: cleanup.policy=delete, the registry defines compact");
    }
}
