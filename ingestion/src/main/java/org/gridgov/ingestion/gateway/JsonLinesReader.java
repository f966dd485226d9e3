package org.gridgov.ingestion.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.gridgov.ingestion.datax.ByteLines;
import org.gridgov.ingestion.datax.Positions;

/**
 * JSON lines (one record per line, UTF-8 as JSON requires). Blank lines are skipped and counted; a line that is not
 * valid UTF-8 or is longer than the limit becomes a rejected record, so every non-blank line has an outcome.
 */
public final class JsonLinesReader implements IntakeReader {

    private final String name;
    private final ByteLines lines;
    private final int maxLineBytes;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private long blank;

    public JsonLinesReader(InputStream in, String name, int maxLineBytes) {
        this.name = name;
        this.lines = new ByteLines(in, maxLineBytes);
        this.maxLineBytes = maxLineBytes;
    }

    @Override
    public IntakeRecord next() throws IOException {
        while (true) {
            ByteLines.Line line = lines.next();
            if (line == null) {
                return null;
            }
            String position = Positions.of(name, line.number());
            if (line.oversized()) {
                return IntakeRecord.unreadable(
                        position,
                        "",
                        "line " + line.number() + " is " + line.fullLength() + " bytes, longer than the " + maxLineBytes
                                + " bytes a record may have; not read");
            }
            if (line.isBlank()) {
                blank++;
                continue;
            }
            String text;
            try {
                text = utf8.decode(ByteBuffer.wrap(line.bytes())).toString();
            } catch (CharacterCodingException e) {
                return IntakeRecord.unreadable(
                        position,
                        new String(line.bytes(), StandardCharsets.UTF_8),
                        "line " + line.number() + " is not valid UTF-8 (JSON must be UTF-8)");
            }
            if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
                text = text.substring(1);
            }
            return IntakeRecord.of(position, text, text);
        }
    }

    @Override
    public String notes() {
        return blank == 0 ? "" : blank + " blank line" + (blank == 1 ? "" : "s") + " skipped";
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
