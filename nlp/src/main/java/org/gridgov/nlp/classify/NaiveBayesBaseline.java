package org.gridgov.nlp.classify;

import com.hankcs.hanlp.classification.classifiers.NaiveBayesClassifier;
import com.hankcs.hanlp.classification.corpus.IDataSet;
import com.hankcs.hanlp.classification.corpus.MemoryDataSet;
import com.hankcs.hanlp.classification.models.NaiveBayesModel;
import com.hankcs.hanlp.classification.tokenizers.ITokenizer;
import com.hankcs.hanlp.classification.utilities.io.ConsoleLogger;
import com.hankcs.hanlp.classification.utilities.io.ILogger;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.io.Tsv;
import org.gridgov.nlp.GovSegmenter;
import org.gridgov.nlp.LabeledText;
import org.gridgov.nlp.TemplateCorpus;

/**
 * The classifier this platform had before the letter model, kept as a baseline the model is measured against: HanLP's
 * multinomial naive Bayes (chi-square feature selection) over our content words, trained on the hotline templates of
 * {@code complaints.tsv} and the 59 categories' keyword list as it was ({@code baseline_category_keywords.tsv}). It
 * tokenises with today's segmenter and stop words, so its figures differ a little from those it had in production.
 *
 * <p>Serializable (the model is plain maps and a trie), so a Spark job can train once on the driver and broadcast it.
 * {@link #classify} is thread-safe: the model is only read and the tokenizer uses a segmenter per thread.
 */
public final class NaiveBayesBaseline implements Classifier, Serializable {

    private static final long serialVersionUID = 1L;
    /** Variants per template for {@link #standard()}; more adds little once place names are left out of features. */
    static final int STANDARD_VARIANTS = 12;

    static final long STANDARD_SEED = 20240101L;

    static final String KEYWORDS = "gridgov/nlp/baseline_category_keywords.tsv";

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

    private NaiveBayesBaseline(NaiveBayesModel model) {
        this.model = model;
    }

    /**
     * Trained on every template of the shipped corpus plus the category keyword lexicon (weighted like one
     * template); built once per JVM, in well under a second.
     */
    public static NaiveBayesBaseline standard() {
        return Standard.INSTANCE;
    }

    private static final class Standard {
        static final NaiveBayesBaseline INSTANCE = train(
                trainingTexts(TemplateCorpus.standard().fill(STANDARD_VARIANTS, STANDARD_SEED), STANDARD_VARIANTS));
    }

    /**
     * Filled templates plus the lexicon's pseudo-documents, each repeated {@code lexiconWeight} times. Templates alone
     * teach only their own wording (a held-out template is classified right about a third of the time); the lexicon
     * adds the everyday words of each category.
     */
    public static List<LabeledText> trainingTexts(List<LabeledText> filledTemplates, int lexiconWeight) {
        List<LabeledText> all = new ArrayList<>(filledTemplates);
        List<LabeledText> lexicon = keywordDocuments();
        for (int i = 0; i < lexiconWeight; i++) {
            all.addAll(lexicon);
        }
        return all;
    }

    public static NaiveBayesBaseline train(List<LabeledText> texts) {
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
        return new NaiveBayesBaseline(nb.getNaiveBayesModel());
    }

    /** One text per category of the old keyword list: its name and keywords, separated so no neighbours join. */
    static List<LabeledText> keywordDocuments() {
        CategoryCatalog catalog = CategoryCatalog.standard();
        List<LabeledText> out = new ArrayList<>();
        for (Map<String, String> row : Tsv.read(KEYWORDS)) {
            String code = row.get("level2_code");
            out.add(new LabeledText(
                    catalog.get(code).name() + "，"
                            + String.join("，", row.get("keywords").trim().split("\\s+")),
                    code));
        }
        return out;
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

    /**
     * The most probable category; texts without a single known content word get the prior's favourite. Confidence is
     * the probability summed over the category's first-level class (uncalibrated: the baseline never auto-dispatches).
     */
    @Override
    public Prediction classify(String text) {
        Objects.requireNonNull(text, "text");
        Map<String, Double> scores = classifier().predict(text);
        return Predictions.of(scores, false);
    }

    @Override
    public String version() {
        return "naive-bayes-templates";
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
        public void out(String format, Object... args) {}

        @Override
        public void err(String format, Object... args) {
            System.err.printf(format, args);
        }

        @Override
        public void start(String format, Object... args) {}

        @Override
        public void finish(String format, Object... args) {}
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
