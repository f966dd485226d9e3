package org.gridgov.cases.assessment;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a {@link RuleDraft} against the rules of rules, without the database: every problem is named (the page lists
 * them all at once), and a draft without problems becomes a {@link Checked} version to publish. Whether the base
 * version is still the newest is the service's question, under its lock.
 */
public final class RuleValidation {

    /** The points of a level's items add up to this. */
    public static final double TOTAL_WEIGHT = 100;
    /** Longest item name (the column and the warehouse's item_name are 64 characters). */
    public static final int MAX_NAME = 64;

    public static final int MAX_NOTE = 200;
    /** How far ahead a version may be planned. */
    public static final int MAX_MONTHS_AHEAD = 24;

    private static final double EPSILON = 1e-6;
    /** Items measured as a share 0..1, whose target cannot exceed 1. */
    private static final Set<AssessmentItem> RATES =
            EnumSet.of(AssessmentItem.SATISFACTION, AssessmentItem.ATTENDANCE, AssessmentItem.PATROL_COVERAGE);

    /** A problem: the field as the request names it, and the sentence the user reads. */
    public record Problem(String field, String message) {}

    /** A draft that passed: ready to publish on top of {@code baseVersion}. */
    public record Checked(
            AssessmentLevel level, YearMonth validFrom, int baseVersion, String note, List<RuleItem> items) {}

    /** Either {@code checked} or a non-empty list of problems. */
    public record Result(Checked checked, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }

        /** The problems as one sentence each, joined: what a 400 answer and the page's error say. */
        public String message() {
            return String.join("；", problems.stream().map(Problem::message).toList());
        }
    }

    private RuleValidation() {}

    /** {@code currentMonth}: the month now, by the service clock; only later months may get new rules. */
    public static Result check(RuleDraft draft, YearMonth currentMonth) {
        List<Problem> problems = new ArrayList<>();
        AssessmentLevel level = AssessmentLevel.of(draft.level()).orElse(null);
        if (level == null) {
            problems.add(new Problem("level", "考核层级须为 GRID_WORKER、COMMUNITY、STREET 或 DEPARTMENT"));
        }
        YearMonth from = month(draft.validFrom());
        if (from == null) {
            problems.add(new Problem("valid_from", "生效月份须为 yyyy-MM 格式（从该月 1 日起生效）"));
        } else if (!from.isAfter(currentMonth)) {
            problems.add(new Problem(
                    "valid_from", "生效月份 " + from + " 不晚于本月 " + currentMonth + "：已开始或已过去的月份按当时的规则考核，修改只能从以后某月 1 日起生效"));
        } else if (from.isAfter(currentMonth.plusMonths(MAX_MONTHS_AHEAD))) {
            problems.add(new Problem("valid_from", "生效月份最多提前 " + MAX_MONTHS_AHEAD + " 个月"));
        }
        if (draft.baseVersion() == null) {
            problems.add(new Problem("base_version", "base_version 为必填：所修改的版本号"));
        }
        String note = draft.note() == null ? "" : draft.note().strip();
        if (note.codePointCount(0, note.length()) > MAX_NOTE) {
            problems.add(new Problem("note", "修改说明不能超过 " + MAX_NOTE + " 个字"));
        }
        List<RuleItem> items = items(draft.items(), level, problems);
        if (!problems.isEmpty()) {
            return new Result(null, List.copyOf(problems));
        }
        return new Result(
                new Checked(level, from, draft.baseVersion(), note.isEmpty() ? null : note, items), List.of());
    }

    private static List<RuleItem> items(List<RuleDraft.Item> drafts, AssessmentLevel level, List<Problem> problems) {
        List<RuleItem> items = new ArrayList<>();
        if (drafts == null || drafts.isEmpty()) {
            problems.add(new Problem("items", "至少需要一个考核项"));
            return items;
        }
        int max = level == null ? AssessmentItem.values().length : level.items().size();
        if (drafts.size() > max) {
            problems.add(new Problem("items", "考核项最多 " + max + " 个"));
            return items;
        }
        Set<AssessmentItem> seen = new HashSet<>();
        double sum = 0;
        boolean weightsKnown = true;
        for (int i = 0; i < drafts.size(); i++) {
            RuleDraft.Item d = drafts.get(i);
            String at = "第 " + (i + 1) + " 项";
            if (d == null) {
                problems.add(new Problem("items", at + "为空"));
                weightsKnown = false;
                continue;
            }
            AssessmentItem item = AssessmentItem.of(d.itemCode()).orElse(null);
            if (item == null) {
                problems.add(new Problem("item_code", at + "：考核项编码 " + shown(d.itemCode()) + " 不在考核项清单中"));
            } else if (level != null && !level.items().contains(item)) {
                problems.add(new Problem("item_code", at + "：" + level.label() + "考核不适用 " + item.name()));
            } else if (!seen.add(item)) {
                problems.add(new Problem("item_code", at + "：考核项 " + item.name() + " 重复"));
            }
            String name = d.itemName() == null ? "" : d.itemName().strip();
            if (name.isEmpty()) {
                problems.add(new Problem("item_name", at + "：名称不能为空"));
            } else if (name.codePointCount(0, name.length()) > MAX_NAME) {
                problems.add(new Problem("item_name", at + "：名称不能超过 " + MAX_NAME + " 个字"));
            }
            Double weight = number(d.weight());
            if (weight == null) {
                problems.add(new Problem("weight", at + "：分值须为数字"));
                weightsKnown = false;
            } else if (weight <= 0 || weight > TOTAL_WEIGHT) {
                problems.add(new Problem("weight", at + "：分值须大于 0、不超过 100"));
            } else {
                sum += weight;
            }
            Double target = number(d.target());
            if (target == null) {
                problems.add(new Problem("target", at + "：目标值须为数字"));
            } else if (target <= 0) {
                problems.add(new Problem("target", at + "：目标值须大于 0"));
            } else if (item != null && RATES.contains(item) && target > 1) {
                problems.add(new Problem("target", at + "：" + item.name() + " 是比率，目标值须在 0 到 1 之间"));
            } else if (target > 1e9) {
                problems.add(new Problem("target", at + "：目标值过大"));
            }
            ScoringMethod method = ScoringMethod.of(d.method()).orElse(null);
            if (method == null) {
                problems.add(new Problem("method", at + "：计分方法须为 RATIO_TO_TARGET、INVERSE_COUNT 或 THRESHOLD"));
            }
            if (item != null && weight != null && target != null && method != null) {
                items.add(new RuleItem(item, name, weight, target, method, method.direction()));
            }
        }
        if (weightsKnown && Math.abs(sum - TOTAL_WEIGHT) > EPSILON) {
            problems.add(new Problem("weight", "各项分值合计须为 100，现为 " + format(sum)));
        }
        return items;
    }

    /** {@code yyyy-MM}, or a month's first day {@code yyyy-MM-01}; null otherwise. */
    static YearMonth month(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            if (t.length() == 7) {
                return YearMonth.parse(t);
            }
            LocalDate d = LocalDate.parse(t);
            return d.getDayOfMonth() == 1 ? YearMonth.from(d) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Double number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            double v = Double.parseDouble(text.strip());
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String format(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(Math.round(v * 1e6) / 1e6);
    }

    private static String shown(String code) {
        if (code == null || code.isBlank()) {
            return "（空）";
        }
        String c = code.strip();
        return c.length() > 40 ? c.substring(0, 40) + "…" : c;
    }
}
