package org.gridgov.streaming.alerts;

import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;

/** What the operator harnesses do not offer for every operator kind. */
public final class Harnesses {

    private Harnesses() {}

    /** Keyed state entries of any harness's operator (heap backend), like KeyedOneInputStreamOperatorTestHarness. */
    public static int keyedStateEntries(AbstractStreamOperatorTestHarness<?> harness) {
        KeyedStateBackend<?> backend = harness.getOperator().getKeyedStateBackend();
        return ((HeapKeyedStateBackend<?>) backend).numKeyValueStateEntries();
    }
}
