package org.gridgov.cases.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import org.gridgov.cases.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

/** When a month takes manual scores, which points are accepted, and the worker ids of the grids. */
class ManualScoresTest {

    @Test
    void aMonthIsOpenUntilTheFifthOfTheNextMonth() {
        YearMonth nov = YearMonth.of(2026, 11);
        assertThat(ManualScores.open(nov, LocalDate.of(2026, 11, 1))).isTrue();
        assertThat(ManualScores.open(nov, LocalDate.of(2026, 12, 5))).isTrue();
        assertThat(ManualScores.open(nov, LocalDate.of(2026, 12, 6))).isFalse();
        assertThat(ManualScores.open(nov, LocalDate.of(2027, 2, 1))).isFalse();
        // not before it begins
        assertThat(ManualScores.open(YearMonth.of(2026, 12), LocalDate.of(2026, 11, 30)))
                .isFalse();
    }

    @Test
    void pointsAreBetweenMinusAndPlusTwentyNotZeroWithOneDecimal() {
        assertThat(ManualScores.points("-20")).isEqualTo(-20);
        assertThat(ManualScores.points(" 20 ")).isEqualTo(20);
        assertThat(ManualScores.points("2.5")).isEqualTo(2.5);
        for (String bad : new String[] {"20.1", "-21", "0", "2.55", "abc", "", "Infinity", "NaN"}) {
            assertThatThrownBy(() -> ManualScores.points(bad)).as(bad).isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> ManualScores.points(null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aWorkerIdIsTheGridCodeWithoutTheDistrictPrefix() {
        assertThat(Subjects.workerId("37011200100101")).isEqualTo("W00100101");
        assertThat(Subjects.gridOf("W00100101")).isEqualTo("37011200100101");
        assertThat(Subjects.gridOf("W0010010")).isNull();
        assertThat(Subjects.gridOf("X00100101")).isNull();
        assertThat(Subjects.gridOf(null)).isNull();
    }
}
