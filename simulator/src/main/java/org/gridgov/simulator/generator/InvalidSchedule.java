package org.gridgov.simulator.generator;

import java.util.Arrays;
import org.gridgov.common.model.SourceType;

/**
 * Decides which of a source's background records are broken and how: exactly {@code invalid} of {@code background}
 * records, spread evenly over the period, defects rotating through the kinds that apply to the source.
 */
final class InvalidSchedule {

    /** A defect to apply and how many of the same kind this source had before (to vary how it is applied). */
    record Planned(Defect defect, long ordinalOfKind) {}

    private final long background;
    private final long invalid;
    private final Defect[] rotation;
    private final long[] perKind = new long[Defect.values().length];
    private long ordinal;
    private long broken;

    InvalidSchedule(SourceType source, long background, long invalid) {
        if (invalid > background) {
            throw new IllegalArgumentException(
                    source + ": cannot break " + invalid + " of " + background + " background records");
        }
        this.background = background;
        this.invalid = invalid;
        this.rotation =
                Arrays.stream(Defect.values()).filter(d -> d.appliesTo(source)).toArray(Defect[]::new);
    }

    /** The defect for the next background record, or null if it stays valid. */
    Planned next() {
        long k = ordinal++;
        if (k >= background) {
            throw new IllegalStateException("more background records than planned (" + background + ")");
        }
        // record k is broken when floor((k+1)·I/B) steps past floor(k·I/B): exactly I steps over B records
        // (products stay far below 2^63: both factors are record counts, at most a few billion)
        boolean breakIt = (k + 1) * invalid / background > k * invalid / background;
        if (!breakIt) {
            return null;
        }
        Defect d = rotation[(int) (broken++ % rotation.length)];
        return new Planned(d, perKind[d.ordinal()]++);
    }
}
