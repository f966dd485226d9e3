package org.gridgov.ingestion.open311;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
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
import org.gridgov.ingestion.gateway.GatewayAudit;
import org.gridgov.ingestion.gateway.IntakeException;
import org.gridgov.ingestion.gateway.IntakeGateway;
import org.gridgov.ingestion.kafka.RawTopicPublisher;
import org.gridgov.ingestion.kafka.TopicSink;
import org.gridgov.warehouse.WarehouseSettings;

/**
 * Imports an Open311 GeoReport v2 {@code requests.json} as 12345 cases through the intake gateway: mapped requests
 * are validated and published to {@code raw.hotline}, unmappable or invalid ones go to {@code dlq.hotline} with the
 * reason, and the file gets one {@code audit_ingest} row (pipeline {@code open311}).
 *
 * <p>{@code main}: {@code --open311.file=requests.json [--open311.mapping=services.tsv] [--open311.channel=WEB]
 * --kafka.bootstrap-servers=...} plus {@code warehouse.*} for the audit row (or {@code --gateway.audit=false}), salt
 * from GRIDGOV_PII_SALT. One summary line on stdout; exit 0 when every request was published or dead-lettered, 1 when
 * Kafka did not acknowledge some or the file holds no requests, 2 on usage errors.
 */
public final class Open311Import {

    public static final String PIPELINE = "open311";

    private final IntakeGateway gateway;
    private final GatewayAudit audit;
    private final Open311Mapper mapper;

    public Open311Import(IntakeGateway gateway, GatewayAudit audit, Open311Mapper mapper) {
        this.gateway = gateway;
        this.audit = audit;
        this.mapper = mapper;
    }

    /** Publishes one export; returns its batch and audit row. */
    public Result importFile(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        String name = file.getFileName().toString();
        try (InputStream in = new BufferedInputStream(new DigestInputStream(Files.newInputStream(file), digest))) {
            IntakeGateway.BatchResult batch =
                    gateway.publish(SourceType.HOTLINE, name, new Open311Reader(in, name, mapper));
            in.transferTo(java.io.OutputStream.nullOutputStream());
            AuditEntry entry = audit.file(batch, name, HexFormat.of().formatHex(digest.digest()), PIPELINE);
            return new Result(batch, entry);
        }
    }

    /** An import's batch and audit row. */
    public record Result(IntakeGateway.BatchResult batch, AuditEntry audit) {
        public String summary() {
            return String.format(
                    Locale.ROOT,
                    "open311 file=%s status=%s in=%d published=%d rejected=%d failed=%d%s",
                    batch.name(),
                    audit.status(),
                    batch.in(),
                    batch.published(),
                    batch.rejected(),
                    batch.failed(),
                    batch.rejected() > 0 ? " rejected_by_field=" + batch.rejectedByField() : "");
        }
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        GridgovConfig config;
        Open311Mapper mapper;
        PiiProtector pii;
        Path file;
        try {
            config = GridgovConfig.fromArgs(args, IngestionCommand.OPEN311.options());
            String f = config.get(IngestOptions.OPEN311_FILE);
            if (f.isBlank()) {
                throw new IllegalArgumentException("no input: give --open311.file=requests.json");
            }
            file = Path.of(f);
            String m = config.get(IngestOptions.OPEN311_MAPPING);
            Open311Mapping mapping = m.isBlank() ? Open311Mapping.bundled() : Open311Mapping.load(Path.of(m));
            mapper = new Open311Mapper(mapping, config.get(IngestOptions.OPEN311_CHANNEL));
            pii = new PiiProtector(config.require(GridgovOptions.PII_SALT));
        } catch (Exception e) {
            err.println("open311: " + e.getMessage());
            return 2;
        }
        AuditLog log = config.get(IngestOptions.GATEWAY_AUDIT)
                ? new JdbcAuditLog(WarehouseSettings.from(config))
                : AuditLog.none();
        GatewayAudit audit = new GatewayAudit(log, config.get(IngestOptions.GATEWAY_INSTANCE), Duration.ofMinutes(1));
        try (TopicSink publisher = new RawTopicPublisher(config.get(GridgovOptions.KAFKA_BOOTSTRAP))) {
            IntakeGateway gateway =
                    new IntakeGateway(RecordDecoder.standard(), pii, publisher, Clock.system(RecordDecoder.ZONE));
            Result r = new Open311Import(gateway, audit, mapper).importFile(file);
            out.println(r.summary());
            if (r.audit().status() != AuditEntry.Status.OK) {
                err.println("open311: " + r.audit().status() + " " + r.audit().message());
                return 1;
            }
            return 0;
        } catch (IntakeException e) {
            err.println("open311: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("open311 failed: " + e.getMessage());
            return 1;
        }
    }
}
