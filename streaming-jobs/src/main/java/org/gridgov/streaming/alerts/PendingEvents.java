package org.gridgov.streaming.alerts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.state.ListState;

/**
 * Events of one key waiting for the watermark, so a keyed rule sees them in event-time order whatever order the
 * Kafka partitions delivered them in. Order within the same millisecond is by record id, so a replay decides the
 * same way. Wraps the key's {@link ListState}; lists are short (the events of one key between two watermarks).
 */
public final class PendingEvents<T> {

    /** Reads an event's time. */
    @FunctionalInterface
    public interface Time<T> {
        long of(T event);
    }

    private final ListState<T> state;
    private final Time<T> time;
    private final Comparator<T> order;

    public PendingEvents(ListState<T> state, Time<T> time, Comparator<T> tieBreak) {
        this.state = state;
        this.time = time;
        this.order = Comparator.<T>comparingLong(time::of).thenComparing(tieBreak);
    }

    public void add(T event) throws Exception {
        state.add(event);
    }

    /** The events taken out (in event-time order) and those still waiting, read with one state access. */
    public final class Taken {
        public final List<T> due;
        public final List<T> rest;

        Taken(List<T> due, List<T> rest) {
            this.due = due;
            this.rest = rest;
        }

        public boolean restHasAt(long t) {
            for (T e : rest) {
                if (time.of(e) == t) {
                    return true;
                }
            }
            return false;
        }

        public long restLatest() {
            long latest = EventTimes.NONE;
            for (T e : rest) {
                latest = Math.max(latest, time.of(e));
            }
            return latest;
        }
    }

    /** Removes the events at or before {@code timestamp}; returns them in event-time order with the rest. */
    public Taken take(long timestamp) throws Exception {
        Iterable<T> all = state.get();
        List<T> due = new ArrayList<>();
        List<T> rest = new ArrayList<>();
        if (all != null) {
            for (T e : all) {
                (time.of(e) <= timestamp ? due : rest).add(e);
            }
        }
        if (!due.isEmpty()) {
            if (rest.isEmpty()) {
                state.clear();
            } else {
                state.update(rest);
            }
            due.sort(order);
        }
        return new Taken(due, rest);
    }

    /** Removes and returns, in event-time order, the events at or before {@code timestamp}. */
    public List<T> takeUntil(long timestamp) throws Exception {
        return take(timestamp).due;
    }

    /** The latest time among the waiting events, or {@link EventTimes#NONE}. */
    public long latest() throws Exception {
        long latest = EventTimes.NONE;
        Iterable<T> all = state.get();
        if (all != null) {
            for (T e : all) {
                latest = Math.max(latest, time.of(e));
            }
        }
        return latest;
    }

    /** The earliest time among the waiting events, or {@link EventTimes#NONE}. */
    public long earliest() throws Exception {
        long earliest = Long.MAX_VALUE;
        boolean any = false;
        Iterable<T> all = state.get();
        if (all != null) {
            for (T e : all) {
                earliest = Math.min(earliest, time.of(e));
                any = true;
            }
        }
        return any ? earliest : EventTimes.NONE;
    }

    /** Whether an event waits for exactly {@code t} (its timer shares that timestamp). */
    public boolean hasAt(long t) throws Exception {
        Iterable<T> all = state.get();
        if (all != null) {
            for (T e : all) {
                if (time.of(e) == t) {
                    return true;
                }
            }
        }
        return false;
    }

    public boolean isEmpty() throws Exception {
        Iterable<T> all = state.get();
        return all == null || !all.iterator().hasNext();
    }

    /** Whether {@code eventTime} is behind {@code watermark} by more than {@code allowedLateness}. */
    public static boolean tooLate(long eventTime, long watermark, long allowedLateness) {
        return watermark != Long.MIN_VALUE && eventTime < watermark - allowedLateness;
    }
}
