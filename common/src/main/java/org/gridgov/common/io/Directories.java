package org.gridgov.common.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Directory trees of temp files and previous runs: the one recursive delete of the platform. */
public final class Directories {

    private Directories() {}

    /**
     * Deletes a directory tree (or a file), best effort: leftovers in a temp dir are not worth failing a shutdown for,
     * and an engine may still be deleting its own files in there, which a walk trips over.
     */
    public static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // best effort
        }
    }

    /** Deletes a directory tree, failing on the first file that cannot be deleted. */
    public static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Empties the directory (the previous run's files) and creates it. */
    public static void recreate(Path dir) throws IOException {
        delete(dir);
        Files.createDirectories(dir);
    }
}
