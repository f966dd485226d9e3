package org.gridgov.cases.assessment;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gridgov.cases.access.Action;
import org.gridgov.cases.access.Authorization;
import org.gridgov.cases.access.Target;
import org.gridgov.cases.domain.InvalidInputException;
import org.gridgov.cases.domain.Refusals;
import org.gridgov.cases.inbox.WarehouseReader;
import org.gridgov.cases.security.Role;
import org.gridgov.cases.security.Staff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The month's results as the monthly assessment job (batch-jobs, issue 16 part 4) left them in the warehouse:
 * a grid worker's score card from {@code ads_grid_worker_assessment} (total, rank, rule version, each item's raw value
 * and points in the columns {@code <item_code>_raw} / {@code <item_code>_points}, manual points, anomaly flags),
 * the rankings of a leader's area, and the cockpit's top and bottom five. The items are labelled from the rule version
 * the row names. No row yet (the job has not run, or the warehouse is not configured) is an empty state, not an error.
 */
@Component
public class ScoreCards {

    private static final Logger LOG = LoggerFactory.getLogger(ScoreCards.class);
    static final String WORKER_TABLE = "ads_grid_worker_assessment";
    static final String UNIT_TABLE = "ads_unit_assessment";
    /** Rows at most in a ranking. */
    static final int MAX_RANKED = 500;
    /** The cockpit panel's top and bottom. */
    public static final int PANEL_SIZE = 5;

    /** One item of a score card. */
    public record ItemScore(String code, String name, double weight, Double raw, Double points) {}

    /** A grid worker's month. */
    public record Card(
            String month,
            String workerId,
            String gridCode,
            String gridName,
            Double total,
            Integer rank,
            Integer ruleVersion,
            String ruleScope,
            Double manualPoints,
            List<String> anomalies,
            List<ItemScore> items,
            List<ManualScores.ManualScore> manualScores) {}

    /** A row of a ranking: rank in the district (from the job) and in the shown list. */
    public record Ranked(int position, Integer rank, String code, String name, Double total, List<String> anomalies) {}

    /** The cockpit panel: the latest assessed month in the user's area, its best and worst workers. */
    public record Panel(boolean visible, String month, List<Ranked> top, List<Ranked> bottom) {
        public boolean empty() {
            return month == null;
        }
    }

    private final WarehouseReader warehouse;
    private final Refusals refusals;
    private final AssessmentRules rules;
    private final ManualScores manual;
    private final Subjects subjects;

    public ScoreCards(
            WarehouseReader warehouse,
            Refusals refusals,
            AssessmentRules rules,
            ManualScores manual,
            Subjects subjects) {
        this.warehouse = warehouse;
        this.refusals = refusals;
        this.rules = rules;
        this.manual = manual;
        this.subjects = subjects;
    }

    /**
     * A worker's card for {@code month}: a grid worker's own ({@code workerId} null or theirs), or any worker in a
     * leader's or grid centre's area. Empty when the month has not been assessed.
     */
    public Optional<Card> card(Staff staff, YearMonth month, String workerId) {
        String id = workerId == null || workerId.isBlank()
                ? (staff.role() == Role.GRID_WORKER ? Subjects.workerId(staff.scopeCode()) : null)
                : workerId.strip();
        if (id == null) {
            throw new InvalidInputException("worker_id", "请指定网格员编号 worker_id");
        }
        String grid = Subjects.gridOf(id);
        if (grid == null || subjects.find(AssessmentLevel.GRID_WORKER, id).isEmpty()) {
            throw new InvalidInputException("worker_id", "没有网格员 " + (id.length() > 40 ? id.substring(0, 40) : id));
        }
        refusals.require(
                staff,
                Action.ASSESSMENT_RESULTS,
                new Target.Assessment(AssessmentLevel.GRID_WORKER.name(), grid, null),
                "ASSESSMENT",
                id);
        List<Map<String, Object>> rows =
                read("SELECT * FROM " + WORKER_TABLE + " WHERE month = ? AND worker_id = ?", month.toString(), id);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> r = rows.get(0);
        Integer version = integer(r.get("rule_version"));
        // the scope whose version scored the row (the job's rule_scope: the district's or the worker's street's; a
        // table written before scopes existed has none: the district's)
        String scope = r.get("rule_scope") == null
                ? AssessmentRules.DISTRICT_SCOPE
                : r.get("rule_scope").toString();
        List<ItemScore> items = new ArrayList<>();
        if (version != null) {
            rules.version(AssessmentLevel.GRID_WORKER, scope, version).ifPresent(v -> {
                for (RuleItem i : v.items()) {
                    String col = i.item().name().toLowerCase(Locale.ROOT);
                    items.add(new ItemScore(
                            i.item().name(),
                            i.name(),
                            i.weight(),
                            number(r.get(col + "_raw")),
                            number(r.get(col + "_points"))));
                }
            });
        }
        List<ManualScores.ManualScore> given = manual.all().stream()
                .filter(s -> s.month().equals(month.toString())
                        && s.level() == AssessmentLevel.GRID_WORKER
                        && s.subjectCode().equals(id)
                        && !s.revoked())
                .toList();
        return Optional.of(new Card(
                month.toString(),
                id,
                grid,
                subjects.name(AssessmentLevel.GRID_WORKER, id),
                number(r.get("total_score")),
                integer(r.get("rank")),
                version,
                version == null ? null : scope,
                number(r.get("manual_points")),
                flags(r.get("anomaly_flags")),
                items,
                given));
    }

    /** The grid workers of the user's area, best first. */
    public List<Ranked> workers(Staff staff, YearMonth month) {
        requireRanking(staff, AssessmentLevel.GRID_WORKER);
        return ranked(
                read(
                        "SELECT worker_id AS code, total_score, `rank`, anomaly_flags FROM " + WORKER_TABLE
                                + " WHERE month = ? AND grid_code LIKE ? ORDER BY total_score DESC, worker_id LIMIT "
                                + MAX_RANKED,
                        month.toString(),
                        staff.scopeCode() + "%"),
                AssessmentLevel.GRID_WORKER);
    }

    /** Communities, streets or departments of the user's area, best first. */
    public List<Ranked> units(Staff staff, YearMonth month, AssessmentLevel level) {
        if (level == AssessmentLevel.GRID_WORKER) {
            return workers(staff, month);
        }
        requireRanking(staff, level);
        String prefix = level == AssessmentLevel.DEPARTMENT ? "" : staff.scopeCode();
        return ranked(
                read(
                        "SELECT unit_code AS code, total_score, `rank` FROM " + UNIT_TABLE
                                + " WHERE month = ? AND level = ? AND unit_code LIKE ? ORDER BY total_score DESC, unit_code LIMIT "
                                + MAX_RANKED,
                        month.toString(),
                        level.name(),
                        prefix + "%"),
                level);
    }

    /**
     * The cockpit's panel for the user's area: the latest assessed month, its top and bottom {@value #PANEL_SIZE}
     * grid workers. Not visible to a user who may not read rankings; empty before the first assessment.
     */
    public Panel cockpit(Staff staff) {
        if (staff == null
                || !Authorization.allows(
                        staff,
                        Action.ASSESSMENT_RESULTS,
                        new Target.Assessment(AssessmentLevel.GRID_WORKER.name(), staff.scopeCode(), null))
                || staff.role() == Role.GRID_WORKER) {
            return new Panel(false, null, List.of(), List.of());
        }
        List<Map<String, Object>> latest = read(
                "SELECT MAX(month) AS m FROM " + WORKER_TABLE + " WHERE grid_code LIKE ?", staff.scopeCode() + "%");
        Object m = latest.isEmpty() ? null : latest.get(0).get("m");
        if (m == null) {
            return new Panel(true, null, List.of(), List.of());
        }
        List<Ranked> all = workers(staff, YearMonth.parse(m.toString()));
        List<Ranked> top = all.subList(0, Math.min(PANEL_SIZE, all.size()));
        List<Ranked> bottom = new ArrayList<>(all.subList(Math.max(top.size(), all.size() - PANEL_SIZE), all.size()));
        java.util.Collections.reverse(bottom);
        return new Panel(true, m.toString(), List.copyOf(top), List.copyOf(bottom));
    }

    private void requireRanking(Staff staff, AssessmentLevel level) {
        if (staff.role() == Role.GRID_WORKER) {
            throw refusals.refuse(
                    staff, Action.ASSESSMENT_RESULTS.auditName(), "ASSESSMENT", level.name(), "网格员只能查看本人的考核结果");
        }
        refusals.require(
                staff,
                Action.ASSESSMENT_RESULTS,
                new Target.Assessment(
                        level.name(), level == AssessmentLevel.DEPARTMENT ? null : staff.scopeCode(), null),
                "ASSESSMENT",
                level.name());
    }

    private List<Ranked> ranked(List<Map<String, Object>> rows, AssessmentLevel level) {
        List<Ranked> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            String code = String.valueOf(r.get("code"));
            out.add(new Ranked(
                    out.size() + 1,
                    integer(r.get("rank")),
                    code,
                    subjects.name(level, code),
                    number(r.get("total_score")),
                    flags(r.get("anomaly_flags"))));
        }
        return out;
    }

    /** The warehouse's rows; none when it is not configured or the job has not created its table yet. */
    private List<Map<String, Object>> read(String sql, Object... args) {
        try {
            return warehouse.query(sql, args);
        } catch (DataAccessException e) {
            LOG.debug(
                    "no assessment results to read: {}",
                    e.getMostSpecificCause().toString());
            return List.of();
        }
    }

    private static List<String> flags(Object o) {
        if (o == null || o.toString().isBlank()) {
            return List.of();
        }
        return Arrays.stream(o.toString().split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static Double number(Object o) {
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        if (o == null) {
            return null;
        }
        try {
            return Double.parseDouble(o.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer integer(Object o) {
        Double d = number(o);
        return d == null ? null : d.intValue();
    }
}
