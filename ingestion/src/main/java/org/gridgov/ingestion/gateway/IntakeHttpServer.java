package org.gridgov.ingestion.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.gridgov.common.json.Json;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.common.validation.RecordDecoder;
import org.gridgov.ingestion.gateway.IntakeGateway.BatchResult;
import org.gridgov.ingestion.gateway.IntakeGateway.Rejection;

/**
 * The gateway's HTTP endpoint (JDK {@code com.sun.net.httpserver}):
 * <ul>
 *   <li>{@code POST /intake/<source>} with a body of JSON lines ({@code application/x-ndjson}), a JSON array or
 *   object ({@code application/json}) or CSV with a header of field names ({@code text/csv; charset=GBK} allowed);
 *   answers once Kafka has acknowledged every record: 200 with the counts and the rejections (which went to
 *   {@code dlq.<source>}), 503 when some records were not acknowledged (resend the request: the raw topics are
 *   upserted downstream, a resend duplicates nothing in the warehouse), 400/404/405/413/415 for requests it refuses
 *   as a whole (nothing published);</li>
 *   <li>{@code GET /health}: liveness and the running totals.</li>
 * </ul>
 * It binds to loopback unless told otherwise and has no authentication of its own: expose it only behind a proxy that
 * authenticates the source systems. Requests are handled one at a time, so records keep their order per key.
 */
public final class IntakeHttpServer implements AutoCloseable {

    private static final DateTimeFormatter REQUEST_ID = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final IntakeGateway gateway;
    private final GatewayAudit audit;
    private final int maxBody;
    private final int maxLineBytes;
    private final HttpServer server;
    private final ExecutorService executor;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    public IntakeHttpServer(IntakeGateway gateway, GatewayAudit audit, String bind, int port, int maxBody,
                            int maxLineBytes) throws IOException {
        this.gateway = gateway;
        this.audit = audit;
        this.maxBody = maxBody;
        this.maxLineBytes = maxLineBytes;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(bind), port), 50);
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "gateway-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/intake/", this::intake);
        server.createContext("/health", this::health);
    }

    public IntakeHttpServer start() {
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://" + server.getAddress().getHostString() + ":" + port();
    }

    /** Totals since start: requests, records received, published, rejected, failed. */
    public String totals() {
        return String.format(Locale.ROOT, "requests=%d received=%d published=%d rejected=%d failed=%d",
                requests.get(), received.get(), published.get(), rejected.get(), failed.get());
    }

    public long failedRecords() {
        return failed.get();
    }

    private void intake(HttpExchange ex) throws IOException {
        try (ex) {
            if (!ex.getRequestMethod().equals("POST")) {
                respond(ex, 405, error("use POST /intake/<source>"));
                return;
            }
            String path = ex.getRequestURI().getPath();
            String code = path.substring("/intake/".length());
            SourceType source;
            try {
                source = SourceType.ofCode(code);
            } catch (IllegalArgumentException e) {
                respond(ex, 404, error("unknown source '" + code + "'; POST to /intake/<source> with one of "
                        + java.util.Arrays.stream(SourceType.values()).map(SourceType::code).toList()));
                return;
            }
            byte[] body = readBody(ex.getRequestBody());
            if (body == null) {
                respond(ex, 413, error("request body larger than " + maxBody + " bytes; split it"));
                return;
            }
            String name = "http-" + REQUEST_ID.format(LocalDateTime.now(RecordDecoder.ZONE)) + "-"
                    + requests.incrementAndGet();
            BatchResult r;
            try (IntakeReader reader = reader(ex.getRequestHeaders().getFirst("Content-Type"), body, name, source)) {
                r = gateway.publish(source, name, reader);
            } catch (IntakeException e) {
                respond(ex, e.getMessage().startsWith("unsupported content type") ? 415 : 400, error(e.getMessage()));
                return;
            }
            received.addAndGet(r.in());
            published.addAndGet(r.published());
            rejected.addAndGet(r.rejected());
            failed.addAndGet(r.failed());
            String auditProblem = null;
            try {
                audit.request(r);
            } catch (Exception e) {
                // the records are in Kafka; a missing audit row must be visible, not fail the caller's request
                auditProblem = "audit row not written: " + e.getMessage();
            }
            respond(ex, r.complete() ? 200 : 503, result(r, auditProblem));
        } catch (RuntimeException e) {
            respond(ex, 500, error("internal error: " + PiiProtector.redact(String.valueOf(e))));
        }
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
                    java.nio.charset.Charset.forName(charset);
                } catch (IllegalArgumentException e) {
                    throw new IntakeException("unknown charset " + charset);
                }
                yield new CsvIntakeReader(new ByteArrayInputStream(body), name, source, charset, maxLineBytes);
            }
            default -> throw new IntakeException("unsupported content type " + media
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
        Iterator<JsonNode> items = root.isArray() ? root.elements() : java.util.List.of(root).iterator();
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
            public void close() {
            }
        };
    }

    private byte[] readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(maxBody + 1);
        return bytes.length > maxBody ? null : bytes;
    }

    private void health(HttpExchange ex) throws IOException {
        try (ex) {
            ObjectNode n = Json.mapper().createObjectNode();
            n.put("status", "ok");
            n.put("requests", requests.get());
            n.put("received", received.get());
            n.put("published", published.get());
            n.put("rejected", rejected.get());
            n.put("failed", failed.get());
            respond(ex, 200, n);
        }
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
            n.put("error", r.failed() + " records were not acknowledged by Kafka (" + r.failure() + "); resend the request");
        }
        if (auditProblem != null) {
            n.put("warning", auditProblem);
        }
        ArrayNode list = n.putArray("rejections");
        for (Rejection rej : r.rejections()) {
            list.addObject().put("position", rej.position()).put("field", rej.field()).put("reason", rej.reason());
        }
        if (r.rejected() > r.rejections().size()) {
            n.put("rejections_not_listed", r.rejected() - r.rejections().size());
        }
        return n;
    }

    private static ObjectNode error(String message) {
        return Json.mapper().createObjectNode().put("error", message);
    }

    private static void respond(HttpExchange ex, int status, ObjectNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(1);
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
