package org.gridgov.cases.cockpit;

import java.util.List;

/**
 * What the cockpit page draws, as JSON (snake_case like the rest of the service). A panel the user may not see has
 * {@code rows == null} and a note saying why; a panel with no data for the month has an empty list.
 *
 * @param state    OK, NOT_CONFIGURED (no warehouse URL), EMPTY (no statistics yet), UNAVAILABLE (query failed) or
 *                 OUT_OF_SCOPE (the user's area is finer than a street)
 * @param message  the reason shown instead of the charts when state is not OK
 * @param areaName the area the figures are for
 */
public record CockpitView(
        String state,
        String message,
        String areaName,
        Kpis kpis,
        Panel<TrendPoint> trend,
        Panel<Slice> categories,
        Panel<StreetBar> streets,
        Panel<HotWord> hotWords,
        Panel<AlertRow> alerts,
        Panel<Slice> personRisk) {

    public static final String OK = "OK";
    public static final String NOT_CONFIGURED = "NOT_CONFIGURED";
    public static final String EMPTY = "EMPTY";
    public static final String UNAVAILABLE = "UNAVAILABLE";
    public static final String OUT_OF_SCOPE = "OUT_OF_SCOPE";

    public static CockpitView nothing(String state, String message, String areaName) {
        return new CockpitView(state, message, areaName, null, null, null, null, null, null, null);
    }

    /** One panel's rows for {@code month}; {@code rows == null} means hidden for this user, see {@code note}. */
    public record Panel<T>(String month, List<T> rows, String note) {

        public static <T> Panel<T> hidden(String note) {
            return new Panel<>(null, null, note);
        }

        public static <T> Panel<T> of(String month, List<T> rows) {
            return new Panel<>(month, rows, rows.isEmpty() ? "本月暂无数据" : null);
        }
    }

    /** 受理/承办/办结/超期/办结率/满意率 of the latest month, with 环比 and 同比 where the warehouse has them. */
    public record Kpis(
            String month,
            int accepted,
            int handled,
            int closed,
            int overdue,
            Double closeRate,
            Double satisfactionRate,
            Double acceptedMom,
            Double acceptedYoy,
            Double closeRateMom,
            Double overdueMom,
            Integer petitions,
            Double petitionMom) {}

    public record TrendPoint(String month, int accepted, int closed, int overdue) {}

    public record Slice(String code, String name, double value) {}

    public record StreetBar(
            String code, String name, int accepted, int closed, int overdue, double closeRate, int petitions) {}

    public record HotWord(String word, double weight, int docCount) {}

    public record AlertRow(
            String alertId,
            String rule,
            String level,
            String levelLabel,
            String message,
            String eventTime,
            String areaName) {}
}
