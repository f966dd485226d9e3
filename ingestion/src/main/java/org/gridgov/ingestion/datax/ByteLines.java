package org.gridgov.ingestion.datax;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into physical lines at {@code \n} (a trailing {@code \r} is dropped) before any character
 * decoding, so one badly encoded line cannot swallow its neighbours: the byte 0x0A never occurs inside a multi-byte
 * character of UTF-8, GBK or GB18030. A line longer than {@code maxLineBytes} is reported as oversized and skipped up
 * to its end instead of being buffered. Not thread-safe.
 */
public final class ByteLines implements AutoCloseable {

    /** One physical line: its 1-based number, its bytes, whether a line end followed it, whether it was cut. */
    public record Line(long number, byte[] bytes, boolean terminated, boolean oversized, long fullLength) {
        public boolean isBlank() {
            for (byte b : bytes) {
                if (b != ' ' && b != '\t') {
                    return false;
                }
            }
            return true;
        }
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;
    private long lineNumber;
    private byte[] line = new byte[256];

    public ByteLines(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line, or null at the end of the input (a final line end does not start another line). */
    public Line next() throws IOException {
        int length = 0;
        long fullLength = 0;
        boolean sawAny = false;
        while (true) {
            if (pos >= limit) {
                if (eof || !fill()) {
                    if (!sawAny) {
                        return null;
                    }
                    return finish(length, fullLength, false);
                }
            }
            sawAny = true;
            int start = pos;
            int nl = -1;
            for (int i = pos; i < limit; i++) {
                if (buffer[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            int end = nl >= 0 ? nl : limit;
            int chunk = end - start;
            fullLength += chunk;
            int room = maxLineBytes - length;
            int copy = Math.min(chunk, Math.max(room, 0));
            if (copy > 0) {
                if (length + copy > line.length) {
                    line = Arrays.copyOf(line, Math.max(line.length * 2, length + copy));
                }
                System.arraycopy(buffer, start, line, length, copy);
                length += copy;
            }
            if (nl >= 0) {
                pos = nl + 1;
                return finish(length, fullLength, true);
            }
            pos = limit;
        }
    }

    private Line finish(int length, long fullLength, boolean terminated) {
        lineNumber++;
        boolean oversized = fullLength > maxLineBytes;
        int n = length;
        if (!oversized && n > 0 && line[n - 1] == '\r') {
            n--;
        }
        return new Line(lineNumber, Arrays.copyOf(line, n), terminated, oversized, fullLength);
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        if (n <= 0) {
            eof = true;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
