package org.gridgov.streaming.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Collects what a job on the test's MiniCluster emits into a static queue per name (the MiniCluster runs in the
 * test's JVM, so the queue is shared).
 */
final class CollectSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;
    private static final Map<String, ConcurrentLinkedQueue<Object>> QUEUES = new ConcurrentHashMap<>();

    private final String name;

    CollectSink(String name) {
        this.name = name;
        QUEUES.put(name, new ConcurrentLinkedQueue<>());
    }

    @SuppressWarnings("unchecked")
    static <T> List<T> values(String name) {
        return new ArrayList<>((ConcurrentLinkedQueue<T>) (ConcurrentLinkedQueue<?>) QUEUES.get(name));
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return writer();
    }

    @Override
    @Deprecated
    public SinkWriter<T> createWriter(Sink.InitContext context) {
        return writer();
    }

    private SinkWriter<T> writer() {
        ConcurrentLinkedQueue<Object> q = QUEUES.get(name);
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context context) {
                q.add(element);
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
