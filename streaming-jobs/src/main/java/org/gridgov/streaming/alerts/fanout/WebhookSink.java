package org.gridgov.streaming.alerts.fanout;

import java.io.IOException;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.gridgov.streaming.alerts.AlertRecord;
import org.gridgov.warehouse.WarehouseSettings;

/**
 * Pushes alerts to leaders' group robot (DingTalk or WeCom) through {@link AlertPusher}, with the push log in the
 * warehouse. Run it at parallelism 1: the rate limit belongs to the robot, and one writer per channel keeps the log
 * free of races. Digests still queued are sent on every checkpoint when the limit allows, and all of them at end of
 * input.
 */
public final class WebhookSink implements Sink<AlertRecord> {

    private static final long serialVersionUID = 1L;

    private final WebhookSettings settings;
    private final WarehouseSettings warehouse;

    public WebhookSink(WebhookSettings settings, WarehouseSettings warehouse) {
        this.settings = Objects.requireNonNull(settings);
        this.warehouse = Objects.requireNonNull(warehouse);
    }

    @Override
    public SinkWriter<AlertRecord> createWriter(WriterInitContext context) throws IOException {
        return new Writer(context.metricGroup());
    }

    /** Still abstract in Flink 1.20 (the runtime calls the {@link WriterInitContext} variant); gone in 2.0. */
    @Override
    @Deprecated
    public SinkWriter<AlertRecord> createWriter(Sink.InitContext context) throws IOException {
        return new Writer(context.metricGroup());
    }

    @Override
    public String toString() {
        return "WebhookSink[" + settings + "]";
    }

    private final class Writer implements SinkWriter<AlertRecord> {
        private final PushLog log;
        private final AlertPusher pusher;
        private final Counter pushed;

        Writer(MetricGroup metrics) throws IOException {
            this.log = new JdbcPushLog(warehouse, settings.format().channel());
            this.pusher = AlertPusher.create(settings, RobotTransport.http(), log);
            this.pushed = metrics.counter("webhookPushes");
            try {
                pusher.start();
            } catch (Exception e) {
                throw new IOException("cannot read the push log", e);
            }
        }

        @Override
        public void write(AlertRecord alert, Context context) throws IOException, InterruptedException {
            long before = pusher.sent() + pusher.digested();
            try {
                pusher.accept(alert);
            } catch (IOException | InterruptedException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException("pushing " + alert.alertId + " failed", e);
            }
            pushed.inc(pusher.sent() + pusher.digested() - before);
        }

        @Override
        public void flush(boolean endOfInput) throws IOException, InterruptedException {
            try {
                pusher.drain(endOfInput);
            } catch (IOException | InterruptedException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException("pushing a digest failed", e);
            }
        }

        @Override
        public void close() throws Exception {
            log.close();
        }
    }
}
