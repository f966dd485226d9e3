package org.gridgov.loading.pipeline;

import java.io.IOException;
import java.time.LocalDateTime;

/**
 * A stream of raw records from one input (one file, one table or query), the unit a {@link LoadPipeline} loads and
 * reconciles as one batch. Single-threaded.
 *
 * @param <T> what the input yields per record (cells of a CSV line, a row of a source table)
 */
public interface RecordInput<T> extends AutoCloseable {

    /** The next record, or null at the end of the input. */
    T next() throws IOException;

    /** Name of the input in dead letters and the audit table: the file name, or the table/query name. */
    String inputName();

    /** When the input was received (file modification time, or the start of the query), for dead-letter rows. */
    LocalDateTime receivedTime();

    /** SHA-256 of the input bytes once the input has been read to its end; null for non-file inputs. */
    String sha256();

    /** Notes about the input as a whole (header problems, blank lines skipped), for the report; empty if none. */
    String notes();

    @Override
    void close() throws IOException;
}
