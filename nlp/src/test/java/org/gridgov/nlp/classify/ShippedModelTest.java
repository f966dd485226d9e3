package org.gridgov.nlp.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.nlp.CategoryLexicon;
import org.gridgov.nlp.corpus.TrainingLetters;
import org.junit.jupiter.api.Test;

/**
 * The shipped model ({@code gridgov/nlp/model/letters.model}) is the one today's corpus, lexicon, catalogue and
 * feature code give: change any of them and this fails until the model is retrained with
 * {@code ./gridgov nlp train --out=nlp/src/main/resources/gridgov/nlp/model/letters.model} (about a minute).
 */
class ShippedModelTest {

    private final LetterModel model = LetterModel.standard();

    @Test
    void theShippedModelIsTrainedOnTodaysCorpusLexiconAndCatalogue() {
        assertThat(model.info().lexiconFingerprint())
                .as("lexicon changed since the model was trained")
                .isEqualTo(CategoryLexicon.standard().fingerprint());
        assertThat(model.info().catalogueFingerprint())
                .as("catalogue changed since the model was trained")
                .isEqualTo(LetterTrainer.catalogueFingerprint(CategoryCatalog.standard()));
        LetterTrainer.Data data = LetterTrainer.Data.generated(TrainingLetters.BASE_PER_LEVEL1, List.of());
        assertThat(model.version())
                .as("corpus, frames or feature code changed since the model was trained")
                .isEqualTo(ModelVersions.derive(data.training()));
        assertThat(model.info().trainingData()).contains("generated letters");
    }

    @Test
    void itKnowsEveryCategoryInUseAndNoRetiredOne() {
        assertThat(model.scores("供暖").entrySet())
                .filteredOn(e -> e.getValue() > 0)
                .extracting(e -> e.getKey())
                .containsExactlyInAnyOrderElementsOf(CategoryCatalog.standard().active().stream()
                        .map(c -> c.code())
                        .toList());
        assertThat(model.threshold()).isEqualTo(LetterTrainer.DEFAULT_THRESHOLD);
    }
}
