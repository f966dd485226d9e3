package org.gridgov.ingestion.datax;

import org.gridgov.loading.pipeline.RecordInput;

/**
 * A DataX reader's stream of {@link InputRecord}s from one input (every file of a {@code txtfilereader} path, every
 * table or query of a {@code mysqlreader}); the shared {@link org.gridgov.loading.pipeline.LoadPipeline} loads it as
 * one batch. Single-threaded.
 */
public interface RecordReader extends RecordInput<InputRecord> {}
