package org.gridgov.simulator.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.gridgov.common.district.District;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.validation.IdCardNumber;
import org.gridgov.common.validation.PhoneNumber;
import org.junit.jupiter.api.Test;

/** The generator's building blocks on their own. */
class GeneratorPartsTest {

    @Test
    void splitGivesTheRemainderToTheHotline() {
        SourceSplit split = SourceSplit.of(1_019);
        assertThat(split.count(SourceType.GRID)).isEqualTo(254);
        assertThat(split.count(SourceType.POLICE)).isEqualTo(101);
        assertThat(split.count(SourceType.PETITION)).isEqualTo(101);
        assertThat(split.count(SourceType.ARREARS)).isEqualTo(50);
        assertThat(split.count(SourceType.HOTLINE)).isEqualTo(513);
        assertThat(SourceSplit.invalidCount(50, 0.03)).isEqualTo(2); // 1.5 rounds up
        assertThat(SourceSplit.invalidCount(50, 0.02)).isEqualTo(1);
    }

    @Test
    void allocationIsExactAndProportional() {
        long[] parts = Allocation.spread(1_000, new double[] {1, 1, 0.5, 0, 1.5});
        assertThat(parts).containsExactly(250, 250, 125, 0, 375);
        assertThat(Allocation.spread(7, new double[] {1, 1, 1}).length).isEqualTo(3);
        long sum = 0;
        for (long p : Allocation.spread(1_234_567, new double[] {0.3, 0.7, 0.11, 0.9, 1e-9, 2})) {
            sum += p;
        }
        assertThat(sum).isEqualTo(1_234_567);
    }

    @Test
    void invalidScheduleBreaksExactlyTheRateAndRotatesDefects() {
        InvalidSchedule schedule = new InvalidSchedule(SourceType.ARREARS, 1_000, 35);
        int broken = 0;
        Set<Defect> kinds = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            InvalidSchedule.Planned p = schedule.next();
            if (p != null) {
                broken++;
                kinds.add(p.defect());
            }
        }
        assertThat(broken).isEqualTo(35);
        assertThat(kinds).hasSize(7).doesNotContain(Defect.UNKNOWN_CATEGORY);
        assertThatThrownBy(schedule::next).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void peopleHaveUniqueValidIdCardsAndPhones() {
        PersonPool pool = new PersonPool(3L, 1_000, District.licheng().grids().size(), ReferenceData.standard());
        Set<String> ids = new HashSet<>();
        Set<String> phones = new HashSet<>();
        int home = 0;
        for (long i = 0; i < 200_000; i++) {
            Person p = pool.person(i * 97);
            assertThat(ids.add(p.idCard())).isTrue();
            assertThat(phones.add(p.phone())).isTrue();
            if (i < 2_000) {
                assertThat(IdCardNumber.problem(p.idCard())).isEmpty();
                assertThat(PhoneNumber.problem(p.phone())).isEmpty();
                assertThat(p.idCard()).startsWith("3701");
            }
            if (p.idCard().startsWith("370112")) {
                home++;
            }
        }
        assertThat(home / 200_000.0).isBetween(0.55, 0.7);
        assertThat(pool.member(5)).isEqualTo(pool.person(5));
        assertThatThrownBy(() -> pool.person(PersonPool.capacity())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void pointsFallInsideTheirGrid() {
        Places places = new Places(District.licheng());
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 5_000; i++) {
            assertThat(places.locatedIn(places.random(r))).isTrue();
        }
    }

    @Test
    void workingDaysSkipWeekends() {
        LocalDateTime friday = LocalDateTime.of(2024, 1, 5, 9, 30);
        assertThat(PeriodCalendar.addWorkingDays(friday, 1)).isEqualTo(LocalDateTime.of(2024, 1, 8, 9, 30));
        assertThat(PeriodCalendar.addWorkingDays(friday, 5)).isEqualTo(LocalDateTime.of(2024, 1, 12, 9, 30));
    }

    @Test
    void composerFillsEveryPlaceholder() {
        TextComposer composer = new TextComposer(ReferenceData.standard());
        Place place = new Places(District.licheng()).random(new SplittableRandom(2));
        SplittableRandom r = new SplittableRandom(3);
        for (ReferenceData.ComplaintTemplate t : ReferenceData.standard().complaints) {
            String text = composer.compose(t.text(), t.categoryCode(), place, null, r);
            assertThat(text).doesNotContain("{").doesNotContain("}");
        }
        assertThat(composer.compose("{company}欠薪{amount}元", "C0401", place, "某公司", r))
                .startsWith("某公司欠薪");
        assertThat(TextComposer.respeak("市民反映：暖气不热。", "信访人反映")).isEqualTo("信访人反映：暖气不热。");
    }

    @Test
    void specRejectsNonsense() {
        assertThatThrownBy(() -> new GeneratorSpec(1, YearMonth.of(1999, 12), 1, 1_000, 0.02))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GeneratorSpec(1, YearMonth.of(2024, 1), 0, 1_000, 0.02))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GeneratorSpec(1, YearMonth.of(2024, 1), 1, 1_000, 0.9))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SyntheticDataGenerator(new GeneratorSpec(1, YearMonth.of(2024, 1), 1, 100, 0))
                        .generate((s, k, j) -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too few");
        GeneratorSpec demo = GeneratorSpec.demo();
        assertThat(demo).isEqualTo(new GeneratorSpec(20240101L, YearMonth.of(2024, 1), 1, 20_000, 0.02));
        assertThat(demo.periodEnd()).isEqualTo(LocalDateTime.of(2024, 2, 1, 0, 0));
    }
}
