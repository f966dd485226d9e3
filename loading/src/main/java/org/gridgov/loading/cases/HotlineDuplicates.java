package org.gridgov.loading.cases;

import java.io.Serializable;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.common.json.Json;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.TableRow;
import org.gridgov.warehouse.WarehouseSchema;

/**
 * 重复来电 (issue 19 part 2): a 12345 record repeats an open case when the same caller (salted person key) called about
 * the same category within the window (default 7 days) while that earlier case was still open at the new call's
 * accept time (not closed, or closed later). Its {@code dwd_hotline_case.master_case_id} is then the earliest record
 * of the chain: the earliest such earlier case's own master, or that case itself.
 *
 * <p>Pure: the stream loader keeps the {@link Seen} records of one caller and category in keyed state and asks
 * {@link #master} for each record; the answer depends only on the remembered records, so a replay against the same
 * state writes the same row. Anonymous callers (no key) are never duplicates: there is no person to compare.
 */
public final class HotlineDuplicates {

    public static final Duration DEFAULT_WINDOW = Duration.ofDays(7);

    private static final Table DWD = WarehouseSchema.DWD_HOTLINE_CASE;

    /** Accept order, the case id breaking a tie: the order masters are decided in. */
    public static final Comparator<Seen> EARLIEST =
            Comparator.comparingLong(Seen::acceptedSec).thenComparing(Seen::caseId);

    private final Duration window;

    public HotlineDuplicates(Duration window) {
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("duplicate window must be positive: " + window);
        }
        this.window = window;
    }

    public Duration window() {
        return window;
    }

    /**
     * What is remembered of one record: accepted and closed as seconds of the district's local time (plain longs,
     * so the stream's state holds it without Kryo; {@link #OPEN} while not closed), and the master it was given. A
     * record closed without a close time counts as closed from its acceptance: it can no longer be repeated.
     */
    public record Seen(String caseId, long acceptedSec, long closedSec, String master) implements Serializable {

        public static final long OPEN = Long.MAX_VALUE;

        public Seen {
            Objects.requireNonNull(caseId);
        }

        public LocalDateTime accepted() {
            return LocalDateTime.ofEpochSecond(acceptedSec, 0, ZoneOffset.UTC);
        }

        boolean openAt(LocalDateTime t) {
            return closedSec > seconds(t);
        }

        /** The chain this record belongs to. */
        String root() {
            return master != null ? master : caseId;
        }

        public Seen withMaster(String m) {
            return new Seen(caseId, acceptedSec, closedSec, m);
        }
    }

    /** The state key of a dwd_hotline_case row: caller key and category, or empty for an anonymous caller. */
    public static Optional<String> key(TableRow dwd) {
        String caller = dwd.value(DWD, "caller_key");
        if (caller == null || caller.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(caller + "|" + dwd.value(DWD, "category_code"));
    }

    /** The row's facts as the marker remembers them (its master not yet decided). */
    public static Seen seen(TableRow dwd) {
        LocalDateTime accepted = time(dwd.value(DWD, "accept_time"));
        LocalDateTime closed = time(dwd.value(DWD, "close_time"));
        if (closed == null && "1".equals(dwd.value(DWD, "is_closed"))) {
            closed = accepted;
        }
        return new Seen(
                dwd.value(DWD, "case_id"), seconds(accepted), closed == null ? Seen.OPEN : seconds(closed), null);
    }

    /**
     * The master of {@code r} among the remembered records of its caller and category (r's own earlier version
     * among them is ignored), or null when r repeats no open case. Candidates: accepted before r (the case id breaks
     * a tie), no more than the window before it, open at r's acceptance.
     */
    public String master(Seen r, Collection<Seen> remembered) {
        LocalDateTime from = r.accepted().minus(window);
        return remembered.stream()
                .filter(s -> !s.caseId().equals(r.caseId()))
                .filter(s -> EARLIEST.compare(s, r) < 0 && !s.accepted().isBefore(from))
                .filter(s -> s.openAt(r.accepted()))
                .min(EARLIEST)
                .map(Seen::root)
                .orElse(null);
    }

    /** The row with its master (or none) written into master_case_id and is_duplicate. */
    public static TableRow mark(TableRow dwd, String master) {
        return dwd.with(DWD, "master_case_id", master).with(DWD, "is_duplicate", master == null ? "0" : "1");
    }

    private static long seconds(LocalDateTime t) {
        return t.toEpochSecond(ZoneOffset.UTC);
    }

    private static LocalDateTime time(String text) {
        return text == null ? null : LocalDateTime.parse(text, Json.TIME);
    }
}
