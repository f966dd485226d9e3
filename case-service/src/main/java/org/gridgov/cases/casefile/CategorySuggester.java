package org.gridgov.cases.casefile;

import java.util.List;

import org.gridgov.cases.CaseServiceProperties;
import org.gridgov.nlp.classify.LetterModel;
import org.gridgov.nlp.classify.Prediction;
import org.springframework.stereotype.Component;

/**
 * Category and department suggested from the description by the nlp letter classifier. {@code probability} is the
 * model's calibrated confidence in the first-level class; at or above the threshold ({@code
 * gridgov.case.auto-dispatch-threshold}, by default the model's own) the suggestion stands, below it the command
 * centre decides, shown the three best categories.
 */
@Component
public class CategorySuggester {

    public record Suggestion(String categoryCode, String categoryName, String parentName, String department,
                             double probability, boolean autoDispatch, List<Alternative> alternatives,
                             String modelVersion) {

        /**
         * The line stored with the report: the classifier's choice, or below the threshold that the command centre
         * is to decide, with the candidates.
         */
        public String note() {
            String choice = String.format("智能分类：%s / %s（置信度 %.0f%%）", parentName, categoryName, probability * 100);
            if (autoDispatch) {
                return choice;
            }
            StringBuilder sb = new StringBuilder(choice).append("，低于自动分拨阈值，请指挥中心核定分类。候选：");
            for (int i = 0; i < alternatives.size(); i++) {
                Alternative a = alternatives.get(i);
                sb.append(i == 0 ? "" : "；").append(a.parentName()).append(" / ").append(a.categoryName())
                        .append(String.format(" %.0f%%", a.probability() * 100));
            }
            return sb.toString();
        }
    }

    /** One of the three best categories. */
    public record Alternative(String categoryCode, String categoryName, String parentName, String department,
                              double probability) {
    }

    private final LetterModel classifier;

    public CategorySuggester(CaseServiceProperties props) {
        LetterModel model = LetterModel.standard();
        this.classifier = props.autoDispatchThreshold() < 0 ? model
                : model.withThreshold(props.autoDispatchThreshold());
    }

    public Suggestion suggest(String text) {
        Prediction p = classifier.classify(text);
        var c = p.category();
        List<Alternative> alternatives = p.suggestions().stream()
                .map(s -> new Alternative(s.category().code(), s.category().name(), s.category().parentName(),
                        s.category().department(), s.probability()))
                .toList();
        return new Suggestion(c.code(), c.name(), c.parentName(), c.department(), p.confidence(), p.autoDispatch(),
                alternatives, classifier.version());
    }

    /** Version of the model answering, for the service's info. */
    public String modelVersion() {
        return classifier.version();
    }
}
