package org.gridgov.nlp;

import java.util.List;
import java.util.Map;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.io.Tsv;

/**
 * Everyday words of each second-level category ({@code gridgov/nlp/category_keywords.tsv}), one pseudo-document per
 * category for the classifier. Every code must be in the catalogue, so a renamed category cannot silently lose its
 * words.
 */
public final class CategoryLexicon {

    static final String RESOURCE = "gridgov/nlp/category_keywords.tsv";

    private CategoryLexicon() {
    }

    /** Category code → its keywords. */
    public static Map<String, List<String>> keywords() {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        CategoryCatalog catalog = CategoryCatalog.standard();
        for (Map<String, String> row : Tsv.read(RESOURCE)) {
            String code = row.get("level2_code");
            if (catalog.find(code).isEmpty()) {
                throw new IllegalStateException(RESOURCE + " names unknown category " + code);
            }
            out.put(code, List.of(row.get("keywords").trim().split("\\s+")));
        }
        return out;
    }

    /** One text per category: its name and keywords, separated so the segmenter cannot join neighbours. */
    public static List<LabeledText> documents() {
        CategoryCatalog catalog = CategoryCatalog.standard();
        return keywords().entrySet().stream()
                .map(e -> new LabeledText(catalog.get(e.getKey()).name() + "，" + String.join("，", e.getValue()),
                        e.getKey()))
                .toList();
    }
}
