package org.gridgov.streaming.alerts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.streaming.api.TimerService;

/**
 * Events of one key waiting for the watermark, so a keyed rule sees them in event-time order whatever order the
 * Kafka partitions delivered them in. Order within the same millisecond is by record id, so a replay decides the
 * same way. Wraps the key's {@link ListState}; lists are short (the events of one key between two watermarks).
 *
 * <p>One wake-up timer per key (issue 15; {@link #add(Object, TimerService, Keep)} and {@link #drain}): the key's
 * timer sits at its earliest waiting time, and when it fires every event up to the watermark is taken, in the order
 * a timer per event gave (time, then the tie-break), and the timer moves to the earliest event still waiting. With a
 * timer per event, the timer heap held every waiting event and every event cost a heap insert and a poll; now a key
 * costs one timer operation per watermark that passes its events. A caller whose own timers must interleave with the
 * events (the case deadlines) walks the taken events step by step itself.
 */
public final class PendingEvents<T> {

    /** Reads an event's time. */
    @FunctionalInterface
    public interface Time<T> {
        long of(T event);
    }

    /** The key's timer that must never be deleted (its cleanup timer, which may share a timestamp), or NONE. */
    @FunctionalInterface
    public interface Keep {
        long timer() throws Exception;
    }

    private final ListState<T> state;
    /** The key's wake-up timer (one-timer mode), null when none is registered. */
    private final ValueState<Long> wake;

    private final Time<T> time;
    private final Comparator<T> order;

    /** One wake-up timer per key, kept in {@code wake}. */
    public PendingEvents(ListState<T> state, ValueState<Long> wake, Time<T> time, Comparator<T> tieBreak) {
        this.state = state;
        this.wake = wake;
        this.time = time;
        this.order = Comparator.<T>comparingLong(time::of).thenComparing(tieBreak);
    }

    /**
     * Adds a waiting event and keeps the key's one wake-up timer at the earliest waiting time: registered when the key
     * has none, moved (deleted and registered) only when this event is earlier than it. {@code keep} is asked only then:
     * Flink keeps one timer per key and timestamp, so a wake-up sharing the cleanup timer's timestamp stays.
     */
    public void add(T event, TimerService timers, Keep keep) throws Exception {
        state.add(event);
        long t = time.of(event);
        Long at = wake.value();
        if (at != null && at <= t) {
            return;
        }
        if (at != null && at != keep.timer()) {
            timers.deleteEventTimeTimer(at);
        }
        timers.registerEventTimeTimer(t);
        wake.update(t);
    }

    /**
     * Call when any of the key's timers fires, with the current watermark: removes every event at or before it and
     * returns them in event-time order with the rest, and registers the wake-up at the earliest event left (none when
     * none is). A timer of an older layout (one per event) firing just finds nothing new, or drains early.
     */
    public Taken drain(long watermark, TimerService timers) throws Exception {
        Taken taken = take(watermark);
        Long at = wake.value();
        if (at != null && at <= watermark) {
            at = null; // fired (now, or earlier in this watermark's round of timers)
        }
        if (taken.rest.isEmpty()) {
            if (at == null) {
                wake.clear();
            }
            return taken;
        }
        long next = Long.MAX_VALUE;
        for (T e : taken.rest) {
            next = Math.min(next, time.of(e));
        }
        if (at == null || next < at) {
            timers.registerEventTimeTimer(next);
            wake.update(next);
        }
        return taken;
    }

    /** The time of the key's registered wake-up timer, {@link EventTimes#NONE} when none is registered. */
    public long wakeAt() throws Exception {
        Long at = wake.value();
        return at == null ? EventTimes.NONE : at;
    }

    /** The events taken out (in event-time order) and those still waiting, read with one state access. */
    public final class Taken {
        public final List<T> due;
        public final List<T> rest;

        Taken(List<T> due, List<T> rest) {
            this.due = due;
            this.rest = rest;
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
    private Taken take(long timestamp) throws Exception {
        Iterable<T> all = state.get();
        // most keys wait with one event or none: lists only when something goes in them
        List<T> due = List.of();
        List<T> rest = List.of();
        if (all != null) {
            for (T e : all) {
                if (time.of(e) <= timestamp) {
                    due = due.isEmpty() ? new ArrayList<>(4) : due;
                    due.add(e);
                } else {
                    rest = rest.isEmpty() ? new ArrayList<>(4) : rest;
                    rest.add(e);
                }
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

    public boolean isEmpty() throws Exception {
        Iterable<T> all = state.get();
        return all == null || !all.iterator().hasNext();
    }

    /** Whether {@code eventTime} is behind {@code watermark} by more than {@code allowedLateness}. */
    public static boolean tooLate(long eventTime, long watermark, long allowedLateness) {
        return watermark != Long.MIN_VALUE && eventTime < watermark - allowedLateness;
    }
}
