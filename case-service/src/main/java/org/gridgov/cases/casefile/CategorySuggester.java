package org.gridgov.cases.casefile;

import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.nlp.ComplaintClassifier;
import org.springframework.stereotype.Component;

/** Category and department suggested from the description by the nlp complaint classifier. */
@Component
public class CategorySuggester {

    public record Suggestion(String categoryCode, String categoryName, String parentName, String department,
                             double probability) {
    }

    private final ComplaintClassifier classifier = ComplaintClassifier.standard();
    private final CategoryCatalog catalog = CategoryCatalog.standard();

    public Suggestion suggest(String text) {
        ComplaintClassifier.Prediction p = classifier.classify(text);
        var c = catalog.get(p.categoryCode());
        return new Suggestion(c.code(), c.name(), c.parentName(), c.department(), p.probability());
    }
}
