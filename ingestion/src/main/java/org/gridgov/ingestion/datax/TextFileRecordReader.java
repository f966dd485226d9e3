package org.gridgov.ingestion.datax;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.gridgov.common.validation.RecordDecoder;

/**
 * Reads a CSV/TSV export the way a DataX {@code txtfilereader} job describes it (encoding, delimiter, text
 * qualifiers, header, gzip) and turns every physical line into exactly one outcome: part of a record, a rejected
 * record with its line number and reason, or a skipped blank line. Checks what DataX silently tolerates: bytes that
 * are not valid in the declared encoding (and UTF-8 exports declared as GBK), missing and extra columns, a quoted field
 * that never closes, a last line cut off by a crashed exporter.
 */
public final class TextFileRecordReader implements RecordReader {

    /** A quoted field may span lines (12345 complaint texts do); one that spans more is an unclosed quote. */
    static final int MAX_RECORD_LINES = 100;

    private static final int UTF8_MIN_MULTIBYTE = 4;

    private final Path file;
    private final String name;
    private final DataxJob.TxtFileReader spec;
    private final int maxLineBytes;
    private final ByteLines lines;
    private final MessageDigest digest;
    private final CharsetDecoder decoder;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final boolean declaredUtf8;
    private final Deque<ByteLines.Line> pushedBack = new ArrayDeque<>();
    private final CsvCells splitter;
    private final int declaredWidth;
    private final List<String> notes = new ArrayList<>();
    private int width;
    private boolean headerPending;
    private boolean firstLine = true;
    private long blankLines;
    private long physicalLines;
    private boolean ended;
    private String sha256;
    private String[] header;

    public TextFileRecordReader(Path file, DataxJob.TxtFileReader spec, int maxLineBytes) throws IOException {
        this(file, file.getFileName().toString(), null, spec, maxLineBytes);
    }

    /** Reads a stream (an HTTP body) named {@code name}; it has no modification time, so received is now. */
    public TextFileRecordReader(InputStream in, String name, DataxJob.TxtFileReader spec, int maxLineBytes)
            throws IOException {
        this(null, name, in, spec, maxLineBytes);
    }

    private TextFileRecordReader(
            Path file, String name, InputStream stream, DataxJob.TxtFileReader spec, int maxLineBytes)
            throws IOException {
        this.file = file;
        this.name = name;
        this.spec = spec;
        this.maxLineBytes = maxLineBytes;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        InputStream in = new DigestInputStream(stream != null ? stream : Files.newInputStream(file), digest);
        if (spec.compress().equalsIgnoreCase("gzip")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        this.lines = new ByteLines(new BufferedInputStream(in, 1 << 16), maxLineBytes);
        Charset cs = spec.charset();
        this.declaredUtf8 = cs.equals(StandardCharsets.UTF_8);
        this.decoder = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.declaredWidth = spec.columns().stream()
                        .filter(c -> !c.isConstant())
                        .mapToInt(DataxJob.Column::index)
                        .max()
                        .orElse(-1)
                + 1;
        this.width = declaredWidth;
        this.headerPending = spec.skipHeader();
        this.splitter = CsvCells.of(spec.fieldDelimiter(), spec.useTextQualifier());
    }

    /** The header's cells once it has been read (after the first {@link #next()}), else null. */
    public String[] header() {
        return header;
    }

    @Override
    public InputRecord next() throws IOException {
        while (true) {
            ByteLines.Line first = nextLine();
            if (first == null) {
                finishNotes();
                return null;
            }
            String position = Positions.of(name, first.number());
            if (first.oversized() && headerPending) {
                headerPending = false;
                firstLine = false;
                notes.add("header line is longer than " + maxLineBytes + " bytes; not read");
                continue;
            }
            if (first.oversized()) {
                return InputRecord.unreadable(
                        position,
                        first.number(),
                        preview(first),
                        "$",
                        "line " + first.number() + " is " + first.fullLength() + " bytes, longer than the "
                                + maxLineBytes + " bytes a record may have; not read");
            }
            boolean wasFirst = firstLine;
            firstLine = false;
            if (first.isBlank() && !headerPending) {
                blankLines++;
                continue;
            }
            byte[] bytes = wasFirst ? stripBom(first.bytes()) : first.bytes();
            String text = decode(bytes);
            if (headerPending) {
                headerPending = false;
                header(first, text);
                continue;
            }
            if (text == null) {
                return InputRecord.unreadable(
                        position, first.number(), lenient(bytes), "$", encodingProblem(first, bytes));
            }
            String[] cells;
            ByteLines.Line last = first;
            if (spec.useTextQualifier()) {
                CsvCells.Result r = splitter.parse(text);
                List<ByteLines.Line> taken = new ArrayList<>();
                taken.add(first);
                String moreText = "";
                while (r.open()) {
                    ByteLines.Line more = taken.size() < MAX_RECORD_LINES ? nextLine() : null;
                    if (more == null && taken.size() == 1) {
                        String why = "quoted field is not closed before the end of the file";
                        return InputRecord.unreadable(
                                position,
                                first.number(),
                                text,
                                "$",
                                first.terminated() ? why : "truncated last line: " + why);
                    }
                    moreText = more == null || more.oversized() ? null : decode(more.bytes());
                    if (more != null) {
                        taken.add(more);
                    }
                    if (moreText == null) {
                        break;
                    }
                    r = splitter.parse(text + "\n" + moreText);
                    if (!r.open() && r.error() == null) {
                        text = text + "\n" + moreText;
                        last = more;
                    } else if (!r.open()) {
                        break;
                    } else {
                        text = text + "\n" + moreText;
                    }
                }
                if (r.open() || r.error() != null && taken.size() > 1) {
                    // a record spans lines only when it parses: a stray quote costs its own line, and the lines
                    // after it are read again on their own
                    for (int i = taken.size() - 1; i >= 1; i--) {
                        pushedBack.addFirst(taken.get(i));
                    }
                    return InputRecord.unreadable(
                            position,
                            first.number(),
                            lenient(bytes),
                            "$",
                            "quoted field opened in line " + first.number() + " is not closed properly"
                                    + " (a stray quote?): "
                                    + (r.error() != null
                                            ? r.error()
                                            : "no closing quote"
                                                    + (taken.size() >= MAX_RECORD_LINES
                                                            ? " within " + MAX_RECORD_LINES + " lines"
                                                            : "")));
                }
                if (r.error() != null) {
                    return InputRecord.unreadable(position, first.number(), text, "$", r.error());
                }
                cells = r.cells();
            } else {
                cells = splitter.parse(text).cells();
            }
            if (width > 0 && cells.length != width) {
                return InputRecord.unreadable(position, first.number(), text, "$", widthProblem(cells.length, last));
            }
            applyNullFormat(cells);
            return InputRecord.read(position, first.number(), cells, text);
        }
    }

    private String widthProblem(int got, ByteLines.Line last) {
        int expected = Math.max(width, declaredWidth);
        if (!last.terminated() && got < expected) {
            return "truncated last line: no line end and only " + got + " of " + expected
                    + " columns (export cut off?)";
        }
        return got < expected
                ? "expected " + expected + " columns, got " + got + " (missing columns)"
                : "expected " + expected + " columns, got " + got
                        + " (extra columns: a delimiter inside an unquoted field?)";
    }

    private void header(ByteLines.Line line, String text) {
        if (text == null) {
            notes.add("header line is not valid " + spec.encoding() + " (is the file in another encoding?)");
            return;
        }
        if (line.isBlank()) {
            notes.add("header line is blank");
            return;
        }
        String[] cells = splitter.parse(text).cells();
        if (cells == null) {
            notes.add("header line cannot be parsed");
            return;
        }
        if (cells.length < declaredWidth) {
            notes.add("header has " + cells.length + " columns but the job reads column " + (declaredWidth - 1)
                    + "; every row will be checked against " + declaredWidth + " columns");
            return;
        }
        width = cells.length;
        header = cells;
    }

    private void applyNullFormat(String[] cells) {
        String nullFormat = spec.nullFormat();
        for (int i = 0; i < cells.length; i++) {
            if (cells[i].equals(nullFormat) || cells[i].isEmpty()) {
                cells[i] = null;
            }
        }
    }

    private ByteLines.Line nextLine() throws IOException {
        ByteLines.Line l = pushedBack.pollFirst();
        if (l != null) {
            return l;
        }
        l = lines.next();
        if (l == null) {
            ended = true;
        } else {
            physicalLines++;
        }
        return l;
    }

    /** The text of a line in the declared encoding, or null when its bytes are not valid in it. */
    private String decode(byte[] bytes) {
        if (isAscii(bytes)) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        if (declaredUtf8) {
            try {
                return utf8.decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                return null;
            }
        }
        if (looksLikeUtf8(bytes)) {
            return null;
        }
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private String encodingProblem(ByteLines.Line line, byte[] bytes) {
        if (!declaredUtf8 && looksLikeUtf8(bytes)) {
            return "line " + line.number() + " is UTF-8 but the job declares " + spec.encoding()
                    + " (set reader.parameter.encoding to UTF-8?)";
        }
        return "line " + line.number() + " is not valid " + spec.encoding()
                + (declaredUtf8 ? " (a GBK export read as UTF-8? set reader.parameter.encoding)" : "");
    }

    /** Valid UTF-8 with several multi-byte characters: GBK text of that length is practically never valid UTF-8. */
    private boolean looksLikeUtf8(byte[] bytes) {
        int multibyte = 0;
        for (byte b : bytes) {
            if ((b & 0xC0) == 0xC0) {
                multibyte++;
            }
        }
        if (multibyte < UTF8_MIN_MULTIBYTE) {
            return false;
        }
        try {
            utf8.decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private byte[] stripBom(byte[] bytes) {
        if (declaredUtf8
                && bytes.length >= 3
                && (bytes[0] & 0xFF) == 0xEF
                && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF) {
            return java.util.Arrays.copyOfRange(bytes, 3, bytes.length);
        }
        return bytes;
    }

    /** The line with undecodable bytes replaced, for the dead-letter payload. */
    private String lenient(byte[] bytes) {
        return new String(bytes, spec.charset());
    }

    private String preview(ByteLines.Line line) {
        String s = lenient(line.bytes());
        return s.length() > 2000 ? s.substring(0, 2000) + "…" : s;
    }

    private void finishNotes() {
        if (physicalLines == 0) {
            addNote("empty file (0 bytes)");
        } else if (headerPending || (spec.skipHeader() && physicalLines == 1)) {
            addNote("header only, no data rows");
        }
        if (blankLines > 0) {
            addNote(blankLines + " blank line" + (blankLines == 1 ? "" : "s") + " skipped");
        }
    }

    private void addNote(String note) {
        if (!notes.contains(note)) {
            notes.add(note);
        }
    }

    @Override
    public String inputName() {
        return name;
    }

    @Override
    public LocalDateTime receivedTime() {
        if (file != null) {
            try {
                return LocalDateTime.ofInstant(Files.getLastModifiedTime(file).toInstant(), RecordDecoder.ZONE)
                        .withNano(0);
            } catch (IOException e) {
                // fall through: a file that vanished after reading is dated now
            }
        }
        return LocalDateTime.now(RecordDecoder.ZONE).withNano(0);
    }

    @Override
    public String sha256() {
        if (sha256 == null && ended) {
            sha256 = HexFormat.of().formatHex(digest.digest());
        }
        return sha256;
    }

    @Override
    public String notes() {
        return String.join("; ", notes);
    }

    public long physicalLines() {
        return physicalLines;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
