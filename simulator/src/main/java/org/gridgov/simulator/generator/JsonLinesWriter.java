package org.gridgov.simulator.generator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.gridgov.common.model.SourceType;

/**
 * Writes one JSON-lines file per source, {@code <dir>/<source code>.jsonl} in UTF-8. All five files are created up
 * front, so a source with no records still has an (empty) file and readers need not special-case it.
 */
public final class JsonLinesWriter implements RecordSink, AutoCloseable {

    private static final int BUFFER = 1 << 16;

    private final Path dir;
    private final Map<SourceType, Writer> writers = new EnumMap<>(SourceType.class);
    private final Map<SourceType, Long> lines = new EnumMap<>(SourceType.class);

    public JsonLinesWriter(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
            for (SourceType s : SourceType.values()) {
                writers.put(
                        s,
                        new BufferedWriter(
                                new OutputStreamWriter(Files.newOutputStream(file(dir, s)), StandardCharsets.UTF_8),
                                BUFFER));
                lines.put(s, 0L);
            }
        } catch (IOException e) {
            closeQuietly();
            throw new UncheckedIOException("cannot create the JSON-lines files in " + dir, e);
        }
    }

    /** The file a source's records are written to. */
    public static Path file(Path dir, SourceType source) {
        return dir.resolve(source.code() + ".jsonl");
    }

    public Path dir() {
        return dir;
    }

    /** Lines written so far for a source. */
    public long lines(SourceType source) {
        return lines.get(source);
    }

    @Override
    public void accept(SourceType source, String key, String json) throws IOException {
        Writer w = writers.get(source);
        w.write(json);
        w.write('\n');
        lines.merge(source, 1L, Long::sum);
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (Writer w : writers.values()) {
            try {
                w.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private void closeQuietly() {
        for (Writer w : writers.values()) {
            try {
                w.close();
            } catch (IOException ignored) {
                // already failing; the constructor's exception is the one worth reporting
            }
        }
    }
}
