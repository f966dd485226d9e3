package org.gridgov.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StatMonthTest {

    @Test
    void blankMeansAllMonths() {
        assertThat(StatMonth.parseOptional(null)).isNull();
        assertThat(StatMonth.parseOptional("")).isNull();
        assertThat(StatMonth.parseOptional("  ")).isNull();
        assertThat(StatMonth.describe(null)).isEqualTo("all months");
    }

    @Test
    void acceptsYearDashMonthTrimmed() {
        assertThat(StatMonth.parseOptional(" 2024-01 ")).isEqualTo("2024-01");
        assertThat(StatMonth.require("2023-12")).isEqualTo("2023-12");
        assertThat(StatMonth.describe("2024-01")).isEqualTo("2024-01");
    }

    @Test
    void rejectsAnythingThatIsNotAMonthIncludingSqlFragments() {
        for (String bad : new String[] {
            "2024-1", "2024-13", "2024-00", "202401", "2024-01-01", "一月", "2024-01' OR '1'='1", "2024-01\\'"
        }) {
            assertThatThrownBy(() -> StatMonth.parseOptional(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("yyyy-MM");
        }
        assertThatThrownBy(() -> StatMonth.require(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void monthArithmeticCrossesYears() {
        assertThat(StatMonth.shift("2024-01", -1)).isEqualTo("2023-12");
        assertThat(StatMonth.shift("2024-01", -12)).isEqualTo("2023-01");
        assertThat(StatMonth.shift("2023-12", 1)).isEqualTo("2024-01");
        assertThat(StatMonth.index("2024-01") - StatMonth.index("2023-12")).isEqualTo(1);
        assertThat(StatMonth.index("2024-03")).isEqualTo(2024 * 12 + 2);
        assertThat(StatMonth.start("2024-02")).isEqualTo(java.time.LocalDateTime.of(2024, 2, 1, 0, 0));
        assertThat(StatMonth.end("2024-02")).isEqualTo(java.time.LocalDateTime.of(2024, 3, 1, 0, 0));
        assertThat(StatMonth.end("2024-12")).isEqualTo(java.time.LocalDateTime.of(2025, 1, 1, 0, 0));
        assertThatThrownBy(() -> StatMonth.shift("2024-1", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void workingDaysAreMondayToFriday() {
        // March 2025 starts on a Saturday: 21 weekdays; February 2025: 20; February 2024 (29 days): 21
        assertThat(StatMonth.workingDays("2025-03")).isEqualTo(21);
        assertThat(StatMonth.workingDays("2025-02")).isEqualTo(20);
        assertThat(StatMonth.workingDays("2024-02")).isEqualTo(21);
    }
}
