package org.gridgov.nlp.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.gridgov.nlp.LabeledText;
import org.junit.jupiter.api.Test;

/**
 * Training from the corpus plus labelled texts, as the operators' corrections will be: a small corpus here (the
 * shipped model's figures are IndependentEvaluationTest's).
 */
class LetterTrainerTest {

    /** Texts the generated corpus would file elsewhere, labelled as an operator would correct them. */
    static final List<LabeledText> CORRECTIONS = List.of(
            new LabeledText("小区门口的共享充电宝押金退不了", "C0713"),
            new LabeledText("共享充电宝押金一直不退，客服打不通", "C0713"),
            new LabeledText("租的共享充电宝归还后还在扣费", "C0713"),
            new LabeledText("共享充电宝柜机坏了押金退不回来", "C0713"));

    @Test
    void trainsAVersionedModelAndLearnsFromLabelledTexts() {
        LetterTrainer.Options o = LetterTrainer.Options.defaults().withThreads(2);
        LetterTrainer.Data plain = LetterTrainer.Data.generated(25, List.of());
        List<LabeledText> extra = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            extra.addAll(CORRECTIONS);
        }
        LetterTrainer.Data corrected = LetterTrainer.Data.generated(25, extra);
        String v1 = ModelVersions.derive(plain.training());
        String v2 = ModelVersions.derive(corrected.training());
        assertThat(v1).startsWith("letters-" + ModelFile.FORMAT + ".").isNotEqualTo(v2);

        LetterTrainer.Result before = LetterTrainer.train(plain, o, v1, "test");
        LetterTrainer.Result after = LetterTrainer.train(corrected, o, v2, "test");
        assertThat(before.model().version()).isEqualTo(v1);
        assertThat(after.model().version()).isEqualTo(v2);
        assertThat(before.heldOutLevel1Accuracy()).isGreaterThan(0.6);
        for (LabeledText t : CORRECTIONS) {
            assertThat(after.model().classify(t.text()).categoryCode())
                    .as(t.text())
                    .isEqualTo("C0713");
        }
        assertThat(after.model().classify("共享充电宝押金不退还").categoryCode()).isEqualTo("C0713");
    }
}
