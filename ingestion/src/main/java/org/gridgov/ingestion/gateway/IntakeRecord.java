package org.gridgov.ingestion.gateway;

import org.gridgov.common.validation.Violation;

/**
 * One record offered to the gateway: its JSON (in the source's field names), what it looked like on the way in
 * ({@code payload}, for the dead letter), where it came from ({@code position}: {@code file:line} or
 * {@code request:line}), or why it could not even be read.
 */
public record IntakeRecord(String position, String json, String payload, Violation readError) {

    public static IntakeRecord of(String position, String json, String payload) {
        return new IntakeRecord(position, json, payload, null);
    }

    public static IntakeRecord unreadable(String position, String payload, String reason) {
        return new IntakeRecord(position, null, payload, new Violation("$", reason));
    }
}
