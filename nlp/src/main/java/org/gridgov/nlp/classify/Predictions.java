package org.gridgov.nlp.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.common.district.Category;
import org.gridgov.common.district.CategoryCatalog;

/** Builds a {@link Prediction} from probabilities per category code, for classifiers that score categories flat. */
final class Predictions {

    static final int SUGGESTIONS = 3;

    private Predictions() {}

    /**
     * The most probable category (ties to the lower code, so the answer does not depend on map order), confidence as
     * the probability summed over its first-level class, and the top three.
     */
    static Prediction of(Map<String, Double> byCode, boolean autoDispatch) {
        CategoryCatalog catalog = CategoryCatalog.standard();
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(byCode.entrySet());
        ranked.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Double> byLevel1 = new HashMap<>();
        byCode.forEach((code, p) -> byLevel1.merge(catalog.get(code).parentCode(), p, Double::sum));
        Category best = catalog.get(ranked.get(0).getKey());
        List<Prediction.Suggestion> top = ranked.stream()
                .limit(SUGGESTIONS)
                .map(e -> new Prediction.Suggestion(catalog.get(e.getKey()), e.getValue()))
                .toList();
        return new Prediction(
                best, byLevel1.get(best.parentCode()), ranked.get(0).getValue(), autoDispatch, top);
    }

    /** Orders suggestions by probability, ties by code. */
    static final Comparator<Prediction.Suggestion> BY_PROBABILITY = Comparator.comparingDouble(
                    Prediction.Suggestion::probability)
            .reversed()
            .thenComparing(s -> s.category().code());
}
