package org.gridgov.nlp;

import com.hankcs.hanlp.collection.trie.bintrie.BinTrie;
import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.Viterbi.ViterbiSegment;
import com.hankcs.hanlp.seg.common.Term;
import com.hankcs.hanlp.seg.common.Vertex;
import com.hankcs.hanlp.seg.common.WordNet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HanLP's Viterbi (dictionary) segmenter with the {@link DomainDictionary}, plus the filter that turns tokens into
 * content words for hot words, keywords and the classifier.
 *
 * <p>Our domain words enter the word lattice as candidates and win by the Viterbi cost, so 暴雨后山大路社区 is
 * 后/山大路社区 (HanLP alone reads 后山/大路/社区). HanLP's own (large) custom dictionary is not forced: forcing it,
 * as {@code enableCustomDictionaryForcing(true)} does for every custom word, lets fragments such as 民医院, 车检, 测站,
 * 低工资 and 区外 break common words (人民医院 → 人/民医院, 最低工资 → 最/低工资). Its words are still merged after
 * Viterbi where whole tokens spell one ({@code enableCustomDictionary} without forcing).
 *
 * <p>Not serialisable and meant to be confined to one thread: create one per Spark partition
 * ({@code mapPartitions}) or per thread ({@link #perThread()}). Creating one is cheap (the dictionaries are loaded
 * once per JVM, on first use: about a second).
 */
public final class GovSegmenter {

    private static final ThreadLocal<GovSegmenter> PER_THREAD = ThreadLocal.withInitial(GovSegmenter::new);

    /** Whether a HanLP nature can stand for a topic (see {@link #isContentWord}); natures are few and shared. */
    private static final Map<Nature, Boolean> CONTENT_NATURES = new ConcurrentHashMap<>();

    private final Segment segment;

    public GovSegmenter() {
        this(true);
    }

    private GovSegmenter(boolean translatedNames) {
        this.segment = new DomainViterbiSegment(DomainDictionary.get().ours())
                .enableCustomDictionary(DomainDictionary.get().hanlp())
                .enableCustomDictionaryForcing(false)
                // person names in complaint texts are PII and never topics; place names come from our dictionary
                .enableNameRecognize(false)
                .enableTranslatedNameRecognize(translatedNames)
                .enableOffset(false);
    }

    /**
     * The segmenter of the hot-word job: no named-entity recognition at all. HanLP's {@code Config} leaves
     * transliterated-name recognition on by default, so {@code ner} stays true with Chinese names off and
     * {@code ViterbiSegment.segSentence} builds a second word net per text for it (hankcs/HanLP
     * {@code seg/Config.java} {@code updateNerConfig}, {@code seg/Viterbi/ViterbiSegment.java}); a recognised
     * transliterated name is {@code nrf}, which {@link #isContentWord} leaves out anyway. Same threading rules.
     */
    public static GovSegmenter forTopics() {
        return new GovSegmenter(false);
    }

    /** This thread's segmenter. */
    public static GovSegmenter perThread() {
        return PER_THREAD.get();
    }

    /** The underlying HanLP segment, for HanLP APIs that take one (TextRank). Same threading rules. */
    Segment hanlp() {
        return segment;
    }

    /** Every token with its nature (punctuation included). */
    public List<Term> terms(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return segment.seg(text);
    }

    /** Tokens only. */
    public List<String> tokens(String text) {
        List<Term> terms = terms(text);
        List<String> out = new ArrayList<>(terms.size());
        for (Term t : terms) {
            out.add(t.word);
        }
        return out;
    }

    /** Content words in text order, repeats kept: see {@link #isContentWord}. */
    public List<String> contentWords(String text) {
        List<String> out = new ArrayList<>();
        for (Term t : terms(text)) {
            if (isContentWord(t)) {
                out.add(t.word);
            }
        }
        return out;
    }

    /** Distinct content words in order of first occurrence: one vote per text for document frequencies. */
    public Set<String> distinctContentWords(String text) {
        return new LinkedHashSet<>(contentWords(text));
    }

    /**
     * A word that can stand for a topic: at least two characters, not a stop word, not a number, and a noun, verb or
     * adjective — but not a place or organisation name (those are dimensions of their own: street, company), nor a
     * person name, nor 是/有-type verbs.
     */
    public static boolean isContentWord(Term t) {
        String w = t.word;
        if (w == null || w.length() < 2 || w.codePointCount(0, w.length()) < 2) {
            return false;
        }
        // our nature first: one lookup also answers "12345 counts as a domain word"
        String ours = DomainDictionary.get().nature(w);
        if (ours == null && !hasHan(w) || StopWords.contains(w)) {
            return false;
        }
        if (ours != null) {
            return !ours.equals(DomainDictionary.PLACE) && !ours.equals(DomainDictionary.ORGANISATION);
        }
        return t.nature != null && CONTENT_NATURES.computeIfAbsent(t.nature, n -> isContentNature(n.toString()));
    }

    private static boolean isContentNature(String nature) {
        if (nature.isEmpty()) {
            return false;
        }
        char head = nature.charAt(0);
        if (head != 'n' && head != 'v' && head != 'a' && head != 'g') {
            return false;
        }
        return !(nature.startsWith("nr") || nature.startsWith("ns") || nature.startsWith("nt")
                || nature.equals("nis") || nature.equals("nx") || nature.equals("vshi") || nature.equals("vyou")
                || nature.equals("vf") || nature.equals("vx") || nature.equals("vl") || nature.equals("vg")
                || nature.equals("ad") || nature.equals("ag") || nature.equals("ng") || nature.equals("gg"));
    }

    /** Other tokens than our words need a Chinese character (12345 counts only through the dictionary). */
    private static boolean hasHan(String w) {
        for (int i = 0; i < w.length(); ) {
            int cp = w.codePointAt(i);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /**
     * Viterbi with our words (only ours) added to the lattice, where the cost decides between them and the core
     * dictionary's words. Segment's own forcing would add HanLP's whole custom dictionary too.
     */
    private static final class DomainViterbiSegment extends ViterbiSegment {
        private final BinTrie<CoreDictionary.Attribute> ours;

        DomainViterbiSegment(BinTrie<CoreDictionary.Attribute> ours) {
            this.ours = ours;
        }

        @Override
        protected void generateWordNet(WordNet net) {
            super.generateWordNet(net);
            char[] chars = net.charArray;
            ours.parseText(chars, (begin, end, value) ->
                    net.add(begin + 1, new Vertex(new String(chars, begin, end - begin), value)));
        }
    }
}
