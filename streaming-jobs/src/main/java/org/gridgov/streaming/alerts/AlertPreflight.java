package org.gridgov.streaming.alerts;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.gridgov.common.kafka.Topics;
import org.gridgov.streaming.job.Preflight;
import org.gridgov.warehouse.WarehouseSettings;

/**
 * The alert job's preflight ({@link Preflight}): Kafka has the input and alerts topics and the warehouse accepts a
 * login; the registry topic is created when it is missing, as the topic registry defines {@link Topics#KEY_PERSONS}
 * (compacted) but under the configured name ({@code alerts.registry-topic}), with the brokers' default replication.
 */
final class AlertPreflight {

    private AlertPreflight() {
    }

    static void check(String bootstrapServers, List<String> required, String registryTopic,
                      WarehouseSettings warehouse) {
        kafka(bootstrapServers, required, registryTopic);
        if (warehouse != null) {
            Preflight.warehouse(warehouse);
        }
    }

    static void kafka(String bootstrapServers, List<String> required, String registryTopic) {
        Preflight.kafka(bootstrapServers, required, (admin, existing) -> {
            if (!existing.contains(registryTopic)) {
                NewTopic t = new NewTopic(registryTopic, Optional.of(Topics.KEY_PERSONS.partitions()), Optional.empty())
                        .configs(Topics.KEY_PERSONS.configs());
                try {
                    admin.createTopics(List.of(t)).all().get(Preflight.TIMEOUT_MS, TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        });
    }
}
