package org.gridgov.nlp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.io.Tsv;

/**
 * What citizens say about each category ({@code gridgov/nlp/category_lexicon.tsv}): the words, the short issue
 * phrases (暖气不热, 拆迁补偿标准太低) and who writes (业主, 乡村教师); plus words that name a first-level class without
 * naming a category ({@code level1_lexicon.tsv}: 住建局, 职工, 教育). Every code of the catalogue has an entry, so a new
 * or renamed category cannot silently lose its words. Immutable.
 */
public final class CategoryLexicon {

    static final String RESOURCE = "gridgov/nlp/category_lexicon.tsv";
    static final String LEVEL1 = "gridgov/nlp/level1_lexicon.tsv";

    /** One category's words, issue phrases and writers. */
    public record Entry(String code, List<String> words, List<String> issues, List<String> roles) {

        public Entry {
            words = List.copyOf(words);
            issues = List.copyOf(issues);
            roles = List.copyOf(roles);
        }
    }

    private static final CategoryLexicon STANDARD = load();

    private final Map<String, Entry> byCode;
    private final Map<String, List<String>> level1;
    private final String fingerprint;

    private CategoryLexicon(Map<String, Entry> byCode, Map<String, List<String>> level1, String fingerprint) {
        this.byCode = byCode;
        this.level1 = level1;
        this.fingerprint = fingerprint;
    }

    public static CategoryLexicon standard() {
        return STANDARD;
    }

    private static CategoryLexicon load() {
        CategoryCatalog catalog = CategoryCatalog.standard();
        Map<String, Entry> byCode = new LinkedHashMap<>();
        StringBuilder content = new StringBuilder();
        for (Map<String, String> row : Tsv.read(RESOURCE)) {
            String code = row.get("level2_code");
            if (catalog.find(code).isEmpty()) {
                throw new IllegalStateException(RESOURCE + " names unknown category " + code);
            }
            byCode.put(
                    code, new Entry(code, split(row.get("words")), split(row.get("issues")), split(row.get("roles"))));
            content.append(row).append('\n');
        }
        for (var c : catalog.all()) {
            if (!byCode.containsKey(c.code())) {
                throw new IllegalStateException(RESOURCE + " has no words for category " + c.code() + " " + c.name());
            }
        }
        Map<String, List<String>> level1 = new LinkedHashMap<>();
        for (Map<String, String> row : Tsv.read(LEVEL1)) {
            level1.put(row.get("level1_code"), split(row.get("words")));
            content.append(row).append('\n');
        }
        return new CategoryLexicon(
                java.util.Collections.unmodifiableMap(byCode),
                java.util.Collections.unmodifiableMap(level1),
                sha256(content.toString()));
    }

    private static List<String> split(String cell) {
        String s = cell == null ? "" : cell.strip();
        return s.isEmpty()
                ? List.of()
                : Arrays.stream(s.split("\\s+")).distinct().toList();
    }

    /** Every category's entry, by code, in file order. */
    public Map<String, Entry> entries() {
        return byCode;
    }

    public Entry of(String code) {
        Entry e = byCode.get(code);
        if (e == null) {
            throw new IllegalArgumentException("no lexicon entry for " + code);
        }
        return e;
    }

    /** Words that point at a first-level class as a whole; empty for a class without any. */
    public List<String> level1Words(String level1Code) {
        return level1.getOrDefault(level1Code, List.of());
    }

    /** Changes whenever a word changes: models record it so a stale model is noticed. */
    public String fingerprint() {
        return fingerprint;
    }

    /** Category code → its words (the everyday words, without issue phrases). */
    public static Map<String, List<String>> keywords() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        STANDARD.byCode.forEach((code, e) -> out.put(code, e.words()));
        return out;
    }

    static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
