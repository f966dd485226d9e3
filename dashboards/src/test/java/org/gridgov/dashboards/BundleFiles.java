package org.gridgov.dashboards;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The bundle's sources and the repository around this module, for tests; and edited copies of the bundle. */
final class BundleFiles {

    /** Surefire and failsafe run in the module directory. */
    static final Path SOURCE = Path.of("src", "main", "superset");

    private BundleFiles() {}

    static Path repoRoot() {
        return Path.of(System.getProperty("gridgov.repo.root", ".."))
                .toAbsolutePath()
                .normalize();
    }

    static SupersetBundle real() {
        return SupersetBundle.fromDirectory(SOURCE);
    }

    /** The YAML texts of the real bundle, keyed by path, to edit into a broken bundle. */
    static Map<String, String> texts() {
        try {
            return new LinkedHashMap<>(ClasspathFolder.readTree(SOURCE, ".yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The real bundle with one file's text edited by replacing {@code from} (which must occur) with {@code to}. */
    static SupersetBundle withEdit(String path, String from, String to) {
        Map<String, String> t = texts();
        String text = t.get(path);
        if (text == null || !text.contains(from)) {
            throw new IllegalArgumentException(path + " has no '" + from + "'");
        }
        t.put(path, text.replace(from, to));
        return SupersetBundle.of("edited", t);
    }
}
