package org.gridgov.nlp;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import com.hankcs.hanlp.collection.trie.bintrie.BinTrie;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.dictionary.DynamicCustomDictionary;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.common.district.Category;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.district.Community;
import org.gridgov.common.district.District;
import org.gridgov.common.district.Street;
import org.gridgov.common.io.Tsv;

/**
 * The governance domain dictionary: the shipped term list ({@code gridgov/nlp/domain_words.txt}), category names
 * and departments of the 12345 catalogue, and the district's street, community and road names and the known
 * companies (tagged {@code ns}/{@code nt} so hot words can leave places and organisations out).
 *
 * <p>It is a private {@link DynamicCustomDictionary} on top of HanLP's default custom dictionary, not additions to the
 * global {@code CustomDictionary}: adding to the global one while another thread segments is a data race, and other
 * HanLP users in the same JVM would see our words. Built once per JVM (class initialisation is thread-safe) and only
 * read afterwards, so all segmenters of a JVM can share it.
 */
public final class DomainDictionary {

    /** Nature of place names (streets, communities, roads) in this dictionary. */
    public static final String PLACE = "ns";
    /** Nature of organisation names (companies, departments). */
    public static final String ORGANISATION = "nt";

    static final String TERMS = "gridgov/nlp/domain_words.txt";
    /** High enough that a domain word wins over the split HanLP's core dictionary would otherwise choose. */
    private static final int FREQUENCY = 2000;

    private static final DomainDictionary INSTANCE = build();

    private final Map<String, String> entries;
    private final BinTrie<CoreDictionary.Attribute> ours;
    private final DynamicCustomDictionary dictionary;

    private DomainDictionary(
            Map<String, String> entries, BinTrie<CoreDictionary.Attribute> ours, DynamicCustomDictionary dictionary) {
        this.entries = Collections.unmodifiableMap(entries);
        this.ours = ours;
        this.dictionary = dictionary;
    }

    public static DomainDictionary get() {
        return INSTANCE;
    }

    private static DomainDictionary build() {
        Map<String, String> words = new LinkedHashMap<>();
        for (Map<String, String> row : Tsv.read(TERMS)) {
            String nature = row.get("nature").strip();
            words.put(row.get("word").strip(), nature.isEmpty() ? "nz" : nature);
        }
        for (Category c : CategoryCatalog.standard().all()) {
            // 产品质量与假冒伪劣 is two topics, not one word
            if (!c.name().contains("与")) {
                words.putIfAbsent(c.name(), "nz");
            }
            if (!c.parentName().contains("与")) {
                words.putIfAbsent(c.parentName(), "nz");
            }
            words.put(c.department(), ORGANISATION);
        }
        District district = District.licheng();
        words.put(District.NAME, PLACE);
        for (Street s : district.streets()) {
            words.put(s.name(), PLACE);
        }
        for (Community c : district.communities()) {
            words.put(c.name(), PLACE);
        }
        for (String road : Tsv.column("gridgov/roads.tsv")) {
            words.put(road, PLACE);
        }
        for (Map<String, String> company : Tsv.read("gridgov/companies.tsv")) {
            words.put(company.get("company_name"), ORGANISATION);
        }
        BinTrie<CoreDictionary.Attribute> ours = new BinTrie<>();
        words.forEach((w, nature) -> ours.put(w, CoreDictionary.Attribute.create(nature + " " + FREQUENCY)));
        // HanLP's shipped custom dictionary (read-only double-array trie) below our own words
        DynamicCustomDictionary dictionary =
                new DynamicCustomDictionary(CustomDictionary.DEFAULT.dat, ours, CustomDictionary.DEFAULT.path);
        return new DomainDictionary(words, ours, dictionary);
    }

    /** Our words and their natures (not HanLP's default custom dictionary). */
    public Map<String, String> entries() {
        return entries;
    }

    public boolean contains(String word) {
        return entries.containsKey(word);
    }

    /** Nature we gave the word, or null when it is not one of ours. */
    public String nature(String word) {
        return entries.get(word);
    }

    public List<String> words() {
        return List.copyOf(entries.keySet());
    }

    /** HanLP's default custom dictionary with our words on top: merged along token boundaries after Viterbi. */
    DynamicCustomDictionary hanlp() {
        return dictionary;
    }

    /** Only our words: the ones entered into the word lattice (see GovSegmenter). */
    BinTrie<CoreDictionary.Attribute> ours() {
        return ours;
    }

    /** Reports, for each position of {@code text} where one of our words starts, the longest such word. */
    public void longestMatches(char[] text, AhoCorasickDoubleArrayTrie.IHit<CoreDictionary.Attribute> hit) {
        ours.parseLongestText(text, hit);
    }
}
