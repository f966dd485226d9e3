package org.gridgov.simulator.generator;

import java.time.Month;

/** The season column of complaints.tsv: ALL, WINTER (Nov–Mar, the heating season), SPRING, SUMMER (rainy), AUTUMN. */
enum Season {
    ALL,
    WINTER,
    SPRING,
    SUMMER,
    AUTUMN;

    /** The season a month belongs to (never ALL). */
    static Season of(Month m) {
        return switch (m) {
            case NOVEMBER, DECEMBER, JANUARY, FEBRUARY, MARCH -> WINTER;
            case APRIL, MAY -> SPRING;
            case JUNE, JULY, AUGUST, SEPTEMBER -> SUMMER;
            case OCTOBER -> AUTUMN;
        };
    }

    /** Whether a template of this season may be used in the month. */
    boolean covers(Month m) {
        return this == ALL || this == of(m);
    }
}
