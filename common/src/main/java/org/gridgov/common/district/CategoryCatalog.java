package org.gridgov.common.district;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gridgov.common.io.Tsv;

/**
 * The two-level case categories of 12345 platforms, loaded from {@code gridgov/categories.tsv}: names, responsible
 * department, time limit, and whether a category is still in use.
 *
 * <p>A code never changes its meaning, because stored cases and warehouse rows carry it. A category that moved (医保报销
 * under 劳动和社会保障 rather than 卫生计生, as 12345 knowledge bases file it) is retired instead: its row stays, so old
 * cases still show what they were, and {@code replaced_by} names the category that now covers it. New reports, the
 * classifier and the forms use {@link #active()} only.
 */
public final class CategoryCatalog {

    /** 办理时限 of a category whose row leaves it empty: five days. */
    public static final int DEFAULT_TIME_LIMIT_HOURS = 120;

    /**
     * The 安全隐患 categories (a grid worker's hidden-danger report, 考核项 HIDDEN_DANGERS): fire, gas (the retired
     * 燃气安全 and 燃气管理 that replaced it), house safety, objects thrown from heights, work safety, flood and
     * emergencies. 治安问题 and 养犬管理 are public order, not dangers found on a patrol.
     */
    static final Set<String> HIDDEN_DANGERS = Set.of("C0119", "C0125", "C0901", "C0903", "C0904", "C0905", "C0907");

    private static final CategoryCatalog STANDARD = load("gridgov/categories.tsv");

    private final Map<String, Category> byCode = new LinkedHashMap<>();
    private final Map<String, Integer> timeLimitHours = new LinkedHashMap<>();
    private final Map<String, String> replacedBy = new LinkedHashMap<>();
    private final List<Category> active;

    private CategoryCatalog(List<Map<String, String>> rows, String origin) {
        for (Map<String, String> r : rows) {
            Category c = new Category(
                    r.get("level2_code"),
                    r.get("level2_name"),
                    r.get("level1_code"),
                    r.get("level1_name"),
                    r.get("department"));
            byCode.put(c.code(), c);
            String hours = r.getOrDefault("time_limit_hours", "").strip();
            timeLimitHours.put(c.code(), hours.isEmpty() ? DEFAULT_TIME_LIMIT_HOURS : Integer.parseInt(hours));
            String successor = r.getOrDefault("replaced_by", "").strip();
            if (!successor.isEmpty()) {
                replacedBy.put(c.code(), successor);
            }
        }
        replacedBy.forEach((code, successor) -> {
            if (!byCode.containsKey(successor) || replacedBy.containsKey(successor)) {
                throw new IllegalStateException(
                        origin + ": " + code + " is replaced by " + successor + ", which is not a category in use");
            }
        });
        this.active = byCode.values().stream()
                .filter(c -> !replacedBy.containsKey(c.code()))
                .toList();
    }

    public static CategoryCatalog standard() {
        return STANDARD;
    }

    static CategoryCatalog load(String resource) {
        return new CategoryCatalog(Tsv.read(resource), resource);
    }

    public Optional<Category> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public Category get(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("unknown category " + code));
    }

    /** Every category, retired ones included: what a stored code may name. */
    public Collection<Category> all() {
        return byCode.values();
    }

    /** The categories in use, in code order: what a new case, the classifier and the forms may choose. */
    public List<Category> active() {
        return active;
    }

    public boolean isActive(String code) {
        return byCode.containsKey(code) && !replacedBy.containsKey(code);
    }

    /** The category in use that covers {@code code}: itself, or the one that replaced it. */
    public Category current(String code) {
        return get(replacedBy.getOrDefault(code, code));
    }

    /** 办理时限 of the category, in hours. */
    public int timeLimitHours(String code) {
        get(code);
        return timeLimitHours.get(code);
    }

    /** Whether a report of this category is a 安全隐患 (hidden danger); false for an unknown code. */
    public boolean isHiddenDanger(String code) {
        return code != null && byCode.containsKey(code) && HIDDEN_DANGERS.contains(code);
    }

    public Optional<Category> byName(String name) {
        return byCode.values().stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
