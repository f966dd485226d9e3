package org.gridgov.nlp.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.gridgov.nlp.LabeledText;
import org.gridgov.nlp.TemplateCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {

    @TempDir
    Path dir;

    @Test
    void aWrittenModelReadsBackAndAnswersTheSame() throws Exception {
        LetterModel model = LetterModel.standard();
        Path file = dir.resolve("m.model");
        ModelFile.write(model, file);
        LetterModel back = ModelFile.read(file);
        assertThat(back.info()).isEqualTo(model.info());
        assertThat(back.threshold()).isEqualTo(model.threshold());
        for (LabeledText t : TemplateCorpus.standard().fill(1, 4L)) {
            assertThat(back.classify(t.text())).isEqualTo(model.classify(t.text()));
        }
    }

    @Test
    void somethingElseOrANewerFormatIsRefusedWithAReason() throws Exception {
        assertThatThrownBy(() -> ModelFile.read(new ByteArrayInputStream(gzip(0x12345678, 1))))
                .isInstanceOf(IOException.class)
                .hasMessage("not a gridgov letter model");
        assertThatThrownBy(() -> ModelFile.read(new ByteArrayInputStream(gzip(0x47474C4D, ModelFile.FORMAT + 1))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("retrain with gridgov nlp train");
    }

    private static byte[] gzip(int magic, int format) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(magic);
            out.writeInt(format);
        }
        return bytes.toByteArray();
    }
}
