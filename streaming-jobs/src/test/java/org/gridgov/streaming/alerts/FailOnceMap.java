package org.gridgov.streaming.alerts;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.gridgov.streaming.alerts.input.InputEvent;

/**
 * Kills the job once, mid-stream: after a checkpoint completed and this subtask has passed {@code afterRecords}
 * more inputs, it throws; Flink restores sources, rule state and timers from the checkpoint and replays from there.
 * Sleeps per record so the stream lasts long enough for checkpoints. Static flags work because the MiniCluster runs
 * in the test's JVM.
 */
final class FailOnceMap extends RichMapFunction<InputEvent, InputEvent> implements CheckpointListener {

    private static final long serialVersionUID = 1L;
    private static final AtomicBoolean FAILED = new AtomicBoolean();
    private static final AtomicInteger RECORDS = new AtomicInteger();
    private static final AtomicInteger RECORDS_AT_FAILURE = new AtomicInteger();
    private static final AtomicInteger CHECKPOINTS = new AtomicInteger();
    private static final AtomicInteger CHECKPOINTS_AT_FAILURE = new AtomicInteger();

    private final int afterRecords;
    private final long millisPerRecord;
    /** Records since this subtask saw a checkpoint complete; -1 before. */
    private transient int sinceCheckpoint;

    FailOnceMap(int afterRecords, long millisPerRecord) {
        this.afterRecords = afterRecords;
        this.millisPerRecord = millisPerRecord;
    }

    static void reset() {
        FAILED.set(false);
        RECORDS.set(0);
        RECORDS_AT_FAILURE.set(0);
        CHECKPOINTS.set(0);
        CHECKPOINTS_AT_FAILURE.set(0);
    }

    static boolean failed() {
        return FAILED.get();
    }

    static int recordsBeforeFailure() {
        return RECORDS_AT_FAILURE.get();
    }

    static int checkpointsBeforeFailure() {
        return CHECKPOINTS_AT_FAILURE.get();
    }

    @Override
    public void open(OpenContext openContext) {
        sinceCheckpoint = -1;
    }

    @Override
    public InputEvent map(InputEvent e) throws Exception {
        Thread.sleep(millisPerRecord);
        int n = RECORDS.incrementAndGet();
        if (sinceCheckpoint >= 0 && ++sinceCheckpoint >= afterRecords && FAILED.compareAndSet(false, true)) {
            RECORDS_AT_FAILURE.set(n);
            CHECKPOINTS_AT_FAILURE.set(CHECKPOINTS.get());
            throw new IllegalStateException("injected failure mid-stream, after a completed checkpoint");
        }
        return e;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        CHECKPOINTS.incrementAndGet();
        if (sinceCheckpoint < 0) {
            sinceCheckpoint = 0;
        }
    }
}
