package org.gridgov.nlp;

import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import java.util.Set;

/**
 * Words that carry no topic: the boilerplate of governance texts ({@code gridgov/nlp/stopwords.txt}: 市民反映, 请相关部门
 * 尽快处理, generic people and places) plus HanLP's core stop-word list. Immutable, thread-safe.
 */
public final class StopWords {

    static final String RESOURCE = "gridgov/nlp/stopwords.txt";
    private static final Set<String> OURS = Set.copyOf(Lexicon.words(RESOURCE));

    private StopWords() {
    }

    public static boolean contains(String word) {
        return OURS.contains(word) || CoreStopWordDictionary.contains(word);
    }

    /** Only the governance list, without HanLP's. */
    public static Set<String> domain() {
        return OURS;
    }
}
