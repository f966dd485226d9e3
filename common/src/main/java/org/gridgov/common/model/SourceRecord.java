package org.gridgov.common.model;

import java.time.LocalDateTime;

/** What every record of the five sources has: an id, an event time, a place and a schema version. */
public interface SourceRecord {

    /**
     * Version of the record layout of the sources whose layout never changed; a source that grew a new layout says so
     * in {@link SourceType#latestSchemaVersion()} (grid records are at 2), and readers accept every version up to it.
     */
    int CURRENT_SCHEMA_VERSION = 1;

    int schemaVersion();

    String recordId();

    SourceType source();

    /** When it happened, in district local time (Asia/Shanghai). */
    LocalDateTime eventTime();

    double latitude();

    double longitude();
}
