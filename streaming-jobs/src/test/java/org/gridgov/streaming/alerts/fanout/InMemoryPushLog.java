package org.gridgov.streaming.alerts.fanout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A push log in memory, surviving "restarts" of the pusher as the warehouse table does. */
final class InMemoryPushLog implements PushLog {

    final Map<String, Entry> entries = new LinkedHashMap<>();
    final List<String> messageIds = new ArrayList<>();

    @Override
    public Optional<Status> status(String alertId) {
        return Optional.ofNullable(entries.get(alertId)).map(Entry::status);
    }

    @Override
    public List<Entry> queued() {
        return entries.values().stream()
                .filter(e -> e.status() == Status.QUEUED)
                .toList();
    }

    @Override
    public int inFlight() {
        return (int) entries.values().stream()
                .filter(e -> e.status() == Status.SENDING)
                .count();
    }

    @Override
    public void write(List<Entry> list, String messageId, Integer httpStatus, String response) {
        list.forEach(e -> {
            entries.remove(e.alertId());
            entries.put(e.alertId(), e);
        });
        messageIds.add(messageId);
    }

    Status statusOf(String id) {
        return entries.get(id).status();
    }

    @Override
    public void close() {}
}
