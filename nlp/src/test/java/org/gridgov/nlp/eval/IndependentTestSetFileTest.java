package org.gridgov.nlp.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import org.gridgov.common.io.TsvTable;
import org.junit.jupiter.api.Test;

/**
 * The independent set as a file, for {@code gridgov classify --eval}: the committed TSV equals what the generator
 * writes (regenerate with {@code -Dgridgov.nlp.rewrite=true}), so the command and the tests measure the same letters.
 */
class IndependentTestSetFileTest {

    static final Path FILE = Path.of("src/test/resources/gridgov/nlp/eval/letters_test.tsv");

    @Test
    void theCommittedFileIsTheGeneratedSet() throws Exception {
        String expected = render(IndependentTestSet.letters());
        if (Boolean.getBoolean("gridgov.nlp.rewrite")) {
            Files.writeString(FILE, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(FILE, StandardCharsets.UTF_8))
                .as("%s is stale: run the test with -Dgridgov.nlp.rewrite=true", FILE)
                .isEqualTo(expected);
    }

    static String render(List<IndependentLetters.TestLetter> letters) throws Exception {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = TsvTable.printer(w)) {
            p.printRecord("id", "level1", "source", "subject", "text");
            int id = 1;
            for (IndependentLetters.TestLetter l : letters) {
                p.printRecord(String.format("T%05d", id++), l.level1(), l.source(), l.subject(), l.text());
            }
        }
        return w.toString();
    }
}
