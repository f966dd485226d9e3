package org.gridgov.ingestion.gateway;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.gridgov.common.config.GridgovConfig;
import org.gridgov.common.config.GridgovOptions;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.common.validation.RecordDecoder;
import org.gridgov.ingestion.api.IngestOptions;
import org.gridgov.ingestion.api.IngestionCommand;
import org.gridgov.ingestion.audit.AuditEntry;
import org.gridgov.ingestion.audit.AuditLog;
import org.gridgov.ingestion.audit.JdbcAuditLog;
import org.gridgov.ingestion.gateway.FileIntake.FileResult;
import org.gridgov.ingestion.kafka.RawTopicPublisher;
import org.gridgov.warehouse.WarehouseSettings;

/**
 * {@code gridgov gateway}: the Kafka intake gateway.
 * <ul>
 *   <li>File mode ({@code --gateway.input=<file|dir>[,...]}): publishes the files, one batch and audit row each,
 *   prints one summary line and exits 0 when every file was complete and non-empty, 1 otherwise.</li>
 *   <li>HTTP mode (no {@code gateway.input}): serves {@code POST /intake/<source>} on {@code gateway.bind}:
 *   {@code gateway.port}, prints {@code gateway listening on <url>} once ready, and on SIGTERM/SIGINT stops, flushes
 *   and prints a summary line.</li>
 * </ul>
 * Needs {@code kafka.bootstrap-servers}, GRIDGOV_PII_SALT (Kafka keys of person records are salted person keys) and,
 * unless {@code gateway.audit=false}, the {@code warehouse.*} keys for {@code audit_ingest}. Exit 2 on usage errors.
 */
public final class GatewayMain {

    private GatewayMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, null));
    }

    /**
     * The main's work. {@code stop}, when given, ends HTTP mode instead of a signal (tests); the exit code is
     * returned rather than exiting the JVM.
     */
    public static int run(String[] args, PrintStream out, PrintStream err, CountDownLatch stop) {
        GridgovConfig config;
        PiiProtector pii;
        SourceType source;
        try {
            config = GridgovConfig.fromArgs(args, IngestionCommand.GATEWAY.options());
            pii = new PiiProtector(config.require(GridgovOptions.PII_SALT));
            source = config.get(IngestOptions.GATEWAY_SOURCE);
        } catch (RuntimeException e) {
            err.println("gateway: " + e.getMessage());
            return 2;
        }
        AuditLog auditLog = config.get(IngestOptions.GATEWAY_AUDIT)
                ? new JdbcAuditLog(WarehouseSettings.from(config)) : AuditLog.none();
        GatewayAudit audit = new GatewayAudit(auditLog, config.get(IngestOptions.GATEWAY_INSTANCE),
                Duration.ofSeconds(config.get(IngestOptions.GATEWAY_WINDOW_S)));
        String input = config.get(IngestOptions.GATEWAY_INPUT);
        // HTTP mode ends on SIGTERM/SIGINT: the hook releases the main thread, then waits until it has stopped the
        // server and flushed the producer, because the JVM halts as soon as its shutdown hooks return
        CountDownLatch released = stop != null ? stop : new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        if (input.isBlank() && stop == null) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                released.countDown();
                try {
                    finished.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "gateway-shutdown"));
        }
        try (RawTopicPublisher publisher = new RawTopicPublisher(config.get(GridgovOptions.KAFKA_BOOTSTRAP))) {
            IntakeGateway gateway = new IntakeGateway(RecordDecoder.standard(), pii, publisher,
                    Clock.system(RecordDecoder.ZONE));
            if (!input.isBlank()) {
                return files(config, gateway, audit, input, source, out, err);
            }
            return http(config, gateway, audit, out, released);
        } catch (Exception e) {
            err.println("gateway failed: " + e.getMessage());
            return 1;
        } finally {
            out.flush();
            finished.countDown();
        }
    }

    private static int files(GridgovConfig config, IntakeGateway gateway, GatewayAudit audit, String input,
                             SourceType source, PrintStream out, PrintStream err) throws Exception {
        List<Path> paths = Arrays.stream(input.split(",")).map(String::trim).filter(p -> !p.isEmpty()).map(Path::of)
                .toList();
        FileIntake intake = new FileIntake(gateway, audit, config.get(IngestOptions.GATEWAY_ENCODING),
                config.get(IngestOptions.MAX_LINE_SIZE).bytesAsInt());
        List<FileResult> results;
        try {
            results = intake.publish(paths, source);
        } catch (IntakeException e) {
            err.println("gateway: " + e.getMessage());
            return 2;
        }
        for (Path skipped : intake.skipped()) {
            err.println("  " + skipped + ": skipped (not a .jsonl/.ndjson/.json/.csv file named after a source)");
        }
        long in = 0;
        long published = 0;
        long rejected = 0;
        long failed = 0;
        long nanos = 0;
        List<String> problems = new ArrayList<>();
        boolean allowEmpty = config.get(IngestOptions.ALLOW_EMPTY);
        for (FileResult r : results) {
            var b = r.batch();
            in += b.in();
            published += b.published();
            rejected += b.rejected();
            failed += b.failed();
            nanos += Duration.between(b.started(), b.finished()).toNanos();
            err.printf(Locale.ROOT, "  %s: %s in=%d published=%d rejected=%d failed=%d%s%n", r.file().getFileName(),
                    r.audit().status(), b.in(), b.published(), b.rejected(), b.failed(),
                    r.audit().message() == null || r.audit().message().isEmpty() ? "" : " (" + r.audit().message() + ")");
            AuditEntry.Status st = r.audit().status();
            if (st != AuditEntry.Status.OK && !(st == AuditEntry.Status.EMPTY && allowEmpty)) {
                problems.add(r.file().getFileName() + " " + st);
            }
        }
        out.printf(Locale.ROOT, "gateway files=%d status=%s in=%d published=%d rejected=%d failed=%d%s%n",
                results.size(), problems.isEmpty() ? "OK" : "FAILED", in, published, rejected, failed,
                problems.isEmpty() ? "" : " problems=" + problems);
        return problems.isEmpty() ? 0 : 1;
    }

    private static int http(GridgovConfig config, IntakeGateway gateway, GatewayAudit audit, PrintStream out,
                            CountDownLatch released) throws Exception {
        try (IntakeHttpServer server = new IntakeHttpServer(gateway, audit, config.get(IngestOptions.GATEWAY_BIND),
                config.get(IngestOptions.GATEWAY_PORT), config.get(IngestOptions.GATEWAY_MAX_BODY_SIZE).bytesAsInt(),
                config.get(IngestOptions.MAX_LINE_SIZE).bytesAsInt()).start()) {
            out.println("gateway listening on " + server.url() + "/intake/{" + String.join("|",
                    Arrays.stream(SourceType.values()).map(SourceType::code).toList()) + "}");
            out.flush();
            released.await();
            server.close();
            out.println("gateway stopped " + server.totals());
            return server.failedRecords() == 0 ? 0 : 1;
        }
    }
}
