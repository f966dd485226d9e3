package org.gridgov.launcher;

import java.util.List;
import java.util.concurrent.Callable;
import org.gridgov.nlp.classify.ClassifyCommand;
import org.gridgov.nlp.classify.TrainCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * The text commands. Each hands its arguments unchanged to the nlp module's command, so the command line documented
 * in nlp/README.md is the one users type after {@code ./gridgov}.
 */
final class NlpCommands {

    private NlpCommands() {}

    @Command(
            name = "classify",
            description = {
                "Classify the rows of a TSV file: stdout gets the rows with category_code, category_l1, category_l2,",
                "confidence and auto_dispatch added; bad rows and the summary go to stderr.",
                "Usage: gridgov classify --input=FILE.tsv --text=COL[,COL...] [--eval=COL] [--threshold=T] [--model=FILE]"
            })
    static final class Classify implements Callable<Integer> {
        @Parameters(arity = "0..*", paramLabel = "ARGS")
        List<String> args;

        @Unmatched
        List<String> rest;

        @Override
        public Integer call() {
            return ClassifyCommand.run(HandedOverArguments.of(args, rest), System.out, System.err);
        }
    }

    @Command(
            name = "nlp",
            description = {
                "Text model tools. gridgov nlp train [--out=FILE | --model-dir=DIR] [--corrections=FILE.tsv]",
                "[--extra=FILE.tsv --extra-text=COL --extra-label=COL] trains a letter model on the generated corpus (plus",
                "operators' corrections exported by the case service, GET /api/admin/category-labels) and writes a versioned",
                "model file."
            })
    static final class Nlp implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "train")
        String what;

        @Parameters(index = "1..*", arity = "0..*", paramLabel = "ARGS")
        List<String> args;

        @Unmatched
        List<String> rest;

        @Override
        public Integer call() {
            if (!"train".equals(what)) {
                System.err.println("nlp: unknown tool '" + what + "'; the one there is: train");
                return 2;
            }
            return TrainCommand.run(HandedOverArguments.of(args, rest), System.out, System.err);
        }
    }
}
