package org.gridgov.simulator.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.model.HotlineCase;
import org.gridgov.common.model.SourceType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 供暖 is a top hotline category in January, 排水积水 in July, and neither where it is out of season. */
class SeasonalTopicsTest {

    @ParameterizedTest
    @CsvSource({"2024-01, 供暖, 排水积水", "2024-07, 排水积水, 供暖", "2023-12, 供暖, 排水积水", "2024-08, 排水积水, 供暖"})
    void seasonalCategoryIsAmongTheTopThree(String month, String inSeason, String outOfSeason) {
        GeneratorSpec spec = new GeneratorSpec(99L, YearMonth.parse(month), 1, 10_000, 0.02);
        GeneratedDataset data = GeneratedDataset.of(spec);
        CategoryCatalog catalog = CategoryCatalog.standard();
        Map<String, Long> counts = data.valid(SourceType.HOTLINE, HotlineCase.class).stream()
                .collect(
                        Collectors.groupingBy(c -> catalog.get(c.categoryCode()).name(), Collectors.counting()));
        List<String> top3 = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(3)
                .map(Map.Entry::getKey)
                .toList();
        assertThat(top3).contains(inSeason).doesNotContain(outOfSeason);
        assertThat(data.truth.seasonalTopics()).singleElement().satisfies(s -> assertThat(s.categoryNames())
                .containsExactly(inSeason));
    }
}
