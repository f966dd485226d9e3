package org.gridgov.nlp;

import com.hankcs.hanlp.collection.trie.bintrie.BinTrie;
import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import java.util.List;
import org.gridgov.common.io.Tsv;

/**
 * Phrases forward longest match cuts wrongly, with the cut they need ({@code gridgov/nlp/longest_match_cuts.txt}: the
 * words of a phrase separated by a space): 调查处理 is 调查处/理 by the core dictionary's longest word at 调, and 调查处
 * then reaches the hot words; listed as {@code 调查 处理}, it is cut as Viterbi cuts it. Read only by the longest-match
 * segmenter ({@link GovSegmenter.Algorithm#LONGEST}): the Viterbi segmenter, which the classifier, keywords and the
 * case service use, does not see it. Immutable once loaded; loaded once per JVM.
 */
final class LongestMatchCuts {

    static final String RESOURCE = "gridgov/nlp/longest_match_cuts.txt";

    /** A phrase's words: their lengths and natures (each word's most frequent nature in the core dictionary). */
    private record Cut(int[] lengths, Nature[] natures) {}

    private static final class Holder {
        static final LongestMatchCuts INSTANCE = load();
    }

    private final BinTrie<Cut> phrases;

    private LongestMatchCuts(BinTrie<Cut> phrases) {
        this.phrases = phrases;
    }

    static LongestMatchCuts get() {
        return Holder.INSTANCE;
    }

    private static LongestMatchCuts load() {
        BinTrie<Cut> phrases = new BinTrie<>();
        for (Tsv.Row r : Tsv.rows(Tsv.open(RESOURCE), RESOURCE)) {
            List<String> words = List.of(r.cell(0).strip().split("\\s+"));
            if (words.size() < 2) {
                throw new IllegalStateException(RESOURCE + ": a cut needs two words or more: " + words);
            }
            int[] lengths = new int[words.size()];
            Nature[] natures = new Nature[words.size()];
            for (int i = 0; i < words.size(); i++) {
                lengths[i] = words.get(i).length();
                CoreDictionary.Attribute a = CoreDictionary.get(words.get(i));
                natures[i] = a == null ? null : a.nature[0];
            }
            phrases.put(String.join("", words), new Cut(lengths, natures));
        }
        return new LongestMatchCuts(phrases);
    }

    /**
     * Cuts each listed phrase in {@code chars} as listed where the token chosen at its start ({@code lengths}) is
     * longer than the phrase's first word and does not reach past the phrase (a longer domain word over it stays).
     * The longest match reads on from the phrase's end as it would after any token ending there.
     */
    void apply(char[] chars, int[] lengths, Nature[] natures) {
        phrases.parseLongestText(chars, (begin, end, cut) -> {
            if (lengths[begin] <= cut.lengths()[0] || lengths[begin] > end - begin) {
                return;
            }
            int at = begin;
            for (int i = 0; i < cut.lengths().length; i++) {
                lengths[at] = cut.lengths()[i];
                natures[at] = cut.natures()[i];
                at += cut.lengths()[i];
            }
        });
    }
}
