package org.gridgov.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gridgov.common.district.CategoryCatalog;
import org.junit.jupiter.api.Test;

class TemplateCorpusTest {

    private final TemplateCorpus corpus = TemplateCorpus.standard();

    @Test
    void fillsEveryPlaceholderDeterministically() {
        List<LabeledText> a = corpus.fill(3, 42L);
        assertThat(a).hasSize(corpus.templates().size() * 3).isEqualTo(corpus.fill(3, 42L));
        assertThat(a).noneMatch(t -> t.text().contains("{") || t.text().contains("}"));
        assertThat(corpus.fill(3, 43L)).isNotEqualTo(a);
        Set<String> codes =
                CategoryCatalog.standard().all().stream().map(c -> c.code()).collect(Collectors.toSet());
        assertThat(a).allSatisfy(t -> assertThat(codes).contains(t.categoryCode()));
    }

    @Test
    void templateSplitTestsOnlyWordingsNeverTrainedOn() {
        TemplateCorpus.Split split = corpus.byTemplate(1, 1L);
        Map<String, List<TemplateCorpus.Template>> byCategory = corpus.byCategory();
        int held = (int) byCategory.values().stream().filter(g -> g.size() >= 3).count();
        assertThat(split.test()).hasSize(held);
        assertThat(split.train()).hasSize(corpus.templates().size() - held);
        // the held-out wording is the last template of its category, which no training text was filled from
        for (LabeledText t : split.test()) {
            List<TemplateCorpus.Template> group = byCategory.get(t.categoryCode());
            String heldOut = group.get(group.size() - 1).text();
            String prefix = heldOut.substring(0, Math.min(6, heldOut.indexOf('{') < 0 ? 6 : heldOut.indexOf('{')));
            assertThat(t.text()).startsWith(prefix);
        }
    }

    @Test
    void textSplitKeepsEveryTextOnce() {
        TemplateCorpus.Split split = corpus.byText(2, 0.25, 3L);
        assertThat(split.train().size() + split.test().size())
                .isEqualTo(corpus.templates().size() * 2);
        assertThat(split.test().size()).isEqualTo(Math.round(corpus.templates().size() * 2 * 0.25));
    }
}
