package org.gridgov.nlp.classify;

import java.util.List;
import org.gridgov.common.district.Category;

/**
 * A classifier's answer: the category, the probability that its first-level class is right ({@code confidence}, the
 * figure dispatch rests on), the category's own probability, whether the case may be dispatched without a person
 * looking ({@code autoDispatch}: confidence at or above the model's threshold) and the best three categories for the
 * person who looks.
 */
public record Prediction(
        Category category,
        double confidence,
        double categoryProbability,
        boolean autoDispatch,
        List<Suggestion> suggestions) {

    /** A candidate category and the probability the model gives it. */
    public record Suggestion(Category category, double probability) {}

    public Prediction {
        suggestions = List.copyOf(suggestions);
    }

    public String categoryCode() {
        return category.code();
    }

    public String level1Code() {
        return category.parentCode();
    }

    public String level1Name() {
        return category.parentName();
    }

    public String level2Name() {
        return category.name();
    }

    public String department() {
        return category.department();
    }
}
