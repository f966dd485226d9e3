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
import org.gridgov.ingestion.dlq.DeadLetterArchiver;
import org.gridgov.ingestion.gateway.FileIntake.FileResult;
import org.gridgov.ingestion.kafka.RawTopicPublisher;
import org.gridgov.loading.write.JdbcBatchWriter;
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
 * unless {@code gateway.audit=false}, the {@code warehouse.*} keys for {@code audit_ingest} and for {@code dlq_record},
 * into which it copies the {@code dlq.*} topics ({@link DeadLetterArchiver}). HTTP mode needs the source systems' keys
 * ({@link IntakeKeys}) unless it runs open on loopback, and serves HTTPS with {@code gateway.tls-keystore}. Exit 2 on
 * usage errors.
 */
public final class GatewayMain {

    private GatewayMain() {}

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
            config = GridgovConfig.fromArgs(args, IngestionCommand.GATEWAY.options())
                    .refuseAsArguments(IngestOptions.GATEWAY_KEYS, IngestOptions.GATEWAY_TLS_PASSWORD);
            pii = new PiiProtector(config.require(GridgovOptions.PII_SALT));
            source = config.get(IngestOptions.GATEWAY_SOURCE);
        } catch (RuntimeException e) {
            err.println("gateway: " + e.getMessage());
            return 2;
        }
        AuditLog auditLog = config.get(IngestOptions.GATEWAY_AUDIT)
                ? new JdbcAuditLog(WarehouseSettings.from(config))
                : AuditLog.none();
        GatewayAudit audit = new GatewayAudit(
                auditLog,
                config.get(IngestOptions.GATEWAY_INSTANCE),
                Duration.ofSeconds(config.get(IngestOptions.GATEWAY_WINDOW_S)));
        String input = config.get(IngestOptions.GATEWAY_INPUT);
        // HTTP mode ends on SIGTERM/SIGINT: the hook releases the main thread, then waits until it has stopped the
        // server and flushed the producer, because the JVM halts as soon as its shutdown hooks return
        CountDownLatch released = stop != null ? stop : new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        if (input.isBlank() && stop == null) {
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                released.countDown();
                                try {
                                    finished.await(30, java.util.concurrent.TimeUnit.SECONDS);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            },
                            "gateway-shutdown"));
        }
        IntakeKeys keys = null;
        IntakeHttpServer.Tls tls = null;
        if (input.isBlank()) {
            try {
                keys = keys(config);
                tls = tls(config);
            } catch (RuntimeException e) {
                err.println("gateway: " + e.getMessage());
                return 2;
            }
        }
        boolean archive = config.get(IngestOptions.GATEWAY_ARCHIVE) && config.get(IngestOptions.GATEWAY_AUDIT);
        try (RawTopicPublisher publisher = new RawTopicPublisher(config.get(GridgovOptions.KAFKA_BOOTSTRAP));
                DeadLetterArchiver archiver = archive
                        ? new DeadLetterArchiver(
                                config.get(GridgovOptions.KAFKA_BOOTSTRAP),
                                new JdbcBatchWriter(WarehouseSettings.from(config)))
                        : null) {
            IntakeGateway gateway =
                    new IntakeGateway(RecordDecoder.standard(), pii, publisher, Clock.system(RecordDecoder.ZONE));
            if (!input.isBlank()) {
                int code = files(config, gateway, audit, input, source, out, err);
                if (archiver != null) {
                    long n = archiver.drainOnce(Duration.ofSeconds(60));
                    err.println("  dead letters archived into dlq_record: " + n);
                }
                return code;
            }
            return http(config, gateway, audit, out, released, keys, tls, archiver);
        } catch (Exception e) {
            err.println("gateway failed: " + e.getMessage());
            return 1;
        } finally {
            out.flush();
            finished.countDown();
        }
    }

    private static int files(
            GridgovConfig config,
            IntakeGateway gateway,
            GatewayAudit audit,
            String input,
            SourceType source,
            PrintStream out,
            PrintStream err)
            throws Exception {
        List<Path> paths = Arrays.stream(input.split(","))
                .map(String::trim)
                .filter(p -> !p.isEmpty())
                .map(Path::of)
                .toList();
        FileIntake intake = new FileIntake(
                gateway,
                audit,
                config.get(IngestOptions.GATEWAY_ENCODING),
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
            err.printf(
                    Locale.ROOT,
                    "  %s: %s in=%d published=%d rejected=%d failed=%d%s%n",
                    r.file().getFileName(),
                    r.audit().status(),
                    b.in(),
                    b.published(),
                    b.rejected(),
                    b.failed(),
                    r.audit().message() == null || r.audit().message().isEmpty()
                            ? ""
                            : " (" + r.audit().message() + ")");
            AuditEntry.Status st = r.audit().status();
            if (st != AuditEntry.Status.OK && !(st == AuditEntry.Status.EMPTY && allowEmpty)) {
                problems.add(r.file().getFileName() + " " + st);
            }
        }
        out.printf(
                Locale.ROOT,
                "gateway files=%d status=%s in=%d published=%d rejected=%d failed=%d%s%n",
                results.size(),
                problems.isEmpty() ? "OK" : "FAILED",
                in,
                published,
                rejected,
                failed,
                problems.isEmpty() ? "" : " problems=" + problems);
        return problems.isEmpty() ? 0 : 1;
    }

    private static int http(
            GridgovConfig config,
            IntakeGateway gateway,
            GatewayAudit audit,
            PrintStream out,
            CountDownLatch released,
            IntakeKeys keys,
            IntakeHttpServer.Tls tls,
            DeadLetterArchiver archiver)
            throws Exception {
        PrintStream log = out;
        try (IntakeHttpServer server = new IntakeHttpServer(
                        gateway,
                        audit,
                        config.get(IngestOptions.GATEWAY_BIND),
                        config.get(IngestOptions.GATEWAY_PORT),
                        config.get(IngestOptions.GATEWAY_MAX_BODY_SIZE).bytesAsInt(),
                        config.get(IngestOptions.MAX_LINE_SIZE).bytesAsInt(),
                        keys,
                        line -> {
                            synchronized (log) {
                                log.println(line);
                                log.flush();
                            }
                        },
                        tls)
                .start()) {
            out.println("gateway listening on " + server.url() + "/intake/{"
                    + String.join(
                            "|",
                            Arrays.stream(SourceType.values())
                                    .map(SourceType::code)
                                    .toList()) + "}"
                    + (keys.open() ? " (open: no keys, loopback only)" : " (clients " + keys.clientIds() + ")"));
            out.flush();
            // rejected records reach dlq_record while the gateway runs: one drain of the dlq topics a second
            while (!released.await(archiver == null ? 3_600_000 : 1000, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                if (archiver != null) {
                    try {
                        archiver.drainOnce(Duration.ofSeconds(5));
                    } catch (Exception e) {
                        out.println("dead-letter archive failed, retrying: " + e.getMessage());
                    }
                }
            }
            server.close();
            if (archiver != null) {
                archiver.drainOnce(Duration.ofSeconds(10));
            }
            out.println("gateway stopped " + server.totals()
                    + (archiver == null ? "" : " archived=" + archiver.archived()));
            return server.failedRecords() == 0 ? 0 : 1;
        }
    }

    /**
     * The source systems' keys: from GRIDGOV_GATEWAY_KEYS or the key file; an open gateway only on loopback, so a
     * forgotten key setting cannot expose an unauthenticated intake to the network.
     */
    static IntakeKeys keys(GridgovConfig config) {
        String auth = config.get(IngestOptions.GATEWAY_AUTH).trim();
        String bind = config.get(IngestOptions.GATEWAY_BIND).trim();
        if (auth.equals("none")) {
            if (!isLoopback(bind)) {
                throw new IllegalArgumentException(
                        "gateway.auth=none is only allowed on a loopback gateway.bind, not " + bind);
            }
            return IntakeKeys.none();
        }
        if (!auth.equals("required")) {
            throw new IllegalArgumentException("gateway.auth must be required or none, not " + auth);
        }
        long window = Math.max(1, config.get(IngestOptions.GATEWAY_SIGNATURE_WINDOW_S));
        Clock clock = Clock.systemUTC();
        String inline = config.get(IngestOptions.GATEWAY_KEYS);
        String file = config.get(IngestOptions.GATEWAY_KEYS_FILE);
        if (inline != null && !inline.isBlank()) {
            return IntakeKeys.parse(inline, window, clock);
        }
        if (!file.isBlank()) {
            return IntakeKeys.readFile(Path.of(file.trim()), window, clock);
        }
        throw new IllegalArgumentException("no source-system keys: set GRIDGOV_GATEWAY_KEYS or --gateway.keys-file"
                + " (entries <client-id>=<source>[+<source>]:<key of >= " + IntakeKeys.MIN_KEY_LENGTH + " chars>),"
                + " or --gateway.auth=none on loopback");
    }

    static IntakeHttpServer.Tls tls(GridgovConfig config) {
        String keystore = config.get(IngestOptions.GATEWAY_TLS_KEYSTORE).trim();
        if (keystore.isEmpty()) {
            return null;
        }
        return new IntakeHttpServer.Tls(Path.of(keystore), config.require(IngestOptions.GATEWAY_TLS_PASSWORD));
    }

    private static boolean isLoopback(String bind) {
        try {
            return java.net.InetAddress.getByName(bind).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
