package org.gridgov.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridgov.common.district.Category;
import org.gridgov.common.district.CategoryCatalog;
import org.junit.jupiter.api.Test;

class CategoryLexiconTest {

    @Test
    void lexiconCoversEveryCategoryOfTheCatalogue() {
        assertThat(CategoryLexicon.keywords().keySet())
                .containsExactlyInAnyOrderElementsOf(CategoryCatalog.standard().all().stream()
                        .map(cat -> cat.code())
                        .toList());
        assertThat(CategoryLexicon.keywords().values())
                .allSatisfy(words -> assertThat(words).hasSizeGreaterThan(5));
    }

    @Test
    void everyCategoryInUseHasWordsIssuesAndEveryClassItsOwnWords() {
        CategoryLexicon lexicon = CategoryLexicon.standard();
        for (Category c : CategoryCatalog.standard().active()) {
            CategoryLexicon.Entry e = lexicon.of(c.code());
            assertThat(e.words()).as(c.name()).hasSizeGreaterThanOrEqualTo(8).doesNotHaveDuplicates();
            assertThat(e.issues()).as(c.name()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(lexicon.level1Words(c.parentCode())).as(c.parentName()).isNotEmpty();
        }
        // thousands of words and phrases citizens use, not the 59 lists of the template era
        long terms = lexicon.entries().values().stream()
                .mapToLong(e -> e.words().size() + e.issues().size())
                .sum();
        assertThat(terms).isGreaterThan(4000);
        assertThat(lexicon.fingerprint()).hasSize(16);
    }
}
