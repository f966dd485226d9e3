package org.gridgov.simulator.generator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.gridgov.common.model.SourceType;

/**
 * Days of the spec's period and when things happen on them: per-source weekday/weekend volumes and hour-of-day
 * profiles weighted to working hours (offices) or to the evening (police).
 */
final class PeriodCalendar {

    /** Relative volume per hour 0..23. */
    private static final double[] OFFICE = {
        0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 2, 8, 14, 15, 13, 6, 8, 13, 14, 13, 10, 4, 2, 1.5, 1, 0.6, 0.3
    };

    private static final double[] CITIZEN = {
        1, 0.6, 0.4, 0.3, 0.3, 0.5, 2, 5, 11, 14, 14, 12, 8, 9, 12, 12, 11, 9, 7, 6, 5, 4, 3, 2
    };
    private static final double[] EVENING = {
        4, 3, 2, 1.5, 1, 1, 2, 4, 6, 7, 7, 7, 7, 7, 7, 7, 8, 9, 10, 11, 12, 11, 9, 6
    };

    private final LocalDate firstDay;
    private final int days;
    private final LocalDateTime end;
    private final double[][] cumulativeHours = new double[SourceType.values().length][];

    PeriodCalendar(GeneratorSpec spec) {
        this.firstDay = spec.firstDay();
        this.end = spec.periodEnd();
        this.days = (int) ChronoUnit.DAYS.between(firstDay, end.toLocalDate());
        for (SourceType s : SourceType.values()) {
            cumulativeHours[s.ordinal()] = cumulative(
                    switch (s) {
                        case HOTLINE -> CITIZEN;
                        case POLICE -> EVENING;
                        case PETITION, ARREARS, GRID -> OFFICE;
                    });
        }
    }

    int days() {
        return days;
    }

    LocalDate date(int day) {
        return firstDay.plusDays(day);
    }

    LocalDateTime start(int day) {
        return date(day).atStartOfDay();
    }

    /** Exclusive end of the period. */
    LocalDateTime end() {
        return end;
    }

    /** Relative volume of a source on a day: offices are quiet at weekends, police are busier. */
    double dayWeight(SourceType source, int day) {
        DayOfWeek w = date(day).getDayOfWeek();
        boolean weekend = w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY;
        if (!weekend) {
            return 1.0;
        }
        return switch (source) {
            case HOTLINE -> 0.6;
            case PETITION, ARREARS -> 0.25;
            case GRID -> 0.35;
            case POLICE -> 1.15;
        };
    }

    double[] dayWeights(SourceType source) {
        double[] w = new double[days];
        for (int d = 0; d < days; d++) {
            w[d] = dayWeight(source, d);
        }
        return w;
    }

    /** A second on the day, drawn from the source's hour profile. */
    LocalDateTime timeOn(int day, SourceType source, SplittableRandom r) {
        double[] cum = cumulativeHours[source.ordinal()];
        double x = r.nextDouble() * cum[cum.length - 1];
        int hour = 0;
        while (cum[hour] <= x) {
            hour++;
        }
        return start(day).plusSeconds(hour * 3600L + r.nextInt(3600));
    }

    /** Adds working days (Monday to Friday), keeping the time of day; public holidays are not modelled. */
    static LocalDateTime addWorkingDays(LocalDateTime t, int n) {
        LocalDateTime x = t;
        int added = 0;
        while (added < n) {
            x = x.plusDays(1);
            DayOfWeek w = x.getDayOfWeek();
            if (w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY) {
                added++;
            }
        }
        return x;
    }

    private static double[] cumulative(double[] weights) {
        double[] c = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            c[i] = sum;
        }
        return c;
    }
}
