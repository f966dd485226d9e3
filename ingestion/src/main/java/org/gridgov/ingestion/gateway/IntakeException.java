package org.gridgov.ingestion.gateway;

/** An input the gateway refuses as a whole (an unknown source, an unusable CSV header, a body that is not JSON). */
public final class IntakeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IntakeException(String message) {
        super(message);
    }
}
