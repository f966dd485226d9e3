package org.gridgov.simulator.generator;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Per-source bookkeeping of which residents background records may use. A resident reserved for a scenario is never
 * used by the background of that source; with a minimum gap, a resident's third background record must come more
 * than {@code minGapDays} after their first-but-one, so no background resident ever has three records of the source
 * within 30 days — the repeat-petitioner and repeat-caller definitions stay exact.
 */
final class PersonLedger {

    private static final int NEVER = Integer.MIN_VALUE / 2;

    private final int minGapDays;
    private final BitSet reserved = new BitSet();
    private final int[] previous;
    private final int[] last;

    PersonLedger(int members, int minGapDays) {
        this.minGapDays = minGapDays;
        this.previous = new int[minGapDays > 0 ? members : 0];
        this.last = new int[minGapDays > 0 ? members : 0];
        Arrays.fill(previous, NEVER);
        Arrays.fill(last, NEVER);
    }

    void reserve(int member) {
        reserved.set(member);
    }

    /** Records a background use on {@code day} if allowed; days must not decrease between calls. */
    boolean tryUse(int member, int day) {
        if (reserved.get(member)) {
            return false;
        }
        if (minGapDays <= 0) {
            return true;
        }
        if (day - previous[member] <= minGapDays) {
            return false;
        }
        previous[member] = last[member];
        last[member] = day;
        return true;
    }
}
