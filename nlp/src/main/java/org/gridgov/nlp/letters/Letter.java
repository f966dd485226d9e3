package org.gridgov.nlp.letters;

import java.util.Objects;

/**
 * A citizen's message after {@link LetterNormalizer}: the subject line (empty when it had none) and the body, both
 * without salutation, closing, signature, dates, anonymised place codes and boilerplate.
 */
public record Letter(String subject, String body) {

    public Letter {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }

    /** Subject and body as one text, for keyword extraction and segmentation. */
    public String text() {
        if (subject.isEmpty()) {
            return body;
        }
        return body.isEmpty() ? subject : subject + "。" + body;
    }

    public boolean isEmpty() {
        return subject.isEmpty() && body.isEmpty();
    }
}
