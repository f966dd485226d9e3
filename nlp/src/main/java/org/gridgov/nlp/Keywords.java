package org.gridgov.nlp;

import com.hankcs.hanlp.seg.common.Term;
import com.hankcs.hanlp.summary.TextRankKeyword;
import java.util.List;
import org.gridgov.nlp.letters.LetterNormalizer;

/**
 * TextRank keywords of one text (HanLP's {@link TextRankKeyword}) over our segmenter and content-word filter, after
 * the letter's salutation, closing and boilerplate are stripped ({@link LetterNormalizer}). Confined to one thread,
 * like the segmenter it wraps.
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
        String topic = LetterNormalizer.normalize(text).text();
        return topic.isEmpty() ? List.of() : textRank.getKeywords(topic, size);
    }
}
