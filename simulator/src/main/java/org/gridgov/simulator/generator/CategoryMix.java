package org.gridgov.simulator.generator;

import java.time.Month;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gridgov.common.district.Category;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.simulator.generator.ReferenceData.ComplaintTemplate;

/**
 * How often each category occurs in one source, month by month: a base weight per category, boosts per season
 * (供暖 in winter, 排水积水 in summer) and only categories that have a template usable in the month.
 */
final class CategoryMix {

    record Choice(Category category, ComplaintTemplate template) {}

    private static final class MonthTable {
        final List<Category> categories = new ArrayList<>();
        final List<List<ComplaintTemplate>> templates = new ArrayList<>();
        double[] cumulative;
    }

    private final Map<Month, MonthTable> tables = new EnumMap<>(Month.class);

    /**
     * @param baseWeights     weight by category name; categories not named get {@code defaultWeight}
     * @param seasonalWeights per season, weight by category name replacing the base weight in that season
     */
    CategoryMix(
            ReferenceData ref,
            CategoryCatalog catalog,
            Map<String, Double> baseWeights,
            double defaultWeight,
            Map<Season, Map<String, Double>> seasonalWeights) {
        Map<String, List<ComplaintTemplate>> byCode = new LinkedHashMap<>();
        for (ComplaintTemplate t : ref.complaints) {
            if (ref.topics.stream().noneMatch(topic -> t.text().contains(topic.word()))) {
                // background texts must never contain a rising-topic word, or the planted topics would be diluted
                byCode.computeIfAbsent(t.categoryCode(), k -> new ArrayList<>()).add(t);
            }
        }
        for (String name : baseWeights.keySet()) {
            require(catalog, name);
        }
        seasonalWeights.values().forEach(m -> m.keySet().forEach(n -> require(catalog, n)));
        for (Month month : Month.values()) {
            Season season = Season.of(month);
            MonthTable table = new MonthTable();
            List<Double> weights = new ArrayList<>();
            for (Category c : catalog.all()) {
                double w = seasonalWeights
                        .getOrDefault(season, Map.of())
                        .getOrDefault(c.name(), baseWeights.getOrDefault(c.name(), defaultWeight));
                List<ComplaintTemplate> usable = byCode.getOrDefault(c.code(), List.of()).stream()
                        .filter(t -> t.season().covers(month))
                        .toList();
                if (w > 0 && !usable.isEmpty()) {
                    table.categories.add(c);
                    table.templates.add(usable);
                    weights.add(w);
                }
            }
            table.cumulative = new double[weights.size()];
            double sum = 0;
            for (int i = 0; i < weights.size(); i++) {
                sum += weights.get(i);
                table.cumulative[i] = sum;
            }
            tables.put(month, table);
        }
    }

    Choice pick(Month month, SplittableRandom r) {
        MonthTable t = tables.get(month);
        double[] cum = t.cumulative;
        double x = r.nextDouble() * cum[cum.length - 1];
        int lo = 0;
        int hi = cum.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cum[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        List<ComplaintTemplate> templates = t.templates.get(lo);
        return new Choice(t.categories.get(lo), templates.get(r.nextInt(templates.size())));
    }

    private static void require(CategoryCatalog catalog, String name) {
        if (catalog.byName(name).isEmpty()) {
            throw new IllegalStateException("no category named " + name);
        }
    }
}
