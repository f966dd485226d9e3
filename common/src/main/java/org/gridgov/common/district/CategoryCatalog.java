package org.gridgov.common.district;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.gridgov.common.io.Tsv;

/** The two-level case categories of 12345 platforms, loaded from {@code gridgov/categories.tsv}. */
public final class CategoryCatalog {

    private static final CategoryCatalog STANDARD = load("gridgov/categories.tsv");

    private final Map<String, Category> byCode = new LinkedHashMap<>();

    private CategoryCatalog(Collection<Category> categories) {
        categories.forEach(c -> byCode.put(c.code(), c));
    }

    public static CategoryCatalog standard() {
        return STANDARD;
    }

    static CategoryCatalog load(String resource) {
        return new CategoryCatalog(Tsv.read(resource).stream()
                .map(r -> new Category(r.get("level2_code"), r.get("level2_name"), r.get("level1_code"),
                        r.get("level1_name"), r.get("department")))
                .toList());
    }

    public Optional<Category> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public Category get(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("unknown category " + code));
    }

    public Collection<Category> all() {
        return byCode.values();
    }

    public Optional<Category> byName(String name) {
        return byCode.values().stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
