package org.gridgov.cases.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.gridgov.nlp.classify.LetterModel;
import org.gridgov.nlp.classify.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which model the service loads from {@code gridgov.case.model-dir}: the newest readable file, else the bundled one. */
class CategorySuggesterTest {

    @Test
    void noDirectoryMeansTheBundledModel(@TempDir Path dir) {
        assertThat(CategorySuggester.newest("").source()).isEqualTo(CategorySuggester.BUNDLED);
        assertThat(CategorySuggester.newest(dir.resolve("missing").toString()).source())
                .isEqualTo(CategorySuggester.BUNDLED);
        assertThat(CategorySuggester.newest(dir.toString()).model()).isSameAs(LetterModel.standard());
    }

    @Test
    void theNewestReadableFileWinsAndABrokenOneIsSkipped(@TempDir Path dir) throws Exception {
        Path older = dir.resolve("a.model");
        ModelFile.write(LetterModel.standard(), older);
        Files.setLastModifiedTime(older, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        Path notAModel = dir.resolve("notes.txt");
        Files.writeString(notAModel, "not a model");
        Files.setLastModifiedTime(notAModel, FileTime.from(Instant.parse("2026-03-01T00:00:00Z")));

        CategorySuggester.Loaded one = CategorySuggester.newest(dir.toString());
        assertThat(one.source()).isEqualTo(older.toString());
        assertThat(one.model().version()).isEqualTo(LetterModel.standard().version());

        Path newer = dir.resolve("b.model");
        Files.copy(older, newer);
        Files.setLastModifiedTime(newer, FileTime.from(Instant.parse("2026-02-01T00:00:00Z")));
        assertThat(CategorySuggester.newest(dir.toString()).source()).isEqualTo(newer.toString());

        // newest of all, but cut short: skipped, the next one answers
        Path broken = dir.resolve("c.model");
        byte[] bytes = Files.readAllBytes(newer);
        Files.write(broken, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Files.setLastModifiedTime(broken, FileTime.from(Instant.parse("2026-04-01T00:00:00Z")));
        assertThat(CategorySuggester.newest(dir.toString()).source()).isEqualTo(newer.toString());
    }
}
