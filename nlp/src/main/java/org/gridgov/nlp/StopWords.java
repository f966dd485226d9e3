package org.gridgov.nlp;

import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import java.util.Set;

/**
 * Words that carry no topic: the boilerplate of governance texts ({@code gridgov/nlp/stopwords.txt}: 市民反映, 请相关部门
 * 尽快处理, generic people and places), the phrasing of citizens' letters ({@code letter_stopwords.txt}: 尊敬, 领导,
 * 请问, 是否, 国家, 政策, 规定, 工作: the top words of real letters before this list) and HanLP's core stop-word list.
 * Immutable, thread-safe.
 */
public final class StopWords {

    static final String RESOURCE = "gridgov/nlp/stopwords.txt";
    static final String LETTERS = "gridgov/nlp/letter_stopwords.txt";
    private static final Set<String> OURS = Set.copyOf(Lexicon.words(RESOURCE));
    private static final Set<String> LETTER = Set.copyOf(Lexicon.words(LETTERS));

    private StopWords() {}

    public static boolean contains(String word) {
        return OURS.contains(word) || LETTER.contains(word) || CoreStopWordDictionary.contains(word);
    }

    /** Only the governance list, without HanLP's. */
    public static Set<String> domain() {
        return OURS;
    }

    /** Only the letter-phrasing list. */
    public static Set<String> letters() {
        return LETTER;
    }
}
