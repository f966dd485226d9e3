package org.gridgov.dashboards;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The text files under a classpath folder, whether the folder is a directory (IDE, {@code target/classes}) or an
 * entry of a jar (a module depending on this one). Class loaders cannot list a folder, so the folder is found through
 * a file known to be in it and walked with the file system of wherever that file lives.
 */
public final class ClasspathFolder {

    private ClasspathFolder() {}

    /**
     * Files under {@code folder} (no leading or trailing slash) whose names end with one of {@code suffixes}, keyed
     * by their path relative to the folder ({@code charts/x.yaml}), as UTF-8 text. {@code anchor} is a file directly
     * in the folder; it must exist.
     */
    public static Map<String, String> read(ClassLoader loader, String folder, String anchor, String... suffixes) {
        URL url = loader.getResource(folder + "/" + anchor);
        if (url == null) {
            throw new IllegalStateException("no " + folder + "/" + anchor + " on the classpath");
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return readTree(Path.of(uri).getParent(), suffixes);
            }
            FileSystem own = null;
            try {
                own = FileSystems.newFileSystem(uri, Map.of());
            } catch (FileSystemAlreadyExistsException openedByOthers) {
                // reuse it through Path.of below, and leave closing it to whoever opened it
            }
            try {
                return readTree(Path.of(uri).getParent(), suffixes);
            } finally {
                if (own != null) {
                    own.close();
                }
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot read " + url, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
    }

    /** Reads every matching file under {@code root} into a sorted map keyed by the relative path with '/'. */
    public static Map<String, String> readTree(Path root, String... suffixes) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(f).toString().replace('\\', '/');
                for (String s : suffixes) {
                    if (rel.endsWith(s)) {
                        out.put(rel, Files.readString(f, StandardCharsets.UTF_8));
                        break;
                    }
                }
            }
        }
        return out;
    }
}
