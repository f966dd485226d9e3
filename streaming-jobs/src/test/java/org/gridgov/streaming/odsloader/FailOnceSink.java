package org.gridgov.streaming.odsloader;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.gridgov.warehouse.TableRow;

/**
 * Wraps a sink and fails the job once, some rows after the first checkpoint flush, so the job restores from that
 * checkpoint and replays rows that were already written. Slows writing down so checkpoints happen mid-stream.
 * A bounded source may put every record ahead of the first checkpoint barrier (CI saw it: the job then never
 * failed), so a writer that has not failed by the end of its input fails there, after writing its rows: the job
 * restores from the last completed checkpoint, or from the start, and replays rows already written either way.
 * The flag is static: it works because the MiniCluster runs in the test's JVM.
 */
final class FailOnceSink implements Sink<TableRow> {

    private static final long serialVersionUID = 1L;
    static final AtomicBoolean FAILED = new AtomicBoolean();

    private final Sink<TableRow> delegate;
    private final int rowsAfterFlush;
    private final long millisPerRow;

    FailOnceSink(Sink<TableRow> delegate, int rowsAfterFlush, long millisPerRow) {
        this.delegate = delegate;
        this.rowsAfterFlush = rowsAfterFlush;
        this.millisPerRow = millisPerRow;
    }

    @Override
    public SinkWriter<TableRow> createWriter(WriterInitContext context) throws IOException {
        return new Writer(delegate.createWriter(context));
    }

    @Override
    @Deprecated
    public SinkWriter<TableRow> createWriter(Sink.InitContext context) throws IOException {
        return new Writer(delegate.createWriter(context));
    }

    private final class Writer implements SinkWriter<TableRow> {
        private final SinkWriter<TableRow> inner;
        private boolean flushed;
        private int sinceFlush;

        Writer(SinkWriter<TableRow> inner) {
            this.inner = inner;
        }

        @Override
        public void write(TableRow row, Context context) throws IOException, InterruptedException {
            Thread.sleep(millisPerRow);
            inner.write(row, context);
            if (flushed && ++sinceFlush >= rowsAfterFlush && FAILED.compareAndSet(false, true)) {
                throw new IOException("injected failure after a checkpoint flush");
            }
        }

        @Override
        public void flush(boolean endOfInput) throws IOException, InterruptedException {
            inner.flush(endOfInput);
            flushed = true;
            if (endOfInput && FAILED.compareAndSet(false, true)) {
                throw new IOException("injected failure at the end of input, after its rows were written");
            }
        }

        @Override
        public void close() throws Exception {
            inner.close();
        }
    }
}
