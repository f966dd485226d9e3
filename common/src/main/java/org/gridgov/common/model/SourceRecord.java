package org.gridgov.common.model;

import java.time.LocalDateTime;

/** What every record of the five sources has: an id, an event time, a place and a schema version. */
public interface SourceRecord {

    /** Version of the record layout; readers accept every version up to {@link #CURRENT_SCHEMA_VERSION}. */
    int CURRENT_SCHEMA_VERSION = 1;

    int schemaVersion();

    String recordId();

    SourceType source();

    /** When it happened, in district local time (Asia/Shanghai). */
    LocalDateTime eventTime();

    double latitude();

    double longitude();
}
