package org.gridgov.nlp.classify;

/**
 * Text → case category. The model ({@link LetterModel}) and the two baselines it is measured against
 * ({@link KeywordBaseline}, {@link NaiveBayesBaseline}) answer the same way, so the batch command and the tests
 * compare them row by row. Implementations are thread-safe.
 */
public interface Classifier {

    /** A message as one text; a short first line is read as its subject. */
    Prediction classify(String text);

    /** A message whose subject (主题) and body (详情) come apart; either may be empty. */
    default Prediction classify(String subject, String body) {
        String s = subject == null ? "" : subject.strip();
        String b = body == null ? "" : body.strip();
        return classify(s.isEmpty() ? b : s + "\n" + b);
    }

    /** Which model answered: a version for a trained model, a fixed name for a baseline. */
    String version();
}
