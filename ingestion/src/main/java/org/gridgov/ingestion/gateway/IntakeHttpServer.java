package org.gridgov.ingestion.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.gridgov.common.json.Json;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.common.validation.RecordDecoder;
import org.gridgov.ingestion.gateway.IntakeGateway.BatchResult;
import org.gridgov.ingestion.gateway.IntakeGateway.Rejection;

/**
 * The gateway's HTTP endpoint, on Javalin (routing, the body-size limit and the mapping of refusals to statuses):
 * <ul>
 *   <li>{@code POST /intake/<source>} with a body of JSON lines ({@code application/x-ndjson}), a JSON array or
 *   object ({@code application/json}) or CSV with a header of field names ({@code text/csv; charset=GBK} allowed);
 *   answers once Kafka has acknowledged every record: 200 with the counts and the rejections (which went to
 *   {@code dlq.<source>}), 503 when some records were not acknowledged (resend the request: the raw topics are
 *   upserted downstream, a resend duplicates nothing in the warehouse), 400/404/405/413/415 for requests it refuses
 *   as a whole (nothing published);</li>
 *   <li>{@code GET /health}: liveness and the running totals.</li>
 * </ul>
 * Every intake request is authenticated ({@link IntakeKeys}: a signed request or a bearer key per source system, 401
 * or 403 otherwise, checked before the source is looked at) unless the gateway runs open on loopback; every request,
 * accepted or refused, is logged with who sent it, from where, its size and SHA-256 and what became of it (the
 * gateway's audit trail beside the window rows in {@code audit_ingest}). With a keystore it serves HTTPS only
 * (Jetty's TLS connector); otherwise put it behind a TLS-terminating proxy. The gateway publishes one request's batch
 * at a time, so records keep their order per key.
 */
public final class IntakeHttpServer implements AutoCloseable {

    private static final DateTimeFormatter REQUEST_ID = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final String JSON = "application/json; charset=utf-8";

    /** A PKCS#12 keystore with the gateway's certificate and key, for HTTPS. */
    public record Tls(Path keystore, String password) {}

    private final IntakeGateway gateway;
    private final GatewayAudit audit;
    private final IntakeKeys keys;
    private final Consumer<String> requestLog;
    private final Tls tls;
    private final String bind;
    private final int port;
    private final int maxBody;
    private final int maxLineBytes;
    private final Javalin app;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    /** Open (no keys), plain HTTP, no request log: for tests of the endpoint itself on loopback. */
    public IntakeHttpServer(
            IntakeGateway gateway, GatewayAudit audit, String bind, int port, int maxBody, int maxLineBytes) {
        this(gateway, audit, bind, port, maxBody, maxLineBytes, IntakeKeys.none(), line -> {}, null);
    }

    /** {@code tls} null serves plain HTTP; {@code requestLog} gets one line per request. */
    public IntakeHttpServer(
            IntakeGateway gateway,
            GatewayAudit audit,
            String bind,
            int port,
            int maxBody,
            int maxLineBytes,
            IntakeKeys keys,
            Consumer<String> requestLog,
            Tls tls) {
        this.gateway = gateway;
        this.audit = audit;
        this.keys = keys;
        this.requestLog = requestLog;
        this.tls = tls;
        this.bind = bind;
        this.port = port;
        this.maxBody = maxBody;
        this.maxLineBytes = maxLineBytes;
        this.app = Javalin.create(this::configure);
    }

    private void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        // Javalin reads at most this many bytes of a body, with or without Content-Length (chunked)
        config.http.maxRequestSize = maxBody;
        config.http.prefer405over404 = true;
        if (tls != null) {
            // Javalin adds its plain connector only when none was added: with a keystore the gateway speaks HTTPS only
            config.jetty.addConnector((server, http) -> httpsConnector(server, http));
        }
        config.routes.post("/intake/{source}", this::intake);
        config.routes.get("/health", this::health);
        config.routes.error(405, ctx -> respond(ctx, 405, error("use POST /intake/<source>")));
        // Javalin's own refusals (413 past maxRequestSize, ...) in the gateway's JSON form
        config.routes.exception(
                HttpResponseException.class,
                (e, ctx) -> respond(
                        ctx,
                        e.getStatus(),
                        error(
                                e.getStatus() == 413
                                        ? "request body larger than " + maxBody + " bytes; split it"
                                        : e.getMessage())));
        config.routes.exception(
                IntakeException.class,
                (e, ctx) -> respond(
                        ctx, e.getMessage().startsWith("unsupported content type") ? 415 : 400, error(e.getMessage())));
        config.routes.exception(
                Exception.class,
                (e, ctx) -> respond(ctx, 500, error("internal error: " + PiiProtector.redact(String.valueOf(e)))));
    }

    public IntakeHttpServer start() {
        app.start(bind, port);
        return this;
    }

    /** The unstarted application, for in-process tests ({@code JavalinTest.test(server.app(), ...)}). */
    Javalin app() {
        return app;
    }

    public int port() {
        return app.port();
    }

    public String url() {
        return (tls == null ? "http://" : "https://") + bind + ":" + port();
    }

    private ServerConnector httpsConnector(Server server, HttpConfiguration http) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(tls.keystore().toString());
        ssl.setKeyStorePassword(tls.password());
        ssl.setKeyStoreType("PKCS12");
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        HttpConfiguration https = new HttpConfiguration(http);
        // no SNI host check: clients reach the gateway by address as often as by name
        https.addCustomizer(new SecureRequestCustomizer(false));
        ServerConnector connector = new ServerConnector(
                server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
        connector.setHost(bind);
        connector.setPort(port);
        return connector;
    }

    /** Totals since start: requests, records received, published, rejected, failed. */
    public String totals() {
        return String.format(
                Locale.ROOT,
                "requests=%d received=%d published=%d rejected=%d failed=%d",
                requests.get(),
                received.get(),
                published.get(),
                rejected.get(),
                failed.get());
    }

    public long failedRecords() {
        return failed.get();
    }

    private void intake(Context ctx) throws IOException {
        String code = ctx.pathParam("source");
        SourceType source;
        try {
            source = SourceType.ofCode(code);
        } catch (IllegalArgumentException e) {
            source = null;
        }
        byte[] body = ctx.bodyAsBytes();
        String digest = sha256(body);
        IntakeKeys.Verdict who = keys.check("POST", ctx.path(), ctx.header("Authorization"), source, body);
        if (!who.allowed()) {
            requestLog.accept(String.format(
                    Locale.ROOT,
                    "intake refused addr=%s path=%s bytes=%d sha256=%s status=%d" + " reason=%s",
                    ctx.ip(),
                    ctx.path(),
                    body.length,
                    digest,
                    who.status(),
                    who.reason()));
            if (who.status() == 401) {
                ctx.header("WWW-Authenticate", IntakeKeys.SCHEME);
            }
            respond(ctx, who.status(), error(who.reason()));
            return;
        }
        if (source == null) {
            respond(
                    ctx,
                    404,
                    error("unknown source '" + code + "'; POST to /intake/<source> with one of "
                            + Arrays.stream(SourceType.values())
                                    .map(SourceType::code)
                                    .toList()));
            return;
        }
        String client = who.client().id();
        // the sender is part of the batch name, so every dead letter's position says who sent the record
        String name = "http-" + (keys.open() ? "" : client + "-")
                + REQUEST_ID.format(LocalDateTime.now(RecordDecoder.ZONE)) + "-" + requests.incrementAndGet();
        BatchResult r;
        try (IntakeReader reader = reader(ctx.header("Content-Type"), body, name, source)) {
            r = gateway.publish(source, name, reader);
        }
        received.addAndGet(r.in());
        published.addAndGet(r.published());
        rejected.addAndGet(r.rejected());
        failed.addAndGet(r.failed());
        requestLog.accept(String.format(
                Locale.ROOT,
                "intake client=%s addr=%s source=%s batch=%s bytes=%d sha256=%s"
                        + " received=%d published=%d rejected=%d failed=%d",
                client,
                ctx.ip(),
                source.code(),
                name,
                body.length,
                digest,
                r.in(),
                r.published(),
                r.rejected(),
                r.failed()));
        String auditProblem = null;
        try {
            audit.request(r, client);
        } catch (Exception e) {
            // the records are in Kafka; a missing audit row must be visible, not fail the caller's request
            auditProblem = "audit row not written: " + e.getMessage();
        }
        respond(ctx, r.complete() ? 200 : 503, result(r, auditProblem));
    }

    private IntakeReader reader(String contentType, byte[] body, String name, SourceType source) throws IOException {
        String type = contentType == null ? "application/x-ndjson" : contentType.toLowerCase(Locale.ROOT);
        String media = type.split(";")[0].trim();
        String charset = "UTF-8";
        for (String part : type.split(";")) {
            if (part.trim().startsWith("charset=")) {
                charset = part.trim().substring("charset=".length()).replace("\"", "");
            }
        }
        return switch (media) {
            case "application/x-ndjson", "application/jsonl", "application/json-lines", "text/plain" ->
                new JsonLinesReader(new ByteArrayInputStream(body), name, maxLineBytes);
            case "application/json" -> jsonBody(body, name);
            case "text/csv" -> {
                try {
                    Charset.forName(charset);
                } catch (IllegalArgumentException e) {
                    throw new IntakeException("unknown charset " + charset);
                }
                yield new CsvIntakeReader(new ByteArrayInputStream(body), name, source, charset, maxLineBytes);
            }
            default ->
                throw new IntakeException("unsupported content type " + media
                        + "; send application/x-ndjson, application/json or text/csv");
        };
    }

    /** A JSON array of records, or one record: parsed up front, so a malformed body publishes nothing. */
    private static IntakeReader jsonBody(byte[] body, String name) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new IntakeException("body is not JSON: " + e.getMessage());
        }
        if (root == null || !(root.isArray() || root.isObject())) {
            throw new IntakeException("body must be a JSON array of records or one record object");
        }
        Iterator<JsonNode> items =
                root.isArray() ? root.elements() : List.of(root).iterator();
        return new IntakeReader() {
            private int index;

            @Override
            public IntakeRecord next() {
                if (!items.hasNext()) {
                    return null;
                }
                String text = items.next().toString();
                return IntakeRecord.of(name + ":" + (++index), text, text);
            }

            @Override
            public String notes() {
                return "";
            }

            @Override
            public void close() {}
        };
    }

    private void health(Context ctx) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("status", "ok");
        n.put("requests", requests.get());
        n.put("received", received.get());
        n.put("published", published.get());
        n.put("rejected", rejected.get());
        n.put("failed", failed.get());
        respond(ctx, 200, n);
    }

    private static ObjectNode result(BatchResult r, String auditProblem) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("batch", r.name());
        n.put("source", r.source().code());
        n.put("received", r.in());
        n.put("published", r.published());
        n.put("rejected", r.rejected());
        n.put("failed", r.failed());
        if (r.failed() > 0) {
            n.put(
                    "error",
                    r.failed() + " records were not acknowledged by Kafka (" + r.failure() + "); resend the request");
        }
        if (auditProblem != null) {
            n.put("warning", auditProblem);
        }
        ArrayNode list = n.putArray("rejections");
        for (Rejection rej : r.rejections()) {
            list.addObject()
                    .put("position", rej.position())
                    .put("field", rej.field())
                    .put("reason", rej.reason());
        }
        if (r.rejected() > r.rejections().size()) {
            n.put("rejections_not_listed", r.rejected() - r.rejections().size());
        }
        return n;
    }

    private static String sha256(byte[] body) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(body));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static ObjectNode error(String message) {
        return Json.mapper().createObjectNode().put("error", message);
    }

    private static void respond(Context ctx, int status, ObjectNode body) {
        ctx.status(status).contentType(JSON).result(body.toString());
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            app.stop();
        }
    }
}
