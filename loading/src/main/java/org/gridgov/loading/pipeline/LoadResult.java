package org.gridgov.loading.pipeline;

import java.time.LocalDateTime;
import java.util.Map;

/**
 * What one input's load did. Reconciles when {@code read = accepted + rejected} and, if verified, the rows read back
 * ({@code verified}: distinct ODS keys plus dead letters) equal {@code read - duplicates}.
 *
 * @param rowsWritten rows upserted per table (ODS, DWD, dlq_record), after de-duplicating keys within a batch
 * @param rejectedByField rejected records by their first failing field, for the summary
 * @param verified rows found by read-back, or -1 when the load was not verified
 */
public record LoadResult(
        String inputName,
        String target,
        long read,
        long accepted,
        long rejected,
        long duplicates,
        long verified,
        Map<String, Long> rowsWritten,
        Map<String, Long> rejectedByField,
        LocalDateTime started,
        LocalDateTime finished,
        long elapsedNanos,
        String sha256,
        String notes,
        String failure) {

    public boolean isVerified() {
        return verified >= 0;
    }

    public boolean countsReconcile() {
        return read == accepted + rejected && (!isVerified() || verified == read - duplicates);
    }

    /** Why the counts do not reconcile; empty when they do. */
    public String mismatch() {
        StringBuilder sb = new StringBuilder();
        if (read != accepted + rejected) {
            sb.append("read ")
                    .append(read)
                    .append(" != loaded ")
                    .append(accepted)
                    .append(" + rejected ")
                    .append(rejected);
        }
        if (isVerified() && verified != read - duplicates) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append("found ")
                    .append(verified)
                    .append(" rows in the warehouse, expected ")
                    .append(read - duplicates)
                    .append(" (read ")
                    .append(read)
                    .append(" - duplicates ")
                    .append(duplicates)
                    .append(')');
        }
        return sb.toString();
    }

    public double recordsPerSecond() {
        return elapsedNanos <= 0 ? 0 : read / (elapsedNanos / 1e9);
    }
}
