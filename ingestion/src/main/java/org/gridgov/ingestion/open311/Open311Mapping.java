package org.gridgov.ingestion.open311;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.gridgov.common.district.CategoryCatalog;

/**
 * Open311 service codes → 12345 categories, from a TSV ({@code service_code, category_code, service_name}; {@code #}
 * comments). Checked when loaded: a category the catalogue does not know fails the import at start, not on every
 * request.
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
        try (InputStream in = Open311Mapping.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUNDLED, CategoryCatalog.standard());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Open311Mapping load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString(),
                CategoryCatalog.standard());
    }

    static Open311Mapping parse(String tsv, String origin, CategoryCatalog categories) {
        Map<String, String> m = new LinkedHashMap<>();
        boolean header = true;
        int n = 0;
        for (String line : tsv.split("\n")) {
            n++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                if (l.startsWith("service_code")) {
                    continue;
                }
            }
            String[] cols = l.split("\t");
            if (cols.length < 2) {
                throw new IllegalArgumentException(origin + " line " + n + ": expected service_code<TAB>category_code");
            }
            String code = cols[0].strip();
            String category = cols[1].strip();
            if (categories.find(category).isEmpty()) {
                throw new IllegalArgumentException(origin + " line " + n + ": category " + category
                        + " is not in the category catalogue");
            }
            if (m.put(code, category) != null) {
                throw new IllegalArgumentException(origin + " line " + n + ": service_code " + code + " mapped twice");
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
