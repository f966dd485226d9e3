package org.gridgov.nlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the one-entry-per-line word lists shipped under {@code gridgov/nlp/} ('#' comments, blank lines skipped). */
final class Lexicon {

    private Lexicon() {
    }

    /** Every non-comment line, trimmed; a line with a tab keeps its cells. */
    static List<String[]> rows(String resource) {
        InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("word list missing from the classpath: " + resource);
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                rows.add(t.split("\t"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return rows;
    }

    /** The first cell of every line. */
    static List<String> words(String resource) {
        return rows(resource).stream().map(r -> r[0]).toList();
    }
}
