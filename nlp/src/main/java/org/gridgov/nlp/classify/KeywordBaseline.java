package org.gridgov.nlp.classify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.common.district.Category;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.nlp.corpus.TrainingLetters;
import org.gridgov.nlp.letters.Letter;
import org.gridgov.nlp.letters.LetterNormalizer;

/**
 * The baseline any model must beat: count the lexicon's words and issue phrases of each category in the normalised
 * letter and take the category with most (ties to the lower code; no hit at all gives the first category). Its
 * confidence is its class's share of all hits; it never auto-dispatches. Thread-safe.
 */
public final class KeywordBaseline implements Classifier {

    private static final KeywordBaseline STANDARD = new KeywordBaseline();

    private final List<Category> categories;
    private final LexiconMatcher lexicon;

    private KeywordBaseline() {
        this.categories = CategoryCatalog.standard().active();
        Map<String, Integer> index = new LinkedHashMap<>();
        Map<String, Integer> level1 = new LinkedHashMap<>();
        for (int i = 0; i < categories.size(); i++) {
            index.put(categories.get(i).code(), i);
            level1.putIfAbsent(categories.get(i).parentCode(), level1.size());
        }
        // only the categories' own terms: the classes' general words are numbered after them and ignored here
        this.lexicon = LetterTrainer.lexicon(categories, index, level1, TrainingLetters.Part.ALL);
    }

    public static KeywordBaseline standard() {
        return STANDARD;
    }

    @Override
    public Prediction classify(String text) {
        return classify(LetterNormalizer.normalize(text == null ? "" : text));
    }

    @Override
    public Prediction classify(String subject, String body) {
        return classify(LetterNormalizer.normalize(subject, body));
    }

    Prediction classify(Letter letter) {
        int[] hits = new int[categories.size()];
        lexicon.match(letter.text(), c -> {
            if (c < hits.length) {
                hits[c]++;
            }
        });
        int total = 0;
        Map<String, Integer> byLevel1 = new LinkedHashMap<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < hits.length; i++) {
            total += hits[i];
            byLevel1.merge(categories.get(i).parentCode(), hits[i], Integer::sum);
            order.add(i);
        }
        order.sort((a, b) -> hits[a] != hits[b] ? Integer.compare(hits[b], hits[a]) : Integer.compare(a, b));
        Category best = categories.get(order.get(0));
        List<Prediction.Suggestion> top = new ArrayList<>();
        for (int i = 0; i < Predictions.SUGGESTIONS; i++) {
            int c = order.get(i);
            top.add(new Prediction.Suggestion(categories.get(c), total == 0 ? 0 : hits[c] / (double) total));
        }
        double confidence = total == 0 ? 0 : byLevel1.get(best.parentCode()) / (double) total;
        return new Prediction(best, confidence, total == 0 ? 0 : hits[order.get(0)] / (double) total, false, top);
    }

    @Override
    public String version() {
        return "keyword-counting";
    }
}
