package org.gridgov.nlp.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gridgov nlp train --corrections}: the case service's label export in, a model file named by content hash and
 * time out, the count of corrections in its info; a bad export is refused with its line. (A small corpus keeps it
 * short; {@code LetterTrainerTest} shows corrections being learned, {@code CorrectionLoopIT} the loop with the service.)
 */
class TrainCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return TrainCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path export(String... rows) throws Exception {
        Path f = dir.resolve("labels.tsv");
        StringBuilder b = new StringBuilder(
                "case_id\ttext\told_category\tcategory_code\tchanged_role\tchanged_at" + "\tmodel_version\n");
        for (String r : rows) {
            b.append(r).append('\n');
        }
        Files.writeString(f, b.toString(), StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void correctionsGoInWeightedAndTheVersionCarriesHashAndTime() throws Exception {
        Path labels = export(
                "SJ1\t小区门口的共享充电宝押金退不了\tC0111\tC0713\tCOMMAND_CENTER\t2026-12-01T10:00\tletters-1.abc",
                "SJ2\t共享充电宝押金一直不退\tC0304\tC0713\tDEPARTMENT\t2026-12-01T11:00\t");
        Path models = dir.resolve("models");
        int rc = run("--corrections=" + labels, "--model-dir=" + models, "--base=25", "--threads=2");
        assertThat(rc).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<Path> files;
        try (Stream<Path> s = Files.list(models)) {
            files = s.toList();
        }
        assertThat(files).hasSize(1);
        LetterModel m = ModelFile.read(files.get(0));
        assertThat(files.get(0).getFileName().toString()).isEqualTo(m.version() + ".model");
        assertThat(m.version()).matches("letters-" + ModelFile.FORMAT + "\\.[0-9a-f]{10}\\.\\d{14}");
        assertThat(m.info().trainingData())
                .contains("+ 2 " + TrainCommand.CORRECTIONS_NOTE + " from " + labels)
                .contains("(6 with repeats)");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("model " + m.version());
    }

    /**
     * An export without rows trains on exactly the corpus the shipped model is trained on (same content hash; training
     * is deterministic, {@code ShippedModelTest}), so its accuracy is the shipped model's; only the time differs.
     */
    @Test
    void anEmptyExportTrainsOnTheShippedCorpus() throws Exception {
        Path labels = export();
        Path models = dir.resolve("models");
        assertThat(run("--corrections=" + labels, "--model-dir=" + models, "--base=25", "--threads=2"))
                .isZero();
        LetterModel m;
        try (Stream<Path> s = Files.list(models)) {
            m = ModelFile.read(s.findFirst().orElseThrow());
        }
        String plain =
                ModelVersions.derive(LetterTrainer.Data.generated(25, List.of()).training());
        assertThat(m.version()).startsWith(plain + ".");
        assertThat(m.info().trainingData()).contains("+ 0 " + TrainCommand.CORRECTIONS_NOTE);
    }

    @Test
    void anUnknownCategoryInTheExportIsRefusedWithItsLine() throws Exception {
        Path labels = export("SJ1\t共享充电宝押金退不了\tC0111\tC9999\tCOMMAND_CENTER\t2026-12-01T10:00\t");
        assertThat(run("--corrections=" + labels, "--model-dir=" + dir.resolve("models"), "--base=25"))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("labels.tsv:2")
                .contains("C9999");
        assertThat(Files.exists(dir.resolve("models"))).isFalse();
    }
}
