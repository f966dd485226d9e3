package org.gridgov.ingestion.datax;

import org.gridgov.common.validation.Violation;

/**
 * One record as read from an input, before validation: its cells in reader-column order, or the reason it could not
 * be read at all (bad encoding, wrong column count, truncated). {@code position} is its dead-letter id
 * ({@code file:line} or {@code table:row}), deterministic for the same input. {@code payload} is the record as it
 * was in the input, for the dead letter (redacted there).
 */
public record InputRecord(String position, long line, String[] cells, String payload, Violation readError) {

    public static InputRecord read(String position, long line, String[] cells, String payload) {
        return new InputRecord(position, line, cells, payload, null);
    }

    public static InputRecord unreadable(String position, long line, String payload, String field, String reason) {
        return new InputRecord(position, line, null, payload, new Violation(field, reason));
    }
}
