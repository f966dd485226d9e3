package org.gridgov.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A Superset v1 import bundle: {@code metadata.yaml} and the YAML files under {@code databases/}, {@code datasets/},
 * {@code charts/} and {@code dashboards/}, keyed by their path inside the bundle as Superset's importer keys them
 * (the zip's top-level folder removed). gridgov's own bundle ships in this module's jar under
 * {@value #CLASSPATH_FOLDER}; {@link #fromClasspath()} reads it from there.
 */
public final class SupersetBundle {

    /** Where the jar keeps the bundle; the same files are zipped into target/gridgov-superset-bundle.zip. */
    public static final String CLASSPATH_FOLDER = "gridgov/superset";

    public static final String METADATA = "metadata.yaml";

    private final String source;
    private final Map<String, JsonNode> files;

    private SupersetBundle(String source, Map<String, JsonNode> files) {
        this.source = source;
        this.files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /** gridgov's bundle as packaged in the gridgov-dashboards jar (or target/classes). */
    public static SupersetBundle fromClasspath() {
        ClassLoader loader = SupersetBundle.class.getClassLoader();
        return of(
                "classpath:" + CLASSPATH_FOLDER,
                ClasspathFolder.read(loader, CLASSPATH_FOLDER, METADATA, ".yaml", ".yml"));
    }

    /** A bundle laid out in a directory, e.g. dashboards/src/main/superset. */
    public static SupersetBundle fromDirectory(Path dir) {
        try {
            return of(dir.toString(), ClasspathFolder.readTree(dir, ".yaml", ".yml"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundle in " + dir, e);
        }
    }

    /**
     * A bundle zip as Superset imports it: the first path element of every entry is dropped (an export has one
     * top-level folder), and only YAML files count.
     */
    public static SupersetBundle fromZip(Path zip) {
        Map<String, String> texts = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(java.nio.file.Files.newInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                String name = e.getName();
                int slash = name.indexOf('/');
                if (e.isDirectory() || slash < 0 || !(name.endsWith(".yaml") || name.endsWith(".yml"))) {
                    continue;
                }
                texts.put(name.substring(slash + 1), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + zip, e);
        }
        return of(zip.toString(), texts);
    }

    /**
     * A bundle from YAML texts keyed by path ({@code charts/x.yaml}). Files whose name starts with '.' or '_' are
     * left out, as Superset's importer ignores them.
     */
    public static SupersetBundle of(String source, Map<String, String> yamlByPath) {
        Map<String, JsonNode> parsed = new LinkedHashMap<>();
        yamlByPath.forEach((path, text) -> {
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (!name.startsWith(".") && !name.startsWith("_")) {
                parsed.put(path, Yaml.parse(path, text));
            }
        });
        return new SupersetBundle(source, parsed);
    }

    /** Where the bundle was read from, for messages. */
    public String source() {
        return source;
    }

    /** Every file's path inside the bundle. */
    public Set<String> paths() {
        return files.keySet();
    }

    /** A file's YAML tree, if the bundle has it. */
    public Optional<JsonNode> file(String path) {
        return Optional.ofNullable(files.get(path));
    }

    public List<BundleDatabase> databases() {
        return under("databases/", BundleDatabase::of);
    }

    public List<BundleDataset> datasets() {
        return under("datasets/", BundleDataset::of);
    }

    public List<BundleChart> charts() {
        return under("charts/", BundleChart::of);
    }

    public List<BundleDashboard> dashboards() {
        return under("dashboards/", BundleDashboard::of);
    }

    public Optional<BundleDataset> dataset(String uuid) {
        return datasets().stream()
                .filter(d -> uuid != null && uuid.equals(d.uuid()))
                .findFirst();
    }

    public Optional<BundleChart> chart(String uuid) {
        return charts().stream()
                .filter(c -> uuid != null && uuid.equals(c.uuid()))
                .findFirst();
    }

    private <T> List<T> under(String prefix, BiFunction<String, JsonNode, T> reader) {
        List<T> out = new ArrayList<>();
        files.forEach((path, yaml) -> {
            if (path.startsWith(prefix)) {
                out.add(reader.apply(path, yaml));
            }
        });
        return out;
    }

    @Override
    public String toString() {
        return "Superset bundle " + source + " (" + files.size() + " files)";
    }
}
