package org.gridgov.cases.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridgov.common.district.Category;
import org.gridgov.common.district.CategoryCatalog;
import org.junit.jupiter.api.Test;

/**
 * The 接诉即办 level mapping: first on a small table (fallbacks, urgency, the stricter deadline), then on the rows V11
 * actually seeds, read from the migration script itself, against the category catalogue's time limits.
 */
class ResponseLevelPolicyTest {

    static final LocalDateTime T0 = LocalDateTime.of(2026, 3, 2, 9, 0);

    static final List<ResponseLevelPolicy.Level> LEVELS = List.of(
            new ResponseLevelPolicy.Level("L1", "紧急", 2, 24, 3),
            new ResponseLevelPolicy.Level("L2", "急难", 24, 72, 2),
            new ResponseLevelPolicy.Level("L3", "一般", 48, 168, null),
            new ResponseLevelPolicy.Level("L4", "复杂", 72, 360, null));

    static ResponseLevelPolicy table() {
        return new ResponseLevelPolicy(
                LEVELS, Map.of("*", "L3", "C09", "L1", "C0120", "L2", "C0107", "L4", "C0999", "L3"));
    }

    @Test
    void levelTwoCodeThenLevelOneCodeThenTheDefault() {
        ResponseLevelPolicy p = table();
        assertThat(p.levelFor("C0120", 1).code()).isEqualTo("L2");
        assertThat(p.levelFor("C0901", 1).code()).as("level-1 row C09").isEqualTo("L1");
        // a level-2 row overrides its level-1 row
        assertThat(p.levelFor("C0999", 1).code()).isEqualTo("L3");
        assertThat(p.levelFor("C0201", 1).code()).as("'*'").isEqualTo("L3");
        assertThat(p.levelFor("C0107", 1).code()).isEqualTo("L4");
    }

    @Test
    void urgencyOnlyEverMakesTheLevelStricter() {
        ResponseLevelPolicy p = table();
        assertThat(p.levelFor("C0201", 2).code()).as("紧急 lifts 一般 to L2").isEqualTo("L2");
        assertThat(p.levelFor("C0201", 3).code()).as("特急 lifts to L1").isEqualTo("L1");
        assertThat(p.levelFor("C0107", 2).code()).as("紧急 lifts 复杂 to L2").isEqualTo("L2");
        assertThat(p.levelFor("C0901", 2).code()).as("紧急 does not relax L1").isEqualTo("L1");
        assertThat(p.levelFor("C0120", 1).code()).isEqualTo("L2");
    }

    @Test
    void resolutionIsTheStricterOfCategoryAndLevelAndResponseIsTheLevels() {
        ResponseLevelPolicy p = table();
        ResponseLevelPolicy.Deadlines safety = p.deadlines("C0901", 1, T0, 48);
        assertThat(safety.responseDueAt()).isEqualTo(T0.plusHours(2));
        assertThat(safety.resolveDueAt())
                .as("L1's 24 h beat the category's 48 h")
                .isEqualTo(T0.plusHours(24));
        ResponseLevelPolicy.Deadlines ordinary = p.deadlines("C0201", 1, T0, 120);
        assertThat(ordinary.responseDueAt()).isEqualTo(T0.plusHours(48));
        assertThat(ordinary.resolveDueAt())
                .as("the category's 5 days stay under L3's 7")
                .isEqualTo(T0.plusHours(120));
        ResponseLevelPolicy.Deadlines complex = p.deadlines("C0107", 1, T0, 240);
        assertThat(complex.resolveDueAt()).isEqualTo(T0.plusHours(240));
        assertThat(p.deadlines("C0201", 2, T0, 120).resolveDueAt()).isEqualTo(T0.plusHours(72));
    }

    @Test
    void aMappingWithoutDefaultOrToAnUnknownLevelIsRefused() {
        assertThatThrownBy(() -> new ResponseLevelPolicy(LEVELS, Map.of("C09", "L1")))
                .hasMessageContaining("'*'");
        assertThatThrownBy(() -> new ResponseLevelPolicy(LEVELS, Map.of("*", "L9")))
                .hasMessageContaining("L9");
    }

    // ---------------------------------------------------------------- the seeded reference data

    static ResponseLevelPolicy seeded() throws IOException {
        String sql;
        try (InputStream in =
                ResponseLevelPolicyTest.class.getResourceAsStream("/db/migration/V11__response_levels.sql")) {
            assertThat(in).as("V11 on the classpath").isNotNull();
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<ResponseLevelPolicy.Level> levels = new ArrayList<>();
        Matcher l = Pattern.compile("\\('(L\\d)', '([^']+)', (\\d+), (\\d+), (NULL|\\d+),")
                .matcher(sql);
        while (l.find()) {
            levels.add(new ResponseLevelPolicy.Level(
                    l.group(1),
                    l.group(2),
                    Integer.parseInt(l.group(3)),
                    Integer.parseInt(l.group(4)),
                    l.group(5).equals("NULL") ? null : Integer.parseInt(l.group(5))));
        }
        Map<String, String> byCategory = new HashMap<>();
        Matcher m = Pattern.compile("\\('(\\*|C\\d+)', '(L\\d)'\\)").matcher(sql);
        while (m.find()) {
            byCategory.put(m.group(1), m.group(2));
        }
        assertThat(levels).hasSize(4);
        return new ResponseLevelPolicy(levels, byCategory);
    }

    @Test
    void theSeededLevelsFollowJieSuJiBan() throws IOException {
        ResponseLevelPolicy p = seeded();
        assertThat(p.level("L1").responseHours()).isEqualTo(2);
        assertThat(p.level("L1").resolveHours()).isEqualTo(24);
        assertThat(p.level("L2").responseHours()).isEqualTo(24);
        assertThat(p.level("L3").resolveHours()).isEqualTo(7 * 24);
        assertThat(p.level("L4").resolveHours()).isEqualTo(15 * 24);
        assertThat(p.levelFor("C0902", 1).code()).as("治安 (public safety)").isEqualTo("L1");
        assertThat(p.levelFor("C1306", 1).code()).as("地质灾害").isEqualTo("L1");
        assertThat(p.levelFor("C0101", 1).code()).as("供暖").isEqualTo("L2");
        assertThat(p.levelFor("C0102", 1).code()).as("供水").isEqualTo("L2");
        assertThat(p.levelFor("C0120", 1).code()).as("供电").isEqualTo("L2");
        assertThat(p.levelFor("C0201", 1).code()).as("噪音").isEqualTo("L3");
        assertThat(p.levelFor("C1206", 1).code())
                .as("信访事项 (15 days in the catalogue)")
                .isEqualTo("L4");
        assertThat(p.levelFor("C0201", 3).code()).as("特急").isEqualTo("L1");
    }

    /**
     * What the migration promises: L4 is exactly the categories whose catalogue time limit is 10 days or more, and
     * the levels of 7 and 15 days never lengthen a category's time limit, while L1/L2 never leave one longer than
     * theirs.
     */
    @Test
    void theSeededLevelsAgreeWithTheCatalogueTimeLimits() throws IOException {
        ResponseLevelPolicy p = seeded();
        CategoryCatalog catalog = CategoryCatalog.standard();
        for (Category c : catalog.active()) {
            int hours = catalog.timeLimitHours(c.code());
            ResponseLevelPolicy.Level level = p.levelFor(c.code(), 1);
            ResponseLevelPolicy.Deadlines d = p.deadlines(c.code(), 1, T0, hours);
            assertThat(d.resolveDueAt()).as(c.code()).isBeforeOrEqualTo(T0.plusHours(hours));
            assertThat(d.responseDueAt())
                    .as(c.code() + ": first contact before resolution")
                    .isBefore(d.resolveDueAt());
            if (level.code().equals("L3") || level.code().equals("L4")) {
                assertThat(d.resolveDueAt())
                        .as(c.code() + ": 7/15 days keep the category's limit")
                        .isEqualTo(T0.plusHours(hours));
            }
            if (!c.parentCode().equals("C09")
                    && !level.code().equals("L1")
                    && !level.code().equals("L2")) {
                assertThat(level.code()).as(c.code() + " (" + hours + " h)").isEqualTo(hours >= 240 ? "L4" : "L3");
            }
        }
    }
}
