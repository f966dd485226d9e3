package org.gridgov.ingestion.testing;

import java.util.ArrayList;
import java.util.List;
import org.gridgov.ingestion.kafka.TopicSink;

/** Topics in memory: every send is kept in order and acknowledged at once, or failed when told to. */
public final class MemoryTopics implements TopicSink {

    /** One published message. */
    public record Message(String topic, String key, String value) {
    }

    private final List<Message> messages = new ArrayList<>();
    private int failEvery;
    private int sends;

    /** Fails every n-th send (n > 0), as a broker that drops requests would. */
    public MemoryTopics failEvery(int n) {
        this.failEvery = n;
        return this;
    }

    @Override
    public synchronized void send(String topic, String key, String value, Ack ack) {
        sends++;
        if (failEvery > 0 && sends % failEvery == 0) {
            ack.done(new org.apache.kafka.common.errors.TimeoutException("injected: expired before acknowledgement"));
            return;
        }
        messages.add(new Message(topic, key, value));
        ack.done(null);
    }

    public synchronized List<Message> on(String topic) {
        return messages.stream().filter(m -> m.topic().equals(topic)).toList();
    }

    public synchronized List<Message> all() {
        return new ArrayList<>(messages);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
