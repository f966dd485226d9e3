package org.gridgov.simulator.generator;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.SplittableRandom;
import org.gridgov.common.model.CaseStatus;

/**
 * Deadline and progress of a 12345 case as the platform exports it at the end of the period.
 *
 * <p>Overdue (the rule of {@code OdsMapper.isOverdue}): closed after the deadline, or not closed and the reply time
 * (else the accept time) after the deadline. {@link #onTime} never produces that, {@link #overdue} always does, so
 * the planted overdue set is exact. Steps that would happen after the export are not there yet: a case whose reply
 * is still to come is ASSIGNED, not late.
 */
final class HotlineLifecycle {

    /** Timing of one case; reply and close are null when not reached by the export. */
    record Lifecycle(
            LocalDateTime deadline,
            CaseStatus status,
            LocalDateTime reply,
            LocalDateTime close,
            Integer satisfaction) {}

    /** Working days to the deadline by urgency: 紧急 3, 较急 5, 一般 10, 咨询建议 15. */
    private static final int[] URGENCY_DAYS = {3, 5, 10, 15};

    private static final int[] URGENCY_WEIGHT = {15, 30, 40, 15};

    private final LocalDateTime export;

    HotlineLifecycle(LocalDateTime export) {
        this.export = export;
    }

    static LocalDateTime deadline(LocalDateTime accept, SplittableRandom r) {
        int x = r.nextInt(100);
        int i = 0;
        while (x >= URGENCY_WEIGHT[i]) {
            x -= URGENCY_WEIGHT[i];
            i++;
        }
        return PeriodCalendar.addWorkingDays(accept, URGENCY_DAYS[i]);
    }

    /** A case handled within its deadline; its status is what had happened by the export. */
    /**
     * {@code life} of a case accepted at {@code accept}, closed before {@code next} (the caller's next call) if it was
     * not already: replied and closed at 30 % and 60 % of the time in between, still before its deadline.
     */
    static Lifecycle closedBefore(Lifecycle life, LocalDateTime accept, LocalDateTime next) {
        if (life.status() == CaseStatus.CLOSED
                && life.close() != null
                && life.close().isBefore(next)) {
            return life;
        }
        long gap = Duration.between(accept, next).toSeconds();
        LocalDateTime close = accept.plusSeconds(Math.max(2, gap * 6 / 10));
        LocalDateTime reply = accept.plusSeconds(Math.max(1, gap * 3 / 10));
        return new Lifecycle(
                life.deadline(),
                CaseStatus.CLOSED,
                reply,
                close,
                life.satisfaction() != null ? life.satisfaction() : 4);
    }

    Lifecycle onTime(LocalDateTime accept, SplittableRandom r) {
        LocalDateTime deadline = deadline(accept, r);
        long span = Duration.between(accept, deadline).toSeconds();
        LocalDateTime assign = accept.plusSeconds(300 + r.nextInt(4 * 3600));
        LocalDateTime reply = accept.plusSeconds((long) (span * (0.1 + 0.6 * r.nextDouble())));
        // strictly before the deadline, at least a minute
        long toDeadline = Duration.between(reply, deadline).toSeconds();
        LocalDateTime close = reply.plusSeconds(Math.max(60, (long) (toDeadline * (0.05 + 0.85 * r.nextDouble()))));
        if (!close.isBefore(deadline)) {
            close = deadline.minusSeconds(60);
        }
        int rating = r.nextInt(100);
        if (close.isBefore(export)) {
            return new Lifecycle(deadline, CaseStatus.CLOSED, reply, close, satisfaction(rating, r));
        }
        if (reply.isBefore(export)) {
            return new Lifecycle(deadline, CaseStatus.REPLIED, reply, null, null);
        }
        if (assign.isBefore(export)) {
            return new Lifecycle(deadline, CaseStatus.ASSIGNED, null, null, null);
        }
        return new Lifecycle(deadline, CaseStatus.ACCEPTED, null, null, null);
    }

    /**
     * A case finished late: closed after the deadline or, if {@code closedLate} is false, replied after it and not
     * closed. The caller picks an accept time early enough that the late step still falls before the export.
     */
    Lifecycle overdue(LocalDateTime accept, boolean closedLate, SplittableRandom r) {
        // urgent cases only, so the deadline comes within a week and the late step fits in the period
        LocalDateTime deadline = PeriodCalendar.addWorkingDays(accept, r.nextBoolean() ? 3 : 5);
        if (!deadline.isBefore(export)) {
            throw new IllegalArgumentException("accept time " + accept + " is too late to plant an overdue case");
        }
        long late = 3600L + r.nextInt(72 * 3600);
        long room = Duration.between(deadline, export).toSeconds() - 60;
        LocalDateTime lateStep = deadline.plusSeconds(Math.max(1, Math.min(late, room)));
        if (closedLate) {
            long span = Duration.between(accept, deadline).toSeconds();
            LocalDateTime reply = accept.plusSeconds((long) (span * (0.4 + 0.5 * r.nextDouble())));
            return new Lifecycle(deadline, CaseStatus.CLOSED, reply, lateStep, 1 + r.nextInt(3));
        }
        return new Lifecycle(deadline, CaseStatus.REPLIED, lateStep, null, null);
    }

    /** Most callers who rate are satisfied; about 15 % do not rate. */
    private static Integer satisfaction(int x, SplittableRandom r) {
        if (x < 15) {
            return null;
        }
        int y = r.nextInt(100);
        if (y < 55) {
            return 5;
        }
        if (y < 80) {
            return 4;
        }
        if (y < 90) {
            return 3;
        }
        return y < 95 ? 2 : 1;
    }
}
