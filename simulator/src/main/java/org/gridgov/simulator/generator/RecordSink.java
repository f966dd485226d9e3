package org.gridgov.simulator.generator;

import org.gridgov.common.model.SourceType;

/**
 * Where generated records go: a file per source, a Kafka producer, a test list. {@code key} is the record id
 * (case_id, petition_id, ...); for a deliberately broken record it is whatever id it still has, possibly null.
 * {@code json} is one line (never contains a line break).
 */
@FunctionalInterface
public interface RecordSink {
    void accept(SourceType source, String key, String json) throws Exception;
}
