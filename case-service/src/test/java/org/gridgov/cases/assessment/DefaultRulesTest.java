package org.gridgov.cases.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * V31's seeded version 1, read from the script itself: every level has rules from 2020-01-01, each passes the same
 * validation an edit must pass, and its weights sum to 100.
 */
class DefaultRulesTest {

    static final Pattern VERSION = Pattern.compile("\\((\\d+), '(\\w+)',\\s+1, '2020-01-01', NULL");
    static final Pattern ITEM = Pattern.compile(
            "\\((\\d+),\\s+(\\d+), '(\\w+)',\\s+'([^']+)',\\s+(\\d+(?:\\.\\d+)?), ([\\d.]+),\\s+'(\\w+)',\\s+'([^']+)'\\)");

    static String script() throws IOException {
        try (InputStream in =
                DefaultRulesTest.class.getResourceAsStream("/db/migration/V31__assessment_default_rules.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyLevelHasAValidVersionOneWhoseWeightsMakeOneHundred() throws IOException {
        String sql = script();
        Map<String, String> levels = new LinkedHashMap<>();
        Matcher v = VERSION.matcher(sql);
        while (v.find()) {
            levels.put(v.group(1), v.group(2));
        }
        assertThat(levels.values()).containsExactlyInAnyOrder("GRID_WORKER", "COMMUNITY", "STREET", "DEPARTMENT");
        Map<String, List<RuleDraft.Item>> items = new LinkedHashMap<>();
        Map<String, Double> sums = new LinkedHashMap<>();
        Matcher m = ITEM.matcher(sql);
        int rows = 0;
        while (m.find()) {
            rows++;
            items.computeIfAbsent(m.group(1), k -> new ArrayList<>())
                    .add(new RuleDraft.Item(m.group(3), m.group(4), m.group(5), m.group(6), m.group(7)));
            sums.merge(m.group(1), Double.parseDouble(m.group(5)), Double::sum);
            assertThat(m.group(8))
                    .as("direction of " + m.group(3))
                    .isEqualTo(ScoringMethod.valueOf(m.group(7)).direction());
        }
        assertThat(rows).isEqualTo(33);
        assertThat(sums).containsOnlyKeys(levels.keySet());
        assertThat(sums.values()).allSatisfy(s -> assertThat(s).isEqualTo(100.0));
        for (Map.Entry<String, List<RuleDraft.Item>> e : items.entrySet()) {
            String level = levels.get(e.getKey());
            RuleValidation.Result r = RuleValidation.check(
                    new RuleDraft(level, "2025-01", 0, null, e.getValue()), YearMonth.of(2024, 12));
            assertThat(r.problems()).as(level).isEmpty();
        }
        // the grid workers' rules use every item of the contract's list
        assertThat(items.get("1"))
                .extracting(RuleDraft.Item::itemCode)
                .containsExactlyInAnyOrder(java.util.Arrays.stream(AssessmentItem.values())
                        .map(Enum::name)
                        .toArray(String[]::new));
    }
}
