package org.gridgov.batch.hotwords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.gridgov.common.district.District;
import org.gridgov.nlp.Collocations;
import org.junit.jupiter.api.Test;

/** The driver's sums over the count rows: texts per scope, phrases from the district's rows, phrases beside words. */
class ScopeCountsTest {

    private static final String FEB = "2024-02";
    private static final HotWordTables.Scope DISTRICT =
            new HotWordTables.Scope(FEB, HotWordsJob.DISTRICT, District.CODE);
    private static final HotWordTables.Scope STREET = new HotWordTables.Scope(FEB, HotWordsJob.STREET, "S1");

    /** 100 texts in the district, 40 of them in street S1; 电动车 and 充电 travel together. */
    private static ScopeCounts counts() {
        ScopeCounts c = new ScopeCounts();
        for (HotWordTables.Scope s : List.of(DISTRICT, STREET)) {
            long n = s == DISTRICT ? 100 : 40;
            c.add(FEB, s.type(), s.code(), TextCounts.TEXTS, "", n / 2);
            c.add(FEB, s.type(), s.code(), TextCounts.TEXTS, "", n / 2); // partial rows add up
            c.add(FEB, s.type(), s.code(), TextCounts.RISK_TEXTS, "", n / 10);
            c.add(FEB, s.type(), s.code(), TextCounts.WORD, "电动车", n / 5);
            c.add(FEB, s.type(), s.code(), TextCounts.WORD, "充电", n / 5);
            c.add(FEB, s.type(), s.code(), TextCounts.WORD, "物业", n / 2);
            c.add(FEB, s.type(), s.code(), TextCounts.PAIR, "电动车\t充电", n / 5);
            c.add(FEB, s.type(), s.code(), TextCounts.PAIR, "物业\t充电", 1);
            c.add(FEB, s.type(), s.code(), TextCounts.TERM, "火灾隐患", n / 10);
        }
        return c;
    }

    @Test
    void sumsTextsAndRiskTextsPerScope() {
        Map<HotWordTables.Scope, long[]> docs = counts().docs();
        assertThat(docs.get(DISTRICT)).containsExactly(100, 10);
        assertThat(docs.get(STREET)).containsExactly(40, 4);
        assertThat(counts().terms().get(STREET)).containsEntry("火灾隐患", 4L);
    }

    @Test
    void learnsPhrasesFromTheDistrictAndCountsThemBesideTheirWords() {
        ScopeCounts c = counts();
        Collocations phrases = c.phrases(Collocations.Settings.defaults());
        // the district's counts, as Collocations.select scores them (a pair in one text is no candidate)
        assertThat(phrases.phrases())
                .isEqualTo(Collocations.select(
                                List.of(new Collocations.Candidate("电动车\t充电", 20, 20, 20)),
                                100,
                                Collocations.Settings.defaults())
                        .phrases());
        assertThat(phrases.phrases()).extracting(Collocations.Phrase::text).containsExactly("电动车充电");
        Map<HotWordTables.Scope, Map<String, Long>> words = c.words(phrases);
        assertThat(words.get(STREET))
                .containsOnly(Map.entry("电动车", 8L), Map.entry("充电", 8L), Map.entry("物业", 20L), Map.entry("电动车充电", 8L));
        assertThat(words.get(DISTRICT)).containsEntry("电动车充电", 20L);
        assertThat(c.words(Collocations.none()).get(DISTRICT)).doesNotContainKey("电动车充电");
    }

    @Test
    void anUnknownKindIsAnError() {
        assertThatThrownBy(() -> new ScopeCounts().add(FEB, HotWordsJob.DISTRICT, District.CODE, "X", "", 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
