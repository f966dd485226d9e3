package org.gridgov.ingestion.open311;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.io.Tsv;

/**
 * Open311 service codes → 12345 categories, from a TSV ({@code service_code, category_code, service_name}; an optional
 * header; the platform's {@link Tsv#FORMAT}). Checked when loaded: a category the catalogue does not know fails the
 * import at start, not on every request.
 */
public final class Open311Mapping {

    public static final String BUNDLED = "gridgov/ingestion/open311-services.tsv";

    private final Map<String, String> categoryByCode;
    private final String origin;

    private Open311Mapping(Map<String, String> categoryByCode, String origin) {
        this.categoryByCode = Map.copyOf(categoryByCode);
        this.origin = origin;
    }

    public static Open311Mapping bundled() {
        return parse(Tsv.rows(Tsv.open(BUNDLED), BUNDLED), BUNDLED, CategoryCatalog.standard());
    }

    public static Open311Mapping load(Path file) throws IOException {
        String origin = file.getFileName().toString();
        return parse(
                Tsv.rows(Files.newBufferedReader(file, StandardCharsets.UTF_8), origin),
                origin,
                CategoryCatalog.standard());
    }

    static Open311Mapping parse(String tsv, String origin, CategoryCatalog categories) {
        return parse(Tsv.rows(new StringReader(tsv), origin), origin, categories);
    }

    /** The first row is a header when it starts with {@code service_code}; lines are numbered as in the file. */
    private static Open311Mapping parse(List<Tsv.Row> rows, String origin, CategoryCatalog categories) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Tsv.Row row : rows) {
            if (row == rows.get(0) && row.cell(0).strip().startsWith("service_code")) {
                continue;
            }
            if (row.cells().size() < 2 || row.cell(1).isBlank()) {
                throw new IllegalArgumentException(
                        origin + " line " + row.line() + ": expected service_code<TAB>category_code");
            }
            String code = row.cell(0).strip();
            String category = row.cell(1).strip();
            if (categories.find(category).isEmpty()) {
                throw new IllegalArgumentException(origin + " line " + row.line() + ": category " + category
                        + " is not in the category catalogue");
            }
            if (m.put(code, category) != null) {
                throw new IllegalArgumentException(
                        origin + " line " + row.line() + ": service_code " + code + " mapped twice");
            }
        }
        return new Open311Mapping(m, origin);
    }

    public Optional<String> category(String serviceCode) {
        return Optional.ofNullable(categoryByCode.get(serviceCode));
    }

    public String origin() {
        return origin;
    }

    public int size() {
        return categoryByCode.size();
    }
}
