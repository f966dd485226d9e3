package org.gridgov.nlp;

import com.hankcs.hanlp.classification.classifiers.NaiveBayesClassifier;
import com.hankcs.hanlp.classification.corpus.IDataSet;
import com.hankcs.hanlp.classification.corpus.MemoryDataSet;
import com.hankcs.hanlp.classification.models.NaiveBayesModel;
import com.hankcs.hanlp.classification.tokenizers.ITokenizer;
import com.hankcs.hanlp.classification.utilities.io.ConsoleLogger;
import com.hankcs.hanlp.classification.utilities.io.ILogger;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.gridgov.common.district.Category;
import org.gridgov.common.district.CategoryCatalog;

/**
 * Maps a complaint text to its second-level category, and through the catalogue to the responsible department:
 * HanLP's multinomial naive Bayes (chi-square feature selection) over our content words.
 *
 * <p>Serializable (the model is plain maps and a trie), so a Spark job can train once on the driver and broadcast it.
 * {@link #classify} is thread-safe: the model is only read and the tokenizer uses a segmenter per thread.
 */
public final class ComplaintClassifier implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Variants per template for {@link #standard()}; more adds little once place names are left out of features. */
    static final int STANDARD_VARIANTS = 12;
    static final long STANDARD_SEED = 20240101L;

    /** The text's category, its names and department, and the model's probability for it. */
    public record Prediction(String categoryCode, String categoryName, String department, double probability) {
    }

    /** Accuracy on labelled texts: exact category, and department (a wrong category of the same department
     * still reaches the right desk). */
    public record Evaluation(int texts, int correctCategory, int correctDepartment) {
        public double categoryAccuracy() {
            return texts == 0 ? 0 : correctCategory / (double) texts;
        }

        public double departmentAccuracy() {
            return texts == 0 ? 0 : correctDepartment / (double) texts;
        }
    }

    private final NaiveBayesModel model;
    private transient NaiveBayesClassifier classifier;

    private ComplaintClassifier(NaiveBayesModel model) {
        this.model = model;
    }

    /**
     * Trained on every template of the shipped corpus plus the category keyword lexicon (weighted like one
     * template); built once per JVM, in well under a second.
     */
    public static ComplaintClassifier standard() {
        return Standard.INSTANCE;
    }

    private static final class Standard {
        static final ComplaintClassifier INSTANCE = train(trainingTexts(TemplateCorpus.standard()
                .fill(STANDARD_VARIANTS, STANDARD_SEED), STANDARD_VARIANTS));
    }

    /**
     * Filled templates plus the lexicon's pseudo-documents, each repeated {@code lexiconWeight} times. Templates alone
     * teach only their own wording (a held-out template is classified right about a third of the time); the lexicon
     * adds the everyday words of each category.
     */
    public static List<LabeledText> trainingTexts(List<LabeledText> filledTemplates, int lexiconWeight) {
        List<LabeledText> all = new java.util.ArrayList<>(filledTemplates);
        List<LabeledText> lexicon = CategoryLexicon.documents();
        for (int i = 0; i < lexiconWeight; i++) {
            all.addAll(lexicon);
        }
        return all;
    }

    public static ComplaintClassifier train(List<LabeledText> texts) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("no training texts");
        }
        Quiet.install();
        IDataSet data = new MemoryDataSet().setTokenizer(new ContentWordTokenizer());
        for (LabeledText t : texts) {
            data.add(t.categoryCode(), t.text());
        }
        NaiveBayesClassifier nb = new NaiveBayesClassifier();
        nb.enableProbability(true);
        nb.train(data);
        return new ComplaintClassifier(nb.getNaiveBayesModel());
    }

    private NaiveBayesClassifier classifier() {
        NaiveBayesClassifier c = classifier;
        if (c == null) {
            c = new NaiveBayesClassifier(model);
            c.enableProbability(true);
            classifier = c; // benign race: every thread builds an equivalent read-only wrapper
        }
        return c;
    }

    /** The most probable category; texts without a single known content word get the prior's favourite. */
    public Prediction classify(String text) {
        Objects.requireNonNull(text, "text");
        Map<String, Double> scores = classifier().predict(text);
        Map.Entry<String, Double> best = scores.entrySet().stream()
                // ties broken by code, so the answer does not depend on map order
                .max(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey(
                        Comparator.reverseOrder())))
                .orElseThrow();
        Category c = CategoryCatalog.standard().get(best.getKey());
        return new Prediction(c.code(), c.name(), c.department(), best.getValue());
    }

    /** Probability of every category (summing to 1), by category code. */
    public Map<String, Double> scores(String text) {
        return new TreeMap<>(classifier().predict(Objects.requireNonNull(text, "text")));
    }

    public Evaluation evaluate(List<LabeledText> texts) {
        CategoryCatalog catalog = CategoryCatalog.standard();
        int category = 0;
        int department = 0;
        for (LabeledText t : texts) {
            Prediction p = classify(t.text());
            if (p.categoryCode().equals(t.categoryCode())) {
                category++;
            }
            if (p.department().equals(catalog.get(t.categoryCode()).department())) {
                department++;
            }
        }
        return new Evaluation(texts.size(), category, department);
    }

    /** HanLP's classification package prints training progress to stdout, where a job's summary line goes. */
    static final class Quiet implements ILogger {
        static void install() {
            if (!(ConsoleLogger.logger instanceof Quiet)) {
                ConsoleLogger.logger = new Quiet();
            }
        }

        @Override
        public void out(String format, Object... args) {
        }

        @Override
        public void err(String format, Object... args) {
            System.err.printf(format, args);
        }

        @Override
        public void start(String format, Object... args) {
        }

        @Override
        public void finish(String format, Object... args) {
        }
    }

    /** HanLP tokenizer over our content words; holds no segmenter (one per thread, see GovSegmenter). */
    static final class ContentWordTokenizer implements ITokenizer {
        private static final long serialVersionUID = 1L;

        @Override
        public String[] segment(String text) {
            return GovSegmenter.perThread().contentWords(text).toArray(String[]::new);
        }
    }
}
