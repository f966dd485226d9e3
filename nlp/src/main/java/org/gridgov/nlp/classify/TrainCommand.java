package org.gridgov.nlp.classify;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.io.TsvTable;
import org.gridgov.nlp.LabeledText;
import org.gridgov.nlp.corpus.TrainingLetters;

/**
 * {@code gridgov nlp train}: trains a letter model on the generated corpus plus optional labelled texts and writes a
 * model file. {@code --out=FILE} (default {@code <model-dir>/<version>.model}, the version being {@code letters-...}), {@code --model-dir=DIR}
 * (default {@code .gridgov/models}), {@code --version=V} (default: derived from the training data), {@code
 * --extra=FILE.tsv --extra-text=COL --extra-label=COL} (a TSV with a header whose label column holds category codes;
 * each repeated {@code --extra-weight} times, default 3), {@code --corrections=FILE.tsv} (the operators' corrections
 * as the case service exports them, {@code GET /api/admin/category-labels}: columns {@code text} and {@code
 * category_code}; each repeated {@code --corrections-weight} times, default 3), {@code --threads=N}, {@code --base=N}
 * (corpus size per class, default {@value TrainingLetters#BASE_PER_LEVEL1}).
 *
 * <p>Corrections come as a file rather than over JDBC from the case database: nlp then needs neither a JDBC driver nor
 * the case schema, the export is where the case service decides what leaves it (only active labels, PII masked), and
 * a training run can be repeated from the same file. A model trained with corrections is versioned by content hash and
 * training time ({@code letters-1.<hash>.<yyyyMMddHHmmss>}), so two retrainings are told apart in the service's logs
 * even from the same data; its info's training data names how many corrections went in.
 */
public final class TrainCommand {

    /** Where trained models go unless {@code --out} or {@code --model-dir} says otherwise. */
    public static final String DEFAULT_MODEL_DIR = ".gridgov/models";
    /** How the training data line names the corrections: "+ N operator corrections from FILE". */
    public static final String CORRECTIONS_NOTE = "operator corrections";

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private TrainCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> a = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                err.println("train: unknown argument " + arg + " (options are --name=value)");
                return 2;
            }
            a.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        try {
            int base = Integer.parseInt(a.getOrDefault("base", String.valueOf(TrainingLetters.BASE_PER_LEVEL1)));
            int threads = Integer.parseInt(a.getOrDefault(
                    "threads", String.valueOf(Math.min(2, Runtime.getRuntime().availableProcessors()))));
            long t0 = System.nanoTime();
            List<LabeledText> extra = new ArrayList<>();
            if (a.containsKey("extra")) {
                List<LabeledText> more = readLabelled(
                        Path.of(a.get("extra")),
                        a.getOrDefault("extra-text", "text"),
                        a.getOrDefault("extra-label", "category_code"));
                int weight = Integer.parseInt(a.getOrDefault("extra-weight", "3"));
                for (int i = 0; i < weight; i++) {
                    extra.addAll(more);
                }
            }
            int labelled = extra.size();
            int corrections = 0;
            if (a.containsKey("corrections")) {
                List<LabeledText> more = readLabelled(Path.of(a.get("corrections")), "text", "category_code");
                corrections = more.size();
                int weight = Integer.parseInt(a.getOrDefault("corrections-weight", "3"));
                for (int i = 0; i < weight; i++) {
                    extra.addAll(more);
                }
            }
            LetterTrainer.Data d = LetterTrainer.Data.generated(base, extra);
            int generated = d.training().size() - extra.size();
            String data = "generated letters " + generated + " (seed " + TrainingLetters.SEED + ", base " + base + ")"
                    + (labelled == 0
                            ? ""
                            : " + labelled texts from " + a.get("extra") + " (" + labelled + " with repeats)")
                    + (a.containsKey("corrections")
                            ? " + " + corrections + " " + CORRECTIONS_NOTE + " from " + a.get("corrections") + " ("
                                    + (extra.size() - labelled) + " with repeats)"
                            : "");
            String version = a.getOrDefault(
                    "version",
                    ModelVersions.derive(d.training())
                            + (a.containsKey("corrections") ? "." + STAMP.format(Instant.now()) : ""));
            LetterTrainer.Result r =
                    LetterTrainer.train(d, LetterTrainer.Options.defaults().withThreads(threads), version, data);
            Path file = Path.of(a.getOrDefault(
                    "out",
                    Path.of(a.getOrDefault("model-dir", DEFAULT_MODEL_DIR))
                            .resolve(version + ".model")
                            .toString()));
            ModelFile.write(r.model(), file);
            out.printf("model %s: %s%n", version, data);
            out.printf(
                    "held-out validation (%d letters of words and sentences the calibration model never saw): "
                            + "level 1 %.3f, category %.3f, ECE %.3f, auto-dispatch at %.2f: precision %.3f, coverage %.3f%n",
                    r.heldOutTexts(),
                    r.heldOutLevel1Accuracy(),
                    r.heldOutCategoryAccuracy(),
                    r.heldOutCalibrationError(),
                    r.model().threshold(),
                    r.heldOutAutoPrecision(),
                    r.heldOutAutoCoverage());
            out.printf("wrote %s (%,d bytes) in %.1f s%n", file, Files.size(file), (System.nanoTime() - t0) / 1e9);
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("train: " + e.getMessage());
            return 1;
        }
    }

    /** Labelled texts from a TSV with a header; labels are category codes (retired ones allowed). */
    static List<LabeledText> readLabelled(Path file, String textColumn, String labelColumn) throws IOException {
        CategoryCatalog catalog = CategoryCatalog.standard();
        List<LabeledText> out = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                TsvTable table = TsvTable.open(in, file.toString())) {
            int text = table.column(textColumn);
            int label = table.column(labelColumn);
            for (TsvTable.Line line : table) {
                String code = line.cell(label).strip();
                if (catalog.find(code).isEmpty()) {
                    throw new IllegalArgumentException(file + ":" + line.number() + ": unknown category " + code);
                }
                out.add(new LabeledText(line.cell(text), code));
            }
        }
        return out;
    }
}
