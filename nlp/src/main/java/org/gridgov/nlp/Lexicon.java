package org.gridgov.nlp;

import java.util.List;
import org.gridgov.common.io.Tsv;

/** The one-word-per-line lists shipped under {@code gridgov/nlp/}, in the platform's {@link Tsv#FORMAT}. */
final class Lexicon {

    private Lexicon() {}

    /** The first cell of every line, trimmed (a list has no header; '#' comments and blank lines are skipped). */
    static List<String> words(String resource) {
        return Tsv.rows(Tsv.open(resource), resource).stream()
                .map(r -> r.cell(0).strip())
                .toList();
    }
}
