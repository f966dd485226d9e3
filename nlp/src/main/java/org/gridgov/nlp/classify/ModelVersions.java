package org.gridgov.nlp.classify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.gridgov.nlp.CategoryLexicon;
import org.gridgov.nlp.LabeledText;

/**
 * Model versions: {@code letters-<format>.<hash>}, the hash over the training texts and labels, the lexicon, the
 * feature settings and {@link FeatureExtractor#VERSION}, so the same data and code give the same version and any
 * change to them another.
 */
public final class ModelVersions {

    private ModelVersions() {}

    public static String derive(List<LabeledText> texts) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (LabeledText t : texts) {
                d.update(t.categoryCode().getBytes(StandardCharsets.UTF_8));
                d.update((byte) '\t');
                d.update(t.text().getBytes(StandardCharsets.UTF_8));
                d.update((byte) '\n');
            }
            d.update(CategoryLexicon.standard().fingerprint().getBytes(StandardCharsets.UTF_8));
            d.update(FeatureSettings.DEFAULT.toString().getBytes(StandardCharsets.UTF_8));
            d.update(("features-" + FeatureExtractor.VERSION).getBytes(StandardCharsets.UTF_8));
            return "letters-" + ModelFile.FORMAT + "."
                    + HexFormat.of().formatHex(d.digest()).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
