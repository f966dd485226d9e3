package org.gridgov.nlp;

import java.util.Objects;

/** A complaint text with its second-level category code (C0101 ...), for training and evaluation. */
public record LabeledText(String text, String categoryCode) {

    public LabeledText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(categoryCode, "categoryCode");
    }
}
