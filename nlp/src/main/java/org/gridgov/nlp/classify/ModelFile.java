package org.gridgov.nlp.classify;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The model file: gzip over a binary layout that holds everything a model needs to classify, so a file keeps working
 * when the lexicon or the catalogue later change (codes never change meaning; a retired code is read as its
 * successor). Layout, after the magic {@code GGLM} and the format number:
 * <ol>
 *   <li>{@link LetterModel.Info}: version, training time, what it was trained on, lexicon and catalogue
 *   fingerprints;</li>
 *   <li>feature settings; the threshold;</li>
 *   <li>the lexicon: terms with the class numbers they count for, and each category's first-level class;</li>
 *   <li>the vocabulary: feature keys (most frequent first) and IDFs;</li>
 *   <li>the first-level layer, then one category layer per first-level class: labels, temperature, biases, rows
 *   (feature number as the gap to the previous one, and one weight per label as a 16-bit fraction of the layer's
 *   largest weight: a thousandth of a percent is far below what changes an answer, and the file halves).</li>
 * </ol>
 * A newer format number is refused with a message rather than misread.
 */
public final class ModelFile {

    private static final int MAGIC = 0x47474C4D; // GGLM
    static final int FORMAT = 1;

    private ModelFile() {}

    public static void write(LetterModel model, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            write(model, out);
        }
        Files.move(
                tmp,
                file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    public static LetterModel read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    public static void write(LetterModel model, OutputStream target) throws IOException {
        GZIPOutputStream gz = new GZIPOutputStream(target, 1 << 16);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gz, 1 << 16));
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        LetterModel.Info info = model.info();
        out.writeUTF(info.version());
        out.writeUTF(info.trainedAt());
        out.writeUTF(info.trainingData());
        out.writeUTF(info.lexiconFingerprint());
        out.writeUTF(info.catalogueFingerprint());
        FeatureSettings s = model.extractor().settings();
        out.writeFloat(s.charWeight());
        out.writeFloat(s.wordWeight());
        out.writeFloat(s.lexiconWeight());
        out.writeFloat(s.subjectWeight());
        out.writeBoolean(s.charTrigrams());
        out.writeInt(s.minDocumentFrequency());
        out.writeDouble(model.threshold());

        LexiconMatcher lexicon = model.extractor().lexicon();
        String[] terms = lexicon.terms();
        int[][] classes = lexicon.classes();
        out.writeInt(terms.length);
        for (int i = 0; i < terms.length; i++) {
            out.writeUTF(terms[i]);
            out.writeShort(classes[i].length);
            for (int c : classes[i]) {
                out.writeShort(c);
            }
        }
        int[] level1Of = model.extractor().level1Of();
        out.writeInt(level1Of.length);
        for (int a : level1Of) {
            out.writeShort(a);
        }

        long[] keys = model.vocabulary().keys();
        float[] idf = model.vocabulary().idf();
        out.writeInt(keys.length);
        for (int i = 0; i < keys.length; i++) {
            out.writeLong(keys[i]);
            out.writeFloat(idf[i]);
        }
        writeLayer(out, model.level1());
        for (LinearLayer layer : model.level2()) {
            writeLayer(out, layer);
        }
        out.flush();
        gz.finish();
    }

    public static LetterModel read(InputStream source) throws IOException {
        DataInputStream in =
                new DataInputStream(new BufferedInputStream(new GZIPInputStream(source, 1 << 16), 1 << 16));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a gridgov letter model");
        }
        int format = in.readInt();
        if (format != FORMAT) {
            throw new IOException("model format " + format + " is not readable by this version (format " + FORMAT
                    + "); retrain with gridgov nlp train");
        }
        LetterModel.Info info =
                new LetterModel.Info(in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF());
        FeatureSettings settings = new FeatureSettings(
                in.readFloat(), in.readFloat(), in.readFloat(), in.readFloat(), in.readBoolean(), in.readInt());
        double threshold = in.readDouble();

        String[] terms = new String[in.readInt()];
        int[][] classes = new int[terms.length][];
        for (int i = 0; i < terms.length; i++) {
            terms[i] = in.readUTF();
            classes[i] = new int[in.readShort()];
            for (int j = 0; j < classes[i].length; j++) {
                classes[i][j] = in.readShort();
            }
        }
        int[] level1Of = new int[in.readInt()];
        for (int i = 0; i < level1Of.length; i++) {
            level1Of[i] = in.readShort();
        }

        long[] keys = new long[in.readInt()];
        float[] idf = new float[keys.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = in.readLong();
            idf[i] = in.readFloat();
        }
        LinearLayer level1 = readLayer(in);
        LinearLayer[] level2 = new LinearLayer[level1.size()];
        for (int i = 0; i < level2.length; i++) {
            level2[i] = readLayer(in);
        }
        FeatureExtractor extractor = new FeatureExtractor(settings, new LexiconMatcher(terms, classes), level1Of);
        return new LetterModel(info, extractor, new Vocabulary(keys, idf, settings), level1, level2, threshold);
    }

    private static void writeLayer(DataOutputStream out, LinearLayer layer) throws IOException {
        String[] labels = layer.labels();
        out.writeInt(labels.length);
        for (String l : labels) {
            out.writeUTF(l);
        }
        out.writeFloat(layer.temperature());
        for (float b : layer.bias()) {
            out.writeFloat(b);
        }
        int[] features = layer.features();
        short[] weights = layer.quantisedWeights();
        out.writeFloat(layer.scale());
        out.writeInt(features.length);
        int previous = 0;
        for (int r = 0; r < features.length; r++) {
            writeVarLong(out, features[r] - previous);
            previous = features[r];
            for (int j = 0; j < labels.length; j++) {
                out.writeShort(weights[r * labels.length + j]);
            }
        }
    }

    private static LinearLayer readLayer(DataInputStream in) throws IOException {
        String[] labels = new String[in.readInt()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = in.readUTF();
        }
        float temperature = in.readFloat();
        float[] bias = new float[labels.length];
        for (int i = 0; i < bias.length; i++) {
            bias[i] = in.readFloat();
        }
        float scale = in.readFloat();
        int[] features = new int[in.readInt()];
        short[] weights = new short[features.length * labels.length];
        int previous = 0;
        for (int r = 0; r < features.length; r++) {
            features[r] = previous + (int) readVarLong(in);
            previous = features[r];
            for (int j = 0; j < labels.length; j++) {
                weights[r * labels.length + j] = in.readShort();
            }
        }
        return new LinearLayer(labels, features, weights, scale, bias, temperature);
    }

    private static void writeVarLong(DataOutputStream out, long v) throws IOException {
        while ((v & ~0x7FL) != 0) {
            out.writeByte((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.writeByte((int) v);
    }

    private static long readVarLong(DataInputStream in) throws IOException {
        long v = 0;
        int shift = 0;
        while (true) {
            int b = in.readUnsignedByte();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
            shift += 7;
        }
    }
}
