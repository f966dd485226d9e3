package org.gridgov.nlp;

import com.hankcs.hanlp.seg.common.Term;
import com.hankcs.hanlp.summary.TextRankKeyword;
import java.util.List;

/**
 * TextRank keywords of one text (HanLP's {@link TextRankKeyword}) over our segmenter and content-word filter.
 * Confined to one thread, like the segmenter it wraps.
 */
public final class Keywords {

    private final TextRankKeyword textRank;

    public Keywords(GovSegmenter segmenter) {
        this.textRank = new TextRankKeyword(segmenter.hanlp()) {
            @Override
            protected boolean shouldInclude(Term term) {
                return GovSegmenter.isContentWord(term);
            }
        };
    }

    /** Up to {@code size} keywords, most central first. */
    public List<String> of(String text, int size) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return textRank.getKeywords(text, size);
    }
}
