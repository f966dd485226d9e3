package org.gridgov.nlp;

import com.hankcs.hanlp.collection.trie.DoubleArrayTrie;
import com.hankcs.hanlp.collection.trie.bintrie.BinTrie;
import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.seg.DictionaryBasedSegment;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.Viterbi.ViterbiSegment;
import com.hankcs.hanlp.seg.common.Term;
import com.hankcs.hanlp.seg.common.Vertex;
import com.hankcs.hanlp.seg.common.WordNet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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

    /**
     * How text is cut into words. {@link #VITERBI} is every user's default; {@link #LONGEST} is the hot-word job's
     * cheaper choice, measured against it on the independent letters ({@code TopicSegmenterQualityTest}).
     */
    public enum Algorithm {
        /** HanLP's Viterbi over the core dictionary's word lattice, our words in the lattice (the class comment). */
        VITERBI,
        /**
         * Forward longest match over HanLP's core dictionary, then our words where they are longer at the same start
         * (HanLP's {@code DoubleArrayTrieSegment}, whose custom-dictionary step reads the global dictionary, replayed
         * with ours: hankcs/HanLP {@code seg/Other/DoubleArrayTrieSegment.java}). No lattice and no path search, so
         * cheaper; an ambiguous string goes to the longest dictionary word where Viterbi weighs the alternatives.
         */
        LONGEST;

        /** Parses {@code viterbi} or {@code longest} (any case). */
        public static Algorithm parse(String name) {
            try {
                return valueOf(name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("unknown segmenter '" + name + "': viterbi or longest", e);
            }
        }
    }

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

    private GovSegmenter(Segment segment) {
        this.segment = segment;
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

    /** The hot-word job's segmenter with the given algorithm ({@link #forTopics()} for Viterbi). Same rules. */
    public static GovSegmenter forTopics(Algorithm algorithm) {
        return switch (algorithm) {
            case VITERBI -> forTopics();
            case LONGEST ->
                new GovSegmenter(new DomainLongestSegment(
                        CoreDictionary.trie, DomainDictionary.get().ours(), LongestMatchCuts.get()));
        };
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
        return !(nature.startsWith("nr")
                || nature.startsWith("ns")
                || nature.startsWith("nt")
                || nature.equals("nis")
                || nature.equals("nx")
                || nature.equals("vshi")
                || nature.equals("vyou")
                || nature.equals("vf")
                || nature.equals("vx")
                || nature.equals("vl")
                || nature.equals("vg")
                || nature.equals("ad")
                || nature.equals("ag")
                || nature.equals("ng")
                || nature.equals("gg"));
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
            ours.parseText(
                    chars,
                    (begin, end, value) ->
                            net.add(begin + 1, new Vertex(new String(chars, begin, end - begin), value)));
        }
    }

    /**
     * Forward longest match: for every start the longest core-dictionary word (its most frequent nature), our words
     * replacing it where longer, then HanLP's number/letter merging ({@code DictionaryBasedSegment.posTag}); the
     * tokens are read left to right from position 0. A replay of HanLP's {@code DoubleArrayTrieSegment.segSentence}
     * (hankcs/HanLP {@code src/main/java/com/hankcs/hanlp/seg/Other/DoubleArrayTrieSegment.java}) with our
     * {@link DomainDictionary} in place of the global {@code CustomDictionary}, and an array instead of a linked list.
     * Where forward longest match is known to cut a phrase wrongly, {@link LongestMatchCuts} cuts it as listed.
     */
    private static final class DomainLongestSegment extends DictionaryBasedSegment {
        private final DoubleArrayTrie<CoreDictionary.Attribute> core;
        private final BinTrie<CoreDictionary.Attribute> ours;
        private final LongestMatchCuts cuts;

        DomainLongestSegment(
                DoubleArrayTrie<CoreDictionary.Attribute> core,
                BinTrie<CoreDictionary.Attribute> ours,
                LongestMatchCuts cuts) {
            this.core = core;
            this.ours = ours;
            this.cuts = cuts;
            config.useCustomDictionary = false;
            config.speechTagging = true;
            config.offset = false;
        }

        @Override
        protected List<Term> segSentence(char[] chars) {
            int[] lengths = new int[chars.length];
            Arrays.fill(lengths, 1);
            Nature[] natures = new Nature[chars.length];
            DoubleArrayTrie<CoreDictionary.Attribute>.LongestSearcher searcher = core.getLongestSearcher(chars, 0);
            while (searcher.next()) {
                lengths[searcher.begin] = searcher.length;
                natures[searcher.begin] = searcher.value.nature[0];
            }
            ours.parseLongestText(chars, (begin, end, value) -> {
                if (end - begin > lengths[begin]) {
                    lengths[begin] = end - begin;
                    natures[begin] = value.nature[0];
                }
            });
            cuts.apply(chars, lengths, natures);
            posTag(chars, lengths, natures);
            List<Term> terms = new ArrayList<>(chars.length / 2 + 1);
            for (int i = 0; i < chars.length; i += lengths[i]) {
                terms.add(new Term(new String(chars, i, lengths[i]), natures[i] == null ? Nature.nz : natures[i]));
            }
            return terms;
        }
    }
}
