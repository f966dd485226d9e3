package org.gridgov.ingestion.datax;

import java.io.IOException;
import java.time.LocalDateTime;

/** A stream of {@link InputRecord}s from one input (one file, one table or query). Single-threaded. */
public interface RecordReader extends AutoCloseable {

    /** The next record, or null at the end of the input. */
    InputRecord next() throws IOException;

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
