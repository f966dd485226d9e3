package org.gridgov.nlp.classify;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVPrinter;
import org.gridgov.common.district.Category;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.io.TsvTable;

/**
 * {@code gridgov classify}: classifies the rows of a TSV file and writes them to stdout with five columns added.
 * Errors, the summary and (with {@code --eval}) the figures go to stderr, so stdout stays a clean TSV.
 *
 * <pre>
 * --input=FILE.tsv     UTF-8, tab-separated, a header row; a cell may be quoted ("…") to hold tabs or line breaks
 * --text=COL[,COL…]    the columns to classify; with several, the first is the subject (主题) and weighs more
 * --eval=COL           a column with the gold first-level class (name such as 城乡建设, or code C01): print accuracy
 *                      and macro-F1 with the keyword baseline and the old naive Bayes beside the model
 * --threshold=T        auto-dispatch threshold (default: the model's, {@value LetterTrainer#DEFAULT_THRESHOLD})
 * --model=FILE         a model file instead of the shipped one (e.g. written by gridgov nlp train)
 * </pre>
 * Added columns: {@code category_code}, {@code category_l1}, {@code category_l2}, {@code confidence} (calibrated
 * probability that category_l1 is right), {@code auto_dispatch} (true/false). A row with the wrong number of cells is
 * reported with its line number and left out; a row without text is written with empty results and reported.
 */
public final class ClassifyCommand {

    static final List<String> ADDED =
            List.of("category_code", "category_l1", "category_l2", "confidence", "auto_dispatch");
    static final String USAGE = "usage: gridgov classify --input=FILE.tsv --text=COL[,COL...] [--eval=COL]"
            + " [--threshold=T] [--model=FILE]";

    private ClassifyCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Exit code: 0 done (bad rows, if any, are reported), 1 the input cannot be read, 2 wrong arguments. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> a = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                out.println(USAGE);
                out.println("Adds category_code, category_l1, category_l2, confidence, auto_dispatch to every row;"
                        + " see nlp/README.md.");
                return 0;
            }
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                err.println("classify: unknown argument " + arg + "\n" + USAGE);
                return 2;
            }
            a.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        for (String key : a.keySet()) {
            if (!List.of("input", "text", "eval", "threshold", "model").contains(key)) {
                err.println("classify: unknown option --" + key + "\n" + USAGE);
                return 2;
            }
        }
        if (!a.containsKey("input") || !a.containsKey("text") || a.get("text").isBlank()) {
            err.println("classify: --input and --text are required\n" + USAGE);
            return 2;
        }
        LetterModel model;
        try {
            model = a.containsKey("model") ? ModelFile.read(Path.of(a.get("model"))) : LetterModel.standard();
            if (a.containsKey("threshold")) {
                model = model.withThreshold(Double.parseDouble(a.get("threshold")));
            }
        } catch (IOException | IllegalArgumentException e) {
            err.println("classify: " + e.getMessage());
            return 2;
        }
        Path input = Path.of(a.get("input"));
        try (Reader in = Files.newBufferedReader(input, StandardCharsets.UTF_8);
                TsvTable table = TsvTable.open(in, input.toString())) {
            return classify(table, List.of(a.get("text").split(",")), a.get("eval"), model, out, err);
        } catch (NoSuchFileException e) {
            err.println("classify: no such file " + input);
            return 1;
        } catch (IOException | UncheckedIOException e) {
            err.println("classify: cannot read " + input + ": " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("classify: " + e.getMessage());
            return 2;
        }
    }

    private static int classify(
            TsvTable table,
            List<String> textColumns,
            String evalColumn,
            LetterModel model,
            PrintStream out,
            PrintStream err)
            throws IOException {
        int[] text = new int[textColumns.size()];
        for (int i = 0; i < text.length; i++) {
            text[i] = table.column(textColumns.get(i).strip());
        }
        int gold = evalColumn == null ? -1 : table.column(evalColumn.strip());
        int width = table.header().size();
        Map<String, Classifier> others = new LinkedHashMap<>();
        Map<String, Evaluation> evaluations = new LinkedHashMap<>();
        String modelName = "letter model " + model.version();
        if (gold >= 0) {
            others.put("keyword counting (lexicon)", KeywordBaseline.standard());
            others.put("old naive Bayes (templates)", NaiveBayesBaseline.standard());
            evaluations.put(modelName, new Evaluation());
            others.keySet().forEach(k -> evaluations.put(k, new Evaluation()));
        }
        Counts n = new Counts();
        long chars = 0;
        // the model's own time: reading, writing and the baselines of --eval are not classification
        long classifying = 0;
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        CSVPrinter printer = TsvTable.printer(writer);
        List<String> header = new ArrayList<>(table.header());
        header.addAll(ADDED);
        printer.printRecord(header);
        for (TsvTable.Line line : table) {
            n.rows++;
            if (line.size() != width) {
                n.malformed++;
                err.printf("line %d: %d cells, the header has %d; row left out%n", line.number(), line.size(), width);
                continue;
            }
            String subject = text.length > 1 ? line.cell(text[0]) : "";
            StringBuilder body = new StringBuilder();
            for (int i = text.length > 1 ? 1 : 0; i < text.length; i++) {
                body.append(body.length() == 0 ? "" : "\n").append(line.cell(text[i]));
            }
            List<String> row = new ArrayList<>(line.cells());
            if (subject.isBlank() && body.toString().isBlank()) {
                n.empty++;
                err.printf(
                        "line %d: no text in %s; written without a category%n",
                        line.number(), String.join(",", textColumns));
                row.addAll(List.of("", "", "", "", "false"));
                printer.printRecord(row);
                continue;
            }
            chars += subject.length() + body.length();
            long t0 = System.nanoTime();
            Prediction p = model.classify(subject, body.toString());
            classifying += System.nanoTime() - t0;
            n.classified++;
            n.auto += p.autoDispatch() ? 1 : 0;
            row.add(p.categoryCode());
            row.add(p.level1Name());
            row.add(p.level2Name());
            row.add(String.format(Locale.ROOT, "%.4f", p.confidence()));
            row.add(String.valueOf(p.autoDispatch()));
            printer.printRecord(row);
            if (gold >= 0) {
                String g = level1Name(line.cell(gold));
                if (g == null) {
                    n.unknownGold++;
                    err.printf(
                            "line %d: gold class '%s' in %s is not a first-level class; left out of the"
                                    + " evaluation%n",
                            line.number(), line.cell(gold), evalColumn);
                } else {
                    evaluations.get(modelName).add(g, p);
                    for (Map.Entry<String, Classifier> o : others.entrySet()) {
                        evaluations.get(o.getKey()).add(g, o.getValue().classify(subject, body.toString()));
                    }
                }
            }
        }
        printer.flush();
        writer.flush();
        double seconds = classifying / 1e9;
        err.printf(
                "classified %d of %d rows with %s (%d auto-dispatch at confidence >= %.2f, coverage %.1f %%); "
                        + "%d bad rows (%d with the wrong number of cells, left out; %d without text)%s;"
                        + " %.0f chars/s classified (the model's time, cold JIT included)%n",
                n.classified,
                n.rows,
                model.version(),
                n.auto,
                model.threshold(),
                n.classified == 0 ? 0 : 100.0 * n.auto / n.classified,
                n.malformed + n.empty,
                n.malformed,
                n.empty,
                n.unknownGold > 0 ? "; " + n.unknownGold + " rows with an unknown gold class" : "",
                chars / Math.max(seconds, 1e-9));
        if (gold >= 0 && evaluations.get(modelName).size() > 0) {
            EvaluationReport.print(
                    err,
                    "evaluation against " + evalColumn,
                    evaluations.get(modelName).goldClasses(),
                    evaluations,
                    modelName,
                    model.threshold());
        }
        return 0;
    }

    /** A gold label as a first-level class name: the name itself, or a C01-style code. */
    static String level1Name(String label) {
        String l = label.strip();
        for (Category c : CategoryCatalog.standard().all()) {
            if (c.parentName().equals(l) || c.parentCode().equals(l)) {
                return c.parentName();
            }
        }
        return null;
    }

    private static final class Counts {
        int rows;
        int classified;
        int auto;
        int malformed;
        int empty;
        int unknownGold;
    }
}
