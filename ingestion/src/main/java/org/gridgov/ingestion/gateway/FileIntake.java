package org.gridgov.ingestion.gateway;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.gridgov.common.model.SourceType;
import org.gridgov.ingestion.audit.AuditEntry;
import org.gridgov.ingestion.gateway.IntakeGateway.BatchResult;

/**
 * The gateway's file mode: publishes JSON-lines ({@code .jsonl}, {@code .ndjson}, {@code .json}) and CSV
 * ({@code .csv}, header of field names) files, each as one batch with one audit row. The source is given, or read
 * from the file name ({@code hotline.jsonl}, {@code petition-20240131.csv}).
 */
public final class FileIntake {

    /** One file's batch and its audit row. */
    public record FileResult(Path file, BatchResult batch, AuditEntry audit) {}

    private final IntakeGateway gateway;
    private final GatewayAudit audit;
    private final String csvEncoding;
    private final int maxLineBytes;
    private final List<Path> skipped = new ArrayList<>();

    public FileIntake(IntakeGateway gateway, GatewayAudit audit, String csvEncoding, int maxLineBytes) {
        this.gateway = gateway;
        this.audit = audit;
        this.csvEncoding = csvEncoding;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * Publishes every file given, and the files of every directory given whose names the gateway recognizes (a known
     * extension and, without {@code source}, a source prefix); other files in a directory, such as the generator's
     * {@code ground-truth.json}, are left alone and listed in {@link #skipped()}.
     */
    public List<FileResult> publish(List<Path> inputs, SourceType source) throws Exception {
        List<Path> files = new ArrayList<>();
        skipped.clear();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                        if (recognized(f, source)) {
                            files.add(f);
                        } else {
                            skipped.add(f);
                        }
                    }
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new IntakeException("no such file or directory: " + p);
            }
        }
        List<FileResult> results = new ArrayList<>();
        for (Path f : files) {
            results.add(publish(f, source != null ? source : sourceOf(f)));
        }
        return results;
    }

    /** Files of the last {@link #publish(List, SourceType)}'s directories that were not gateway input. */
    public List<Path> skipped() {
        return List.copyOf(skipped);
    }

    private static boolean recognized(Path f, SourceType source) {
        String lower = f.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean format = lower.endsWith(".jsonl")
                || lower.endsWith(".ndjson")
                || lower.endsWith(".json")
                || lower.endsWith(".csv");
        if (!format) {
            return false;
        }
        if (source != null) {
            return true;
        }
        for (SourceType s : SourceType.values()) {
            if (lower.startsWith(s.code())) {
                return true;
            }
        }
        return false;
    }

    public FileResult publish(Path file, SourceType source) throws Exception {
        String name = file.getFileName().toString();
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in =
                        new BufferedInputStream(new DigestInputStream(Files.newInputStream(file), digest), 1 << 16);
                IntakeReader reader = reader(in, name, source)) {
            BatchResult batch = gateway.publish(source, name, reader);
            in.transferTo(java.io.OutputStream.nullOutputStream()); // the checksum covers the whole file
            return new FileResult(
                    file, batch, audit.file(batch, name, HexFormat.of().formatHex(digest.digest())));
        }
    }

    private IntakeReader reader(InputStream in, String name, SourceType source) throws IOException {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json")) {
            return new JsonLinesReader(in, name, maxLineBytes);
        }
        if (lower.endsWith(".csv")) {
            return new CsvIntakeReader(in, name, source, csvEncoding, maxLineBytes);
        }
        throw new IntakeException(
                name + ": unknown format; the gateway reads .jsonl/.ndjson/.json (JSON lines) and .csv");
    }

    /** The source a file name starts with. */
    public static SourceType sourceOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (SourceType s : SourceType.values()) {
            if (name.startsWith(s.code())) {
                return s;
            }
        }
        throw new IntakeException(file.getFileName() + ": cannot tell the source from the name (start it with one of "
                + java.util.Arrays.stream(SourceType.values())
                        .map(SourceType::code)
                        .toList()
                + ") or set gateway.source");
    }
}
