package org.gridgov.cases.casefile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.gridgov.cases.CaseServiceProperties;
import org.gridgov.nlp.classify.LetterModel;
import org.gridgov.nlp.classify.ModelFile;
import org.gridgov.nlp.classify.Prediction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Category and department suggested from the description by the nlp letter classifier. {@code probability} is the
 * model's calibrated confidence in the first-level class; at or above the threshold ({@code
 * gridgov.case.auto-dispatch-threshold}, by default the model's own) the suggestion stands, below it the command
 * centre decides, shown the three best categories.
 *
 * <p>The model is the newest file in {@code gridgov.case.model-dir} (what {@code gridgov nlp train} writes, e.g. after
 * learning from operators' corrections), else the one bundled with nlp; its version is logged at start and reported
 * by {@code GET /api/admin/classifier} and the cockpit.
 */
@Component
public class CategorySuggester {

    public record Suggestion(
            String categoryCode,
            String categoryName,
            String parentName,
            String department,
            double probability,
            boolean autoDispatch,
            List<Alternative> alternatives,
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
                sb.append(i == 0 ? "" : "；")
                        .append(a.parentName())
                        .append(" / ")
                        .append(a.categoryName())
                        .append(String.format(" %.0f%%", a.probability() * 100));
            }
            return sb.toString();
        }
    }

    /** One of the three best categories. */
    public record Alternative(
            String categoryCode, String categoryName, String parentName, String department, double probability) {}

    private static final Logger LOG = LoggerFactory.getLogger(CategorySuggester.class);
    /** Where the bundled model comes from, for {@link #source()}. */
    public static final String BUNDLED = "bundled";

    private final LetterModel classifier;
    private final String source;

    public CategorySuggester(CaseServiceProperties props) {
        Loaded loaded = newest(props.modelDir());
        LetterModel model = loaded.model();
        this.source = loaded.source();
        this.classifier =
                props.autoDispatchThreshold() < 0 ? model : model.withThreshold(props.autoDispatchThreshold());
        LetterModel.Info info = classifier.info();
        // WARN is the level the service logs at by default; the model answering is worth a line at every start
        LOG.warn(
                "classifier model {} from {} (trained {}; {}), auto-dispatch at {}",
                info.version(),
                source,
                info.trainedAt(),
                info.trainingData(),
                classifier.threshold());
    }

    /** A model and where it was read from: a file's path, or {@link #BUNDLED}. */
    record Loaded(LetterModel model, String source) {}

    /**
     * The newest readable {@code *.model} file in {@code dir} (by modification time, then name), as {@code gridgov nlp
     * train} writes them; the bundled model when the directory is blank, missing or holds none. A file that cannot
     * be read (another format, cut short) is logged and skipped, so a bad file never stops the service.
     */
    static Loaded newest(String dir) {
        if (dir == null || dir.isBlank()) {
            return new Loaded(LetterModel.standard(), BUNDLED);
        }
        Path d = Path.of(dir);
        List<Path> files;
        try (Stream<Path> list = Files.list(d)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".model") && Files.isRegularFile(f))
                    .sorted(Comparator.comparing(CategorySuggester::modified)
                            .thenComparing(Path::toString)
                            .reversed())
                    .toList();
        } catch (NoSuchFileException e) {
            LOG.warn("model directory {} does not exist; using the bundled model", d);
            return new Loaded(LetterModel.standard(), BUNDLED);
        } catch (IOException e) {
            LOG.warn("cannot list model directory {} ({}); using the bundled model", d, e.getMessage());
            return new Loaded(LetterModel.standard(), BUNDLED);
        }
        for (Path f : files) {
            try {
                return new Loaded(ModelFile.read(f), f.toString());
            } catch (IOException | RuntimeException e) {
                LOG.warn("skipping model file {}: {}", f, e.getMessage());
            }
        }
        LOG.warn("no readable model file in {}; using the bundled model", d);
        return new Loaded(LetterModel.standard(), BUNDLED);
    }

    private static FileTime modified(Path f) {
        try {
            return Files.getLastModifiedTime(f);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    public Suggestion suggest(String text) {
        Prediction p = classifier.classify(text);
        var c = p.category();
        List<Alternative> alternatives = p.suggestions().stream()
                .map(s -> new Alternative(
                        s.category().code(),
                        s.category().name(),
                        s.category().parentName(),
                        s.category().department(),
                        s.probability()))
                .toList();
        return new Suggestion(
                c.code(),
                c.name(),
                c.parentName(),
                c.department(),
                p.confidence(),
                p.autoDispatch(),
                alternatives,
                classifier.version());
    }

    /** Version of the model answering, for the service's info. */
    public String modelVersion() {
        return classifier.version();
    }

    /** What the model answering was trained on and when. */
    public LetterModel.Info modelInfo() {
        return classifier.info();
    }

    /** The file the model was read from, or {@link #BUNDLED}. */
    public String source() {
        return source;
    }

    public double threshold() {
        return classifier.threshold();
    }

    /** How the live model does on operators' corrections: of {@code labels}, how many it now files as corrected. */
    public record Agreement(int labels, int category, int level1) {

        public Double categoryAccuracy() {
            return labels == 0 ? null : (double) category / labels;
        }

        public Double level1Accuracy() {
            return labels == 0 ? null : (double) level1 / labels;
        }
    }

    /**
     * The live model on the corrected texts: a category is right when it is the operator's, a first-level class when
     * it is the operator's category's parent (a retired code counts as the one that replaced it).
     */
    public Agreement agreement(List<CategoryLabels.Label> labels) {
        var catalog = org.gridgov.common.district.CategoryCatalog.standard();
        int category = 0;
        int level1 = 0;
        for (CategoryLabels.Label l : labels) {
            var gold = catalog.current(l.newCategory());
            var p = classifier.classify(l.text()).category();
            category += p.code().equals(gold.code()) ? 1 : 0;
            level1 += p.parentCode().equals(gold.parentCode()) ? 1 : 0;
        }
        return new Agreement(labels.size(), category, level1);
    }
}
