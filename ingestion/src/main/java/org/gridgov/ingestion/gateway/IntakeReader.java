package org.gridgov.ingestion.gateway;

import java.io.IOException;

/** A stream of records offered to the gateway: a JSON-lines or CSV file, or an HTTP request body. */
public interface IntakeReader extends AutoCloseable {

    /** The next record, or null at the end. */
    IntakeRecord next() throws IOException;

    /** What is worth knowing about the input as a whole (blank lines skipped, header problems); empty if nothing. */
    String notes();

    @Override
    void close() throws IOException;
}
