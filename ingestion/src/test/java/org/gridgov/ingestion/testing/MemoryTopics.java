package org.gridgov.ingestion.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.common.kafka.Topic;
import org.gridgov.ingestion.kafka.TopicSink;

/**
 * Topics in memory: every send is kept in order, as the text the topic's serdes make of it (what a consumer reads), and
 * acknowledged at once, or failed when told to.
 */
public final class MemoryTopics implements TopicSink {

    /** One published message. */
    public record Message(String topic, String key, String value) {}

    private final List<Message> messages = new ArrayList<>();
    private int failEvery;
    private int sends;

    /** Fails every n-th send (n > 0), as a broker that drops requests would. */
    public MemoryTopics failEvery(int n) {
        this.failEvery = n;
        return this;
    }

    @Override
    public synchronized <K, V> void send(Topic<K, V> topic, K key, V value, Ack ack) {
        sends++;
        if (failEvery > 0 && sends % failEvery == 0) {
            ack.done(new org.apache.kafka.common.errors.TimeoutException("injected: expired before acknowledgement"));
            return;
        }
        messages.add(new Message(
                topic.name(),
                text(topic.keySerde().serializer().serialize(topic.name(), key)),
                text(topic.valueSerde().serializer().serialize(topic.name(), value))));
        ack.done(null);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    public synchronized List<Message> on(String topic) {
        return messages.stream().filter(m -> m.topic().equals(topic)).toList();
    }

    public synchronized List<Message> all() {
        return new ArrayList<>(messages);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
