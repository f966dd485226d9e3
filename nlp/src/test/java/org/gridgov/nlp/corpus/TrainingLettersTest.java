package org.gridgov.nlp.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.gridgov.common.district.Category;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.nlp.CategoryLexicon;
import org.gridgov.nlp.LabeledText;
import org.junit.jupiter.api.Test;

class TrainingLettersTest {

    private final TrainingLetters letters = TrainingLetters.standard();

    @Test
    void sameSeedSameCorpusAndEveryCategoryInUseGetsLetters() {
        List<LabeledText> a = letters.generate(30, 5L);
        assertThat(a).isEqualTo(letters.generate(30, 5L)).isNotEqualTo(letters.generate(30, 6L));
        Set<String> codes = a.stream().map(LabeledText::categoryCode).collect(Collectors.toSet());
        assertThat(codes)
                .containsExactlyInAnyOrderElementsOf(CategoryCatalog.standard().active().stream()
                        .map(Category::code)
                        .toList());
        assertThat(a).noneMatch(t -> t.text().contains("{") || t.text().contains("}"));
    }

    @Test
    void lettersLookLikeLettersAndLikeHotlineNotes() {
        List<String> texts =
                letters.generate(40, 8L).stream().map(LabeledText::text).toList();
        double letterish = texts.stream()
                        .filter(t -> t.contains("领导") || t.contains("您好") || t.contains("书记"))
                        .count()
                / (double) texts.size();
        double notes = texts.stream()
                        .filter(t -> t.startsWith("市民") || t.startsWith("来电") || t.startsWith("网格员"))
                        .count()
                / (double) texts.size();
        assertThat(letterish).isBetween(0.3, 0.9);
        assertThat(notes).isBetween(0.05, 0.3);
        assertThat(texts.stream().mapToInt(String::length).average().orElseThrow())
                .isBetween(60.0, 400.0);
    }

    @Test
    void theHeldOutPartUsesOnlyWordsTheTrainingPartNeverUses() {
        CategoryLexicon.Entry heating = CategoryLexicon.standard().of("C0101");
        List<String> held =
                heating.words().stream().filter(TrainingLetters::heldOut).toList();
        List<String> kept = heating.words().stream()
                .filter(w -> !TrainingLetters.heldOut(w))
                .toList();
        assertThat(held).isNotEmpty();
        assertThat(kept.size()).isGreaterThan(held.size() * 2);
        List<String> training = letters.generate(40, 9L, TrainingLetters.Part.TRAINING).stream()
                .filter(t -> t.categoryCode().equals("C0101"))
                .map(LabeledText::text)
                .toList();
        // a held-out word may still appear inside a training item (暖气片 in 暖气片冰凉): check the others
        List<String> trainingItems = new java.util.ArrayList<>(kept);
        heating.issues().stream().filter(i -> !TrainingLetters.heldOut(i)).forEach(trainingItems::add);
        CategoryLexicon.standard().level1Words("C01").stream()
                .filter(i -> !TrainingLetters.heldOut(i))
                .forEach(trainingItems::add);
        int checked = 0;
        for (String w : held) {
            if (trainingItems.stream().noneMatch(k -> k.contains(w))) {
                assertThat(training).as(w).noneMatch(t -> t.contains(w));
                checked++;
            }
        }
        assertThat(checked).isPositive();
    }
}
