package org.gridgov.nlp.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gridgov.common.district.Category;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.nlp.letters.Letter;
import org.gridgov.nlp.letters.LetterNormalizer;

/**
 * The letter classifier: a normalised letter's features → the first-level class (one-vs-rest logistic regression,
 * temperature-calibrated softmax) → the category within that class (one such layer per class). The confidence is the
 * calibrated probability of the first-level class; at or above {@link #threshold()} the case may be dispatched
 * without a person looking, below it the three best categories are what the command centre is shown.
 *
 * <p>Trained by {@link LetterTrainer}, stored and loaded by {@link ModelFile}; {@link #standard()} is the model the
 * platform ships ({@code gridgov/nlp/model/letters.model}). Immutable and thread-safe (a segmenter and a count table
 * per thread); serialisable, so a Spark job can broadcast it.
 */
public final class LetterModel implements Classifier, Serializable {

    private static final long serialVersionUID = 1L;
    /** The shipped model. */
    public static final String RESOURCE = "gridgov/nlp/model/letters.model";

    /** What a model was trained on and when: shown by {@code gridgov classify} and the case service. */
    public record Info(
            String version,
            String trainedAt,
            String trainingData,
            String lexiconFingerprint,
            String catalogueFingerprint)
            implements Serializable {}

    private final Info info;
    private final FeatureExtractor extractor;
    private final Vocabulary vocabulary;
    private final LinearLayer level1;
    /** Per first-level class, in the order of {@code level1}'s labels. */
    private final LinearLayer[] level2;

    private final double threshold;
    private transient ThreadLocal<FeatureCounts> counts;

    LetterModel(
            Info info,
            FeatureExtractor extractor,
            Vocabulary vocabulary,
            LinearLayer level1,
            LinearLayer[] level2,
            double threshold) {
        if (level2.length != level1.size()) {
            throw new IllegalArgumentException("one category layer per first-level class");
        }
        this.info = Objects.requireNonNull(info, "info");
        this.extractor = extractor;
        this.vocabulary = vocabulary;
        this.level1 = level1;
        this.level2 = level2.clone();
        this.threshold = threshold;
    }

    public static LetterModel standard() {
        return Standard.INSTANCE;
    }

    private static final class Standard {
        static final LetterModel INSTANCE = load();

        private static LetterModel load() {
            try (InputStream in = LetterModel.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("model missing from the classpath: " + RESOURCE);
                }
                return ModelFile.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }

    public Info info() {
        return info;
    }

    @Override
    public String version() {
        return info.version();
    }

    /** Confidence at or above which a case is dispatched without a person looking. */
    public double threshold() {
        return threshold;
    }

    /** The same model with another threshold (the option {@code --threshold}, a service's setting). */
    public LetterModel withThreshold(double t) {
        if (!(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException("threshold must be within [0, 1]: " + t);
        }
        return new LetterModel(info, extractor, vocabulary, level1, level2, t);
    }

    @Override
    public Prediction classify(String text) {
        return classify(LetterNormalizer.normalize(Objects.requireNonNull(text, "text")));
    }

    @Override
    public Prediction classify(String subject, String body) {
        return classify(LetterNormalizer.normalize(subject, body));
    }

    public Prediction classify(Letter letter) {
        SparseVector x = vector(letter);
        double[] p1 = level1.probabilities(x);
        int[] order = argsort(p1);
        CategoryCatalog catalog = CategoryCatalog.standard();
        int top = order[0];
        double[] p2 = level2[top].probabilities(x);
        int[] within = argsort(p2);
        List<Prediction.Suggestion> suggestions = new ArrayList<>(Predictions.SUGGESTIONS + 1);
        for (int j = 0; j < Math.min(Predictions.SUGGESTIONS, within.length); j++) {
            suggestions.add(
                    new Prediction.Suggestion(catalog.current(level2[top].label(within[j])), p1[top] * p2[within[j]]));
        }
        // the next class's categories can only enter the top three with joint probabilities above its own; the second
        // class is as far as it is worth looking
        for (int r = 1; r < Math.min(2, order.length); r++) {
            int a = order[r];
            double ceiling = p1[a];
            if (suggestions.size() == Predictions.SUGGESTIONS
                    && suggestions.get(suggestions.size() - 1).probability() >= ceiling) {
                break;
            }
            double[] q = level2[a].probabilities(x);
            for (int j = 0; j < q.length; j++) {
                suggestions.add(new Prediction.Suggestion(catalog.current(level2[a].label(j)), p1[a] * q[j]));
            }
            suggestions.sort(Predictions.BY_PROBABILITY);
            if (suggestions.size() > Predictions.SUGGESTIONS) {
                suggestions.subList(Predictions.SUGGESTIONS, suggestions.size()).clear();
            }
        }
        double confidence = p1[top];
        boolean auto = confidence >= threshold && !letter.isEmpty();
        Category best = catalog.current(level2[top].label(within[0]));
        return new Prediction(best, confidence, confidence * p2[within[0]], auto, suggestions);
    }

    /**
     * Probability of every category of the catalogue (first-level × within-class), by code; they sum to 1. Retired
     * categories, and any the model was not trained on, get 0.
     */
    public Map<String, Double> scores(String text) {
        SparseVector x = vector(LetterNormalizer.normalize(Objects.requireNonNull(text, "text")));
        double[] p1 = level1.probabilities(x);
        Map<String, Double> out = new LinkedHashMap<>();
        for (Category c : CategoryCatalog.standard().all()) {
            out.put(c.code(), 0.0);
        }
        for (int a = 0; a < p1.length; a++) {
            double[] p2 = level2[a].probabilities(x);
            for (int j = 0; j < p2.length; j++) {
                out.merge(CategoryCatalog.standard().current(level2[a].label(j)).code(), p1[a] * p2[j], Double::sum);
            }
        }
        return out;
    }

    /** Calibrated probability of each first-level class, by code. */
    public Map<String, Double> level1Scores(String text) {
        double[] p1 = level1.probabilities(vector(LetterNormalizer.normalize(Objects.requireNonNull(text, "text"))));
        Map<String, Double> out = new LinkedHashMap<>();
        for (int a = 0; a < p1.length; a++) {
            out.put(level1.label(a), p1[a]);
        }
        return out;
    }

    SparseVector vector(Letter letter) {
        ThreadLocal<FeatureCounts> local = counts;
        if (local == null) {
            local = ThreadLocal.withInitial(FeatureCounts::new);
            counts = local; // benign race: a thread may build its table twice
        }
        FeatureCounts c = local.get();
        extractor.extract(letter, c);
        return vocabulary.vector(c, false);
    }

    FeatureExtractor extractor() {
        return extractor;
    }

    Vocabulary vocabulary() {
        return vocabulary;
    }

    LinearLayer level1() {
        return level1;
    }

    LinearLayer[] level2() {
        return level2.clone();
    }

    private static int[] argsort(double[] p) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> p[a] != p[b] ? Double.compare(p[b], p[a]) : Integer.compare(a, b));
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = order[i];
        }
        return out;
    }
}
