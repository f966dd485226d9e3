package org.gridgov.streaming.alerts.person;

import java.util.OptionalLong;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.streaming.api.TimerService;
import org.gridgov.streaming.alerts.EventTimes;

/**
 * One lazily moved cleanup timer per key (issue 15, timers coalesced per key). Every event moves a key's cleanup time
 * later; deleting the old timer and registering a new one on each event cost two timer-queue operations per event.
 * Instead the registered timer stays where it is and, when it fires before the cleanup time, is registered again at
 * the cleanup time then; only a cleanup time that moved earlier registers at once. Cleanup times are rounded up to the
 * minute, so a key keeps its state at most a minute of event time longer than its content needs.
 *
 * <p>A timer left behind by an earlier cleanup time fires and is ignored (its time is not the key's
 * {@code cleanupTimer}); nothing is ever deleted, so a pending event's timer at the same timestamp is never lost.
 */
final class CleanupTimer {

    static final long MINUTE = 60_000L;

    private CleanupTimer() {}

    /** A key's state that carries its cleanup time and its registered cleanup timer. */
    interface Owner {
        /** When everything in the state has expired (rounded up to the minute). */
        long cleanupAt();

        /** The registered cleanup timer, at or before {@link #cleanupAt()}; NONE when none is. */
        long cleanupTimer();

        void cleanupTimer(long registered);
    }

    /**
     * The tail of a keyed rule's {@code onTimer}, after the key's due events were applied: when the timer firing at
     * {@code timestamp} is the key's cleanup timer, forgets the key (clears {@code state}) if everything in it has
     * expired and no event waits, or keeps the key's next cleanup timer in it. Any other timer (a wake-up, a timer left
     * behind by an earlier cleanup time) changes nothing. {@code s}: the key's state, null when it has none.
     */
    static <S extends Owner> void afterTimer(
            long timestamp, S s, boolean eventsWait, ValueState<S> state, TimerService timers) throws Exception {
        if (s == null || !fires(timestamp, s.cleanupAt(), s.cleanupTimer())) {
            return;
        }
        OptionalLong next = afterFiring(timestamp, s.cleanupAt(), eventsWait, timers);
        if (next.isEmpty()) {
            // everything in it has expired: the key is forgotten
            state.clear();
            return;
        }
        s.cleanupTimer(next.getAsLong());
        state.update(s);
    }

    /** {@code t} rounded up to the next full minute of epoch time ({@link EventTimes#NONE} stays). */
    static long roundUp(long t) {
        if (t == EventTimes.NONE) {
            return t;
        }
        return Math.floorDiv(t + MINUTE - 1, MINUTE) * MINUTE;
    }

    /**
     * Whether a timer firing at {@code timestamp} is the key's cleanup timer: the one registered, or, when none is
     * (pending events re-arm it, or the state was restored from before the lazy timer), any timer at or after the
     * cleanup time.
     */
    private static boolean fires(long timestamp, long cleanupAt, long registered) {
        return timestamp == registered || (registered == EventTimes.NONE && timestamp >= cleanupAt);
    }

    /**
     * What the key's cleanup timer firing at {@code timestamp} leaves (call when {@link #fires} says it is that timer):
     * empty when the key's state is due and no event waits in it, so the state is to be cleared; otherwise the key's
     * registered cleanup timer from now on — {@link EventTimes#NONE} while waiting events hold the state (applying them
     * registers the next one), or a timer at {@code cleanupAt} when the cleanup time moved later since registering.
     */
    private static OptionalLong afterFiring(long timestamp, long cleanupAt, boolean eventsWait, TimerService timers) {
        if (timestamp >= cleanupAt) {
            return eventsWait ? OptionalLong.of(EventTimes.NONE) : OptionalLong.empty();
        }
        return OptionalLong.of(ensure(cleanupAt, EventTimes.NONE, timers));
    }

    /**
     * Makes sure a timer fires at or before {@code cleanupAt}; returns the key's registered cleanup timer.
     * {@code registered}: the one registered so far, or {@link EventTimes#NONE}.
     */
    static long ensure(long cleanupAt, long registered, TimerService timers) {
        if (registered == EventTimes.NONE || cleanupAt < registered) {
            timers.registerEventTimeTimer(cleanupAt);
            return cleanupAt;
        }
        return registered;
    }
}
