package org.gridgov.cases.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of rules, without a database: every refusal names its reason, and all problems are listed at once. */
class RuleValidationTest {

    static final YearMonth NOW = YearMonth.of(2026, 12);

    static List<RuleDraft.Item> department(String satisfactionWeight) {
        return new ArrayList<>(List.of(
                new RuleDraft.Item("SATISFACTION", "回访满意率", satisfactionWeight, "0.9", "RATIO_TO_TARGET"),
                new RuleDraft.Item("OVERDUE_COUNT", "超期事件数", "35", "5", "INVERSE_COUNT"),
                new RuleDraft.Item("REJECT_COUNT", "被驳回次数", "25", "5", "THRESHOLD")));
    }

    static RuleDraft draft(String from, List<RuleDraft.Item> items) {
        return new RuleDraft("DEPARTMENT", from, 1, "调整", items);
    }

    static List<String> fields(RuleValidation.Result r) {
        return r.problems().stream().map(RuleValidation.Problem::field).toList();
    }

    @Test
    void aDraftFromNextMonthWhoseWeightsMakeOneHundredPasses() {
        RuleValidation.Result r = RuleValidation.check(draft("2027-01", department("40")), NOW);
        assertThat(r.problems()).isEmpty();
        assertThat(r.checked().level()).isEqualTo(AssessmentLevel.DEPARTMENT);
        assertThat(r.checked().validFrom()).isEqualTo(YearMonth.of(2027, 1));
        assertThat(r.checked().items())
                .extracting(RuleItem::method)
                .containsExactly(ScoringMethod.RATIO_TO_TARGET, ScoringMethod.INVERSE_COUNT, ScoringMethod.THRESHOLD);
        assertThat(r.checked().items().get(1).direction()).isEqualTo(ScoringMethod.INVERSE_COUNT.direction());
        // a month's first day is accepted as the month
        assertThat(RuleValidation.check(draft("2027-01-01", department("40")), NOW)
                        .ok())
                .isTrue();
    }

    @Test
    void theWeightsMustSumToOneHundred() {
        RuleValidation.Result r = RuleValidation.check(draft("2027-01", department("41")), NOW);
        assertThat(fields(r)).containsExactly("weight");
        assertThat(r.message()).isEqualTo("各项分值合计须为 100，现为 101");
        assertThat(RuleValidation.check(draft("2027-01", department("39.5")), NOW)
                        .message())
                .contains("现为 99.5");
    }

    @Test
    void aMonthThatHasBegunOrPassedCannotGetNewRules() {
        assertThat(RuleValidation.check(draft("2026-12", department("40")), NOW).message())
                .contains("2026-12 不晚于本月 2026-12");
        assertThat(fields(RuleValidation.check(draft("2025-06", department("40")), NOW)))
                .containsExactly("valid_from");
        assertThat(fields(RuleValidation.check(draft("2027-01-15", department("40")), NOW)))
                .containsExactly("valid_from");
        assertThat(fields(RuleValidation.check(draft("next month", department("40")), NOW)))
                .containsExactly("valid_from");
        assertThat(RuleValidation.check(draft("2029-01", department("40")), NOW).message())
                .contains("最多提前 24 个月");
        assertThat(RuleValidation.check(draft("2028-12", department("40")), NOW).ok())
                .isTrue();
    }

    @Test
    void namesAreAtMostSixtyFourCharactersCountedAsTheReaderCountsThem() {
        List<RuleDraft.Item> items = department("40");
        items.set(0, new RuleDraft.Item("SATISFACTION", "满".repeat(64), "40", "0.9", "RATIO_TO_TARGET"));
        assertThat(RuleValidation.check(draft("2027-01", items), NOW).ok()).isTrue();
        items.set(0, new RuleDraft.Item("SATISFACTION", "a".repeat(65), "40", "0.9", "RATIO_TO_TARGET"));
        assertThat(RuleValidation.check(draft("2027-01", items), NOW).message()).isEqualTo("第 1 项：名称不能超过 64 个字");
        // a character outside the BMP is one character, not two
        items.set(0, new RuleDraft.Item("SATISFACTION", "𠀀".repeat(64), "40", "0.9", "RATIO_TO_TARGET"));
        assertThat(RuleValidation.check(draft("2027-01", items), NOW).ok()).isTrue();
        items.set(0, new RuleDraft.Item("SATISFACTION", "  ", "40", "0.9", "RATIO_TO_TARGET"));
        assertThat(RuleValidation.check(draft("2027-01", items), NOW).message()).contains("名称不能为空");
    }

    @Test
    void codesComeFromTheListOnceEachAndFitTheLevel() {
        List<RuleDraft.Item> items = department("40");
        items.set(2, new RuleDraft.Item("PARKING_TICKETS", "x", "25", "5", "THRESHOLD"));
        assertThat(RuleValidation.check(draft("2027-01", items), NOW).message())
                .contains("考核项编码 PARKING_TICKETS 不在考核项清单中");
        items.set(2, new RuleDraft.Item("VISITS", "入户走访", "25", "5", "THRESHOLD"));
        assertThat(RuleValidation.check(draft("2027-01", items), NOW).message()).contains("部门考核不适用 VISITS");
        items.set(2, new RuleDraft.Item("OVERDUE_COUNT", "again", "25", "5", "THRESHOLD"));
        assertThat(RuleValidation.check(draft("2027-01", items), NOW).message()).contains("OVERDUE_COUNT 重复");
        // a grid worker may be scored on visits
        RuleDraft worker = new RuleDraft(
                "GRID_WORKER",
                "2027-01",
                1,
                null,
                List.of(new RuleDraft.Item("VISITS", "入户走访", "100", "20", "RATIO_TO_TARGET")));
        assertThat(RuleValidation.check(worker, NOW).ok()).isTrue();
    }

    @Test
    void targetsArePositiveNumbersAndRatesAtMostOne() {
        List<RuleDraft.Item> items = department("40");
        items.set(1, new RuleDraft.Item("OVERDUE_COUNT", "超期", "35", "0", "INVERSE_COUNT"));
        assertThat(RuleValidation.check(draft("2027-01", items), NOW).message()).isEqualTo("第 2 项：目标值须大于 0");
        items.set(1, new RuleDraft.Item("OVERDUE_COUNT", "超期", "35", "-3", "INVERSE_COUNT"));
        assertThat(fields(RuleValidation.check(draft("2027-01", items), NOW))).containsExactly("target");
        items.set(1, new RuleDraft.Item("OVERDUE_COUNT", "超期", "35", "NaN", "INVERSE_COUNT"));
        assertThat(RuleValidation.check(draft("2027-01", items), NOW).message()).contains("目标值须为数字");
        items.set(1, new RuleDraft.Item("OVERDUE_COUNT", "超期", "35", "5", "INVERSE_COUNT"));
        items.set(0, new RuleDraft.Item("SATISFACTION", "满意率", "40", "90", "RATIO_TO_TARGET"));
        assertThat(RuleValidation.check(draft("2027-01", items), NOW).message())
                .contains("SATISFACTION 是比率，目标值须在 0 到 1 之间");
    }

    @Test
    void theMethodMustBeKnown() {
        List<RuleDraft.Item> items = department("40");
        items.set(0, new RuleDraft.Item("SATISFACTION", "满意率", "40", "0.9", "LOGARITHMIC"));
        assertThat(RuleValidation.check(draft("2027-01", items), NOW).message())
                .isEqualTo("第 1 项：计分方法须为 RATIO_TO_TARGET、INVERSE_COUNT 或 THRESHOLD");
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        RuleDraft bad = new RuleDraft(
                "MAYOR", "2020-01", null, "x".repeat(201), List.of(new RuleDraft.Item("NOPE", "", "abc", "0", "?")));
        RuleValidation.Result r = RuleValidation.check(bad, NOW);
        assertThat(fields(r))
                .containsExactly(
                        "level",
                        "valid_from",
                        "base_version",
                        "note",
                        "item_code",
                        "item_name",
                        "weight",
                        "target",
                        "method");
        assertThat(RuleValidation.check(new RuleDraft("STREET", "2027-01", 1, null, List.of()), NOW)
                        .message())
                .isEqualTo("至少需要一个考核项");
    }

    @Test
    void theMethodsScoreAsTheContractSays() {
        assertThat(ScoringMethod.RATIO_TO_TARGET.points(15, 20, 10)).isEqualTo(7.5);
        assertThat(ScoringMethod.RATIO_TO_TARGET.points(15, 20, 30)).isEqualTo(15);
        assertThat(ScoringMethod.INVERSE_COUNT.points(3, 3, 1)).isEqualTo(2);
        assertThat(ScoringMethod.INVERSE_COUNT.points(3, 3, 7)).isEqualTo(0);
        assertThat(ScoringMethod.THRESHOLD.points(10, 0.9, 0.9)).isEqualTo(10);
        assertThat(ScoringMethod.THRESHOLD.points(10, 0.9, 0.89)).isEqualTo(0);
    }
}
