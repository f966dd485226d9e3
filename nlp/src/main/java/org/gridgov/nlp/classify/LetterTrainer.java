package org.gridgov.nlp.classify;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gridgov.common.district.Category;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.nlp.CategoryLexicon;
import org.gridgov.nlp.LabeledText;
import org.gridgov.nlp.corpus.TrainingLetters;
import org.gridgov.nlp.letters.LetterNormalizer;

/**
 * Trains a {@link LetterModel} from labelled texts (the generated corpus, plus whatever corrected texts an operator
 * adds): features and vocabulary from the texts, liblinear L2-regularised logistic regression for the first-level
 * classes and for the categories within each class, and temperatures that make the probabilities honest.
 *
 * <p>The temperatures come from a first, calibration model trained on part of the vocabulary and checked on letters
 * written from the rest ({@link TrainingLetters.Part}): letters whose words it never saw, as real ones are. A model
 * calibrated on letters like its training ones learns to be sure of itself and is overconfident outside. The shipped
 * model is then trained on everything and takes those temperatures. Deterministic for the same texts and options.
 *
 * <p>Labels may be retired codes; they are read as the category that replaced them.
 */
public final class LetterTrainer {

    /**
     * {@code c}: liblinear's inverse regularisation; {@code threshold}: the auto-dispatch threshold the model carries;
     * {@code pruneBelow}: weights smaller than this are dropped from the file (a row goes when all of its are).
     */
    public record Options(
            FeatureSettings features, double c, long seed, int threads, double threshold, float pruneBelow) {

        public static Options defaults() {
            return new Options(FeatureSettings.DEFAULT, 4.0, 7L, 1, DEFAULT_THRESHOLD, 0.02f);
        }

        public Options withThreads(int n) {
            return new Options(features, c, seed, n, threshold, pruneBelow);
        }
    }

    /**
     * What a model is trained on: {@code training} for the model itself; {@code calibrationTraining} and
     * {@code calibrationHeldOut} for the calibration model and the letters it is checked on.
     */
    public record Data(
            List<LabeledText> training, List<LabeledText> calibrationTraining, List<LabeledText> calibrationHeldOut) {

        /**
         * The generated corpus of {@code basePerLevel1} (whole, and split by {@link TrainingLetters.Part}) plus
         * {@code extra} labelled texts in both training sets.
         */
        public static Data generated(int basePerLevel1, List<LabeledText> extra) {
            TrainingLetters letters = TrainingLetters.standard();
            List<LabeledText> all = new ArrayList<>(letters.generate(basePerLevel1, TrainingLetters.SEED));
            List<LabeledText> part = new ArrayList<>(
                    letters.generate(basePerLevel1, TrainingLetters.SEED + 1, TrainingLetters.Part.TRAINING));
            all.addAll(extra);
            part.addAll(extra);
            List<LabeledText> heldOut = letters.generate(
                    Math.max(1, basePerLevel1 / 3), TrainingLetters.SEED + 2, TrainingLetters.Part.HELD_OUT);
            return new Data(all, part, heldOut);
        }
    }

    /** Auto-dispatch threshold of a new model; see the nlp README for how it was chosen. */
    public static final double DEFAULT_THRESHOLD = 0.8;

    /**
     * The model and the calibration model's figures on letters of unseen words and sentences (first-level accuracy,
     * category accuracy, expected calibration error, and precision and coverage of auto-dispatch at the threshold).
     */
    public record Result(
            LetterModel model,
            double heldOutLevel1Accuracy,
            double heldOutCategoryAccuracy,
            double heldOutCalibrationError,
            double heldOutAutoPrecision,
            double heldOutAutoCoverage,
            int trainingTexts,
            int heldOutTexts) {}

    /** The classes a model chooses among, numbered. */
    private record Classes(
            List<Category> categories,
            Map<String, Integer> categoryIndex,
            String[] level1Codes,
            int[] level1Of,
            LexiconMatcher lexicon) {

        static Classes current(TrainingLetters.Part part) {
            List<Category> categories = CategoryCatalog.standard().active();
            Map<String, Integer> categoryIndex = new LinkedHashMap<>();
            Map<String, Integer> level1Index = new LinkedHashMap<>();
            int[] level1Of = new int[categories.size()];
            for (int i = 0; i < categories.size(); i++) {
                Category c = categories.get(i);
                categoryIndex.put(c.code(), i);
                level1Index.putIfAbsent(c.parentCode(), level1Index.size());
                level1Of[i] = level1Index.get(c.parentCode());
            }
            return new Classes(
                    categories,
                    categoryIndex,
                    level1Index.keySet().toArray(String[]::new),
                    level1Of,
                    LetterTrainer.lexicon(categories, categoryIndex, level1Index, part));
        }

        int category(LabeledText t) {
            return categoryIndex.get(
                    CategoryCatalog.standard().current(t.categoryCode()).code());
        }
    }

    /** Vocabulary and layers fitted on one set of texts (temperatures still 1). */
    private record Fitted(FeatureExtractor extractor, Vocabulary vocabulary, LinearLayer level1, LinearLayer[] level2) {

        SparseVector vector(String text, FeatureCounts scratch) {
            extractor.extract(LetterNormalizer.normalize(text), scratch);
            return vocabulary.vector(scratch);
        }
    }

    private LetterTrainer() {}

    public static Result train(Data data, Options o, String version, String trainingData) {
        if (data.training().isEmpty() || data.calibrationTraining().isEmpty()) {
            throw new IllegalArgumentException("no training texts");
        }
        Classes classes = Classes.current(TrainingLetters.Part.ALL);
        FeatureExtractor extractor = new FeatureExtractor(o.features(), classes.lexicon(), classes.level1Of());

        // 1. the calibration model, checked on letters of words and sentences it never saw: its lexicon lacks the
        // held-out words too, or the lexicon features would know what the model should not
        Classes known = Classes.current(TrainingLetters.Part.TRAINING);
        Fitted calibration = fit(
                data.calibrationTraining(),
                known,
                new FeatureExtractor(o.features(), known.lexicon(), known.level1Of()),
                o);
        List<LabeledText> heldOut = data.calibrationHeldOut();
        FeatureCounts scratch = new FeatureCounts();
        double[][] z1 = new double[heldOut.size()][];
        int[] gold1 = new int[heldOut.size()];
        List<double[]> z2 = new ArrayList<>();
        List<Integer> gold2 = new ArrayList<>();
        SparseVector[] hx = new SparseVector[heldOut.size()];
        for (int i = 0; i < heldOut.size(); i++) {
            int c = classes.category(heldOut.get(i));
            hx[i] = calibration.vector(heldOut.get(i).text(), scratch);
            z1[i] = calibration.level1().logits(hx[i]);
            gold1[i] = classes.level1Of()[c];
            LinearLayer within = calibration.level2()[gold1[i]];
            if (within.size() > 1) {
                z2.add(within.logits(hx[i]));
                gold2.add(Arrays.asList(within.labels())
                        .indexOf(classes.categories().get(c).code()));
            }
        }
        float t1 = (float) Calibration.temperature(z1, gold1);
        // one temperature for all category layers: each class alone has too few held-out letters to fit its own
        float t2 = (float) Calibration.temperature(
                z2.toArray(double[][]::new),
                gold2.stream().mapToInt(Integer::intValue).toArray());

        int level1Right = 0;
        int categoryRight = 0;
        int auto = 0;
        int autoRight = 0;
        double[] confidence = new double[heldOut.size()];
        boolean[] right = new boolean[heldOut.size()];
        for (int i = 0; i < heldOut.size(); i++) {
            double[] p1 = LinearLayer.softmax(z1[i], t1);
            int a = argmax(p1);
            right[i] = a == gold1[i];
            confidence[i] = p1[a];
            level1Right += right[i] ? 1 : 0;
            LinearLayer within = calibration.level2()[a];
            String best = within.label(argmax(within.logits(hx[i])));
            categoryRight += best.equals(classes.categories()
                            .get(classes.category(heldOut.get(i)))
                            .code())
                    ? 1
                    : 0;
            if (p1[a] >= o.threshold()) {
                auto++;
                autoRight += right[i] ? 1 : 0;
            }
        }

        // 2. the model itself, on everything, with the calibration model's temperatures
        Fitted model = fit(data.training(), classes, extractor, o);
        LinearLayer[] level2 = model.level2().clone();
        for (int a = 0; a < level2.length; a++) {
            level2[a] = level2[a].withTemperature(t2);
        }
        CategoryCatalog catalog = CategoryCatalog.standard();
        LetterModel.Info info = new LetterModel.Info(
                version,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                trainingData,
                CategoryLexicon.standard().fingerprint(),
                catalogueFingerprint(catalog));
        LetterModel letterModel = new LetterModel(
                info, extractor, model.vocabulary(), model.level1().withTemperature(t1), level2, o.threshold());
        int n = heldOut.size();
        return new Result(
                letterModel,
                n == 0 ? 0 : level1Right / (double) n,
                n == 0 ? 0 : categoryRight / (double) n,
                calibrationError(confidence, right),
                auto == 0 ? 0 : autoRight / (double) auto,
                n == 0 ? 0 : auto / (double) n,
                data.training().size(),
                n);
    }

    /** Expected calibration error over ten equal-width bins. */
    static double calibrationError(double[] confidence, boolean[] right) {
        int bins = 10;
        double[] conf = new double[bins];
        double[] hits = new double[bins];
        int[] n = new int[bins];
        for (int i = 0; i < confidence.length; i++) {
            int b = Math.min(bins - 1, (int) (confidence[i] * bins));
            n[b]++;
            conf[b] += confidence[i];
            hits[b] += right[i] ? 1 : 0;
        }
        double sum = 0;
        for (int b = 0; b < bins; b++) {
            sum += Math.abs(conf[b] - hits[b]);
        }
        return confidence.length == 0 ? 0 : sum / confidence.length;
    }

    private static Fitted fit(List<LabeledText> texts, Classes classes, FeatureExtractor extractor, Options o) {
        int n = texts.size();
        int[] category = new int[n];
        for (int i = 0; i < n; i++) {
            category[i] = classes.category(texts.get(i));
        }
        long[][] keys = new long[n][];
        float[][] counts = new float[n][];
        extract(texts, extractor, o.threads(), keys, counts);
        Vocabulary vocabulary = vocabulary(keys, o.features());
        SparseVector[] x = new SparseVector[n];
        FeatureCounts scratch = new FeatureCounts();
        for (int i = 0; i < n; i++) {
            scratch.clear();
            for (int j = 0; j < keys[i].length; j++) {
                scratch.add(keys[i][j], counts[i][j]);
            }
            x[i] = vocabulary.vector(scratch);
            keys[i] = null;
            counts[i] = null;
        }
        boolean[] none = new boolean[n];
        int[] level1 = new int[n];
        for (int i = 0; i < n; i++) {
            level1[i] = classes.level1Of()[category[i]];
        }
        String[] level1Codes = classes.level1Codes();
        LinearLayer level1Layer = fit(x, level1, none, level1Codes.length, level1Codes, vocabulary.size(), o);
        LinearLayer[] level2 = new LinearLayer[level1Codes.length];
        for (int a = 0; a < level1Codes.length; a++) {
            List<Integer> members = new ArrayList<>();
            for (int ci = 0; ci < classes.categories().size(); ci++) {
                if (classes.level1Of()[ci] == a) {
                    members.add(ci);
                }
            }
            String[] labels = members.stream()
                    .map(ci -> classes.categories().get(ci).code())
                    .toArray(String[]::new);
            int[] local = new int[n];
            boolean[] skip = new boolean[n];
            for (int i = 0; i < n; i++) {
                local[i] = members.indexOf(category[i]);
                skip[i] = local[i] < 0;
            }
            level2[a] = fit(x, local, skip, labels.length, labels, vocabulary.size(), o);
        }
        return new Fitted(extractor, vocabulary, level1Layer, level2);
    }

    /** Categories' words and issue phrases, and each first-level class's own words (numbered after them). */
    static LexiconMatcher lexicon(
            List<Category> categories,
            Map<String, Integer> categoryIndex,
            Map<String, Integer> level1Index,
            TrainingLetters.Part part) {
        CategoryLexicon lexicon = CategoryLexicon.standard();
        TreeMap<String, java.util.TreeSet<Integer>> terms = new TreeMap<>();
        for (Category c : categories) {
            CategoryLexicon.Entry e = lexicon.of(c.code());
            for (List<String> list : List.of(e.words(), e.issues())) {
                for (String t : list) {
                    if (part == TrainingLetters.Part.TRAINING && TrainingLetters.heldOut(t)) {
                        continue;
                    }
                    terms.computeIfAbsent(t, k -> new java.util.TreeSet<>()).add(categoryIndex.get(c.code()));
                }
            }
        }
        level1Index.forEach((code, a) -> {
            for (String t : lexicon.level1Words(code)) {
                if (part == TrainingLetters.Part.TRAINING && TrainingLetters.heldOut(t)) {
                    continue;
                }
                terms.computeIfAbsent(t, k -> new java.util.TreeSet<>()).add(categories.size() + a);
            }
        });
        String[] words = terms.keySet().toArray(String[]::new);
        int[][] classes = new int[words.length][];
        for (int i = 0; i < words.length; i++) {
            classes[i] =
                    terms.get(words[i]).stream().mapToInt(Integer::intValue).toArray();
        }
        return new LexiconMatcher(words, classes);
    }

    private static void extract(
            List<LabeledText> texts, FeatureExtractor extractor, int threads, long[][] keys, float[][] counts) {
        int n = texts.size();
        int workers = Math.max(1, threads);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int first = w;
                jobs.add(pool.submit(() -> {
                    FeatureCounts c = new FeatureCounts();
                    for (int i = first; i < n; i += workers) {
                        extractor.extract(
                                LetterNormalizer.normalize(texts.get(i).text()), c);
                        keys[i] = new long[c.size()];
                        counts[i] = new float[c.size()];
                        for (int j = 0; j < c.size(); j++) {
                            keys[i][j] = c.key(j);
                            counts[i][j] = c.count(j);
                        }
                    }
                }));
            }
            for (Future<?> f : jobs) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("feature extraction failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Words and n-grams in at least {@code minDocumentFrequency} texts, and every lexicon feature; numbered by falling
     * document frequency (ties by key), so the rows most letters touch sit together in memory.
     */
    private static Vocabulary vocabulary(long[][] keys, FeatureSettings settings) {
        FeatureCounts df = new FeatureCounts();
        for (long[] doc : keys) {
            for (long k : doc) {
                df.add(k, 1);
            }
        }
        List<long[]> kept = new ArrayList<>();
        for (int i = 0; i < df.size(); i++) {
            long k = df.key(i);
            if (FeatureKeys.block(k) == FeatureKeys.BLOCK_LEXICON || df.count(i) >= settings.minDocumentFrequency()) {
                kept.add(new long[] {k, (long) df.count(i)});
            }
        }
        kept.sort((a, b) -> a[1] != b[1] ? Long.compare(b[1], a[1]) : Long.compare(a[0], b[0]));
        long[] ordered = new long[kept.size()];
        float[] idf = new float[kept.size()];
        for (int i = 0; i < ordered.length; i++) {
            ordered[i] = kept.get(i)[0];
            idf[i] = (float) (Math.log((1.0 + keys.length) / (1.0 + kept.get(i)[1])) + 1);
        }
        return new Vocabulary(ordered, idf, settings);
    }

    /** One-vs-rest logistic regression over the texts not skipped; labels with no text get a large negative bias. */
    private static LinearLayer fit(
            SparseVector[] x, int[] y, boolean[] skip, int classes, String[] labels, int features, Options o) {
        List<Integer> rows = new ArrayList<>();
        boolean[] seen = new boolean[classes];
        for (int i = 0; i < x.length; i++) {
            if (!skip[i] && y[i] >= 0) {
                rows.add(i);
                seen[y[i]] = true;
            }
        }
        int present = 0;
        for (boolean s : seen) {
            present += s ? 1 : 0;
        }
        if (present <= 1) {
            // nothing to separate: one category (or none trained) takes the class
            float[] bias = new float[classes];
            for (int j = 0; j < classes; j++) {
                bias[j] = seen[j] || present == 0 && j == 0 ? 0f : -20f;
            }
            return new LinearLayer(labels, new int[0], new float[0], bias, 1f);
        }
        Problem p = new Problem();
        p.l = rows.size();
        p.n = features + 1;
        p.bias = 1;
        p.x = new Feature[p.l][];
        p.y = new double[p.l];
        for (int r = 0; r < p.l; r++) {
            SparseVector v = x[rows.get(r)];
            Feature[] f = new Feature[v.size() + 1];
            for (int j = 0; j < v.size(); j++) {
                f[j] = new FeatureNode(v.index()[j] + 1, v.value()[j]);
            }
            f[v.size()] = new FeatureNode(features + 1, 1.0);
            p.x[r] = f;
            p.y[r] = y[rows.get(r)];
        }
        Parameter parameter = new Parameter(SolverType.L2R_LR, o.c(), 0.01);
        parameter.setRandom(new Random(o.seed()));
        Linear.disableDebugOutput();
        Model m = Linear.train(p, parameter);
        return layer(m, labels, features, seen, o.pruneBelow());
    }

    private static LinearLayer layer(Model m, String[] labels, int features, boolean[] seen, float prune) {
        int k = labels.length;
        double[] w = m.getFeatureWeights();
        int[] modelLabels = m.getLabels();
        int nrW = modelLabels.length == 2 ? 1 : modelLabels.length;
        // liblinear's weight columns are in the order labels first appeared; ours are the label numbers
        int[] column = new int[k];
        Arrays.fill(column, -1);
        for (int c = 0; c < modelLabels.length; c++) {
            column[modelLabels[c]] = c;
        }
        int biasRow = features; // the constant feature we appended is the last one before liblinear's own bias
        List<Integer> keptRows = new ArrayList<>();
        List<float[]> keptWeights = new ArrayList<>();
        for (int f = 0; f < features; f++) {
            float[] row = row(w, f, nrW, column, k);
            boolean keep = false;
            for (float v : row) {
                keep |= Math.abs(v) >= prune;
            }
            if (keep) {
                keptRows.add(f);
                keptWeights.add(row);
            }
        }
        float[] bias = row(w, biasRow, nrW, column, k);
        for (int j = 0; j < k; j++) {
            if (!seen[j]) {
                bias[j] = -20f;
            }
        }
        int[] idx = keptRows.stream().mapToInt(Integer::intValue).toArray();
        float[] weights = new float[idx.length * k];
        for (int r = 0; r < idx.length; r++) {
            System.arraycopy(keptWeights.get(r), 0, weights, r * k, k);
        }
        return new LinearLayer(labels, idx, weights, bias, 1f);
    }

    /** Feature {@code f}'s weight for each of our labels (a label liblinear never saw scores 0). */
    private static float[] row(double[] w, int f, int nrW, int[] column, int k) {
        float[] out = new float[k];
        for (int j = 0; j < k; j++) {
            int c = column[j];
            if (c < 0) {
                continue;
            }
            if (nrW == 1) {
                // two labels: one weight vector for the first label against the second
                out[j] = (float) (c == 0 ? w[f] : 0);
            } else {
                out[j] = (float) w[f * nrW + c];
            }
        }
        return out;
    }

    static String catalogueFingerprint(CategoryCatalog catalog) {
        StringBuilder sb = new StringBuilder();
        for (Category c : catalog.active()) {
            sb.append(c).append('\n');
        }
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }
}
