package org.gridgov.ingestion.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.gridgov.common.json.Json;
import org.gridgov.common.kafka.Topics;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.validation.RecordDecoder;
import org.gridgov.embedded.EmbeddedKafka;
import org.gridgov.embedded.EmbeddedWarehouse;
import org.gridgov.ingestion.open311.Open311Import;
import org.gridgov.simulator.testing.GeneratedRecords;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's mains against an embedded Kafka broker and MariaDB: files and HTTP requests end up on raw.* and
 * dlq.* exactly as counted, keys keep one case's versions on one partition, and audit_ingest reconciles.
 */
class GatewayIT {

    private static final String SALT = "gridgov-test-salt-2024-01";
    private static EmbeddedKafka kafka;
    private static EmbeddedWarehouse warehouse;

    @BeforeAll
    static void start() {
        kafka = EmbeddedKafka.start();
        kafka.createTopics(Topics.newTopics(EmbeddedKafka.REPLICATION_FACTOR));
        warehouse = EmbeddedWarehouse.start();
    }

    @AfterAll
    static void stop() {
        if (warehouse != null) {
            warehouse.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private static List<String> common() {
        return List.of(
                "--kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--warehouse.jdbc-url=" + warehouse.jdbcUrl(),
                "--warehouse.user=" + EmbeddedWarehouse.USER,
                "--warehouse.password=" + EmbeddedWarehouse.PASSWORD,
                "--warehouse.dialect=mysql",
                "--pii.salt=" + SALT);
    }

    private static String[] args(String... more) {
        List<String> all = new ArrayList<>(common());
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void filesArePublishedAndReconciled(@TempDir Path dir) throws Exception {
        Map<SourceType, Long> valid = new HashMap<>();
        Map<SourceType, Integer> lines = new HashMap<>();
        RecordDecoder decoder = RecordDecoder.standard();
        for (SourceType s : List.of(SourceType.PETITION, SourceType.GRID)) {
            List<String> l = GeneratedRecords.withDefects(3000).lines(s);
            Files.write(dir.resolve(s.code() + "-20240131.jsonl"), l, StandardCharsets.UTF_8);
            // what `gridgov generate` leaves beside the records: not gateway input, skipped
            Files.writeString(dir.resolve("ground-truth.json"), "{}");
            valid.put(s, l.stream().filter(x -> decoder.decode(s, x).isValid()).count());
            lines.put(s, l.size());
        }
        long rawBefore = count("raw.petition") + count("raw.grid");
        long dlqBefore = count("dlq.petition") + count("dlq.grid");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = GatewayMain.run(
                args("--gateway.input=" + dir),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                null);

        long in = lines.values().stream().mapToLong(Integer::longValue).sum();
        long published = valid.values().stream().mapToLong(Long::longValue).sum();
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ground-truth.json: skipped");
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains(
                        "gateway files=2 status=OK in=" + in,
                        "published=" + published,
                        "rejected=" + (in - published),
                        "failed=0");
        assertThat(count("raw.petition") + count("raw.grid") - rawBefore).isEqualTo(published);
        assertThat(count("dlq.petition") + count("dlq.grid") - dlqBefore).isEqualTo(in - published);
        try (Connection c = warehouse.connect()) {
            assertThat(
                            query(
                                    c,
                                    "SELECT COUNT(*) FROM audit_ingest WHERE pipeline = 'gateway-file' AND status = 'OK' "
                                            + "AND records_in = records_loaded + records_rejected AND rows_verified = records_in"))
                    .isEqualTo(2);
        }
    }

    @Test
    void httpEndpointPublishesAcknowledgedRecordsAndAuditsTheWindow(@TempDir Path dir) throws Exception {
        PipedOutput out = new PipedOutput();
        CountDownLatch stop = new CountDownLatch(1);
        int[] exit = {-1};
        Path keys = keyFile(dir);
        Thread server = new Thread(() -> exit[0] = GatewayMain.run(
                args("--gateway.port=0", "--gateway.instance=it", "--gateway.keys-file=" + keys),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err,
                stop));
        server.start();
        String url = out.await("gateway listening on (http://[^/]+)/intake");
        HttpClient http = HttpClient.newHttpClient();
        List<String> hotline = GeneratedRecords.withDefects(3000).lines(SourceType.HOTLINE);
        RecordDecoder decoder = RecordDecoder.standard();
        long valid = hotline.stream()
                .filter(l -> decoder.decode(SourceType.HOTLINE, l).isValid())
                .count();
        long rawBefore = count("raw.hotline");

        HttpResponse<String> ndjson = post(
                http,
                url,
                "/intake/hotline",
                "application/x-ndjson",
                String.join("\n", hotline).getBytes(StandardCharsets.UTF_8));
        String police = GeneratedRecords.clean(3000).lines(SourceType.POLICE).get(0);
        HttpResponse<String> array = post(
                http,
                url,
                "/intake/police",
                "application/json",
                ("[" + police + ", {\"incident_id\": \"JQ-X\"}]").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> csv = post(
                http,
                url,
                "/intake/grid",
                "text/csv; charset=GBK",
                ("record_id,kind,grid_code,worker_id,content,latitude,longitude,record_time,schema_version\n"
                                + "WG-HTTP-1,PATROL,37011200200101,W001,网格员巡查小区消防通道,36.84,117.03,2024-01-10 15:00:00,1\n")
                        .getBytes(Charset.forName("GBK")));
        HttpResponse<String> unknown = post(http, url, "/intake/weather", "application/x-ndjson", new byte[0]);
        HttpResponse<String> badJson =
                post(http, url, "/intake/police", "application/json", "[{".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> health = http.send(
                HttpRequest.newBuilder(URI.create(url + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        stop.countDown();
        server.join(30_000);

        assertThat(ndjson.statusCode()).isEqualTo(200);
        JsonNode n = Json.mapper().readTree(ndjson.body());
        assertThat(n.get("received").asLong()).isEqualTo(hotline.size());
        assertThat(n.get("published").asLong()).isEqualTo(valid);
        assertThat(n.get("rejected").asLong()).isEqualTo(hotline.size() - valid);
        assertThat(n.get("rejections").get(0).get("reason").asText()).isNotBlank();
        assertThat(count("raw.hotline") - rawBefore).isEqualTo(valid);
        assertThat(Json.mapper().readTree(array.body()).get("published").asLong())
                .isEqualTo(1);
        assertThat(Json.mapper().readTree(array.body()).get("rejected").asLong())
                .isEqualTo(1);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(Json.mapper().readTree(csv.body()).get("published").asLong())
                .as(csv.body())
                .isEqualTo(1);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(health.body()).contains("\"status\":\"ok\"");
        assertThat(exit[0]).isZero();
        assertThat(out.text()).contains("gateway stopped requests=");
        try (Connection c = warehouse.connect()) {
            assertThat(query(
                            c,
                            "SELECT SUM(records_in) FROM audit_ingest WHERE pipeline = 'gateway-http' "
                                    + "AND source = 'hotline'"))
                    .isEqualTo(hotline.size());
            assertThat(query(
                            c,
                            "SELECT COUNT(*) FROM audit_ingest WHERE pipeline = 'gateway-http' "
                                    + "AND (status <> 'OK' OR records_in <> records_loaded + records_rejected)"))
                    .isZero();
        }
        // every version of one case is on one partition, in order
        Map<String, Integer> partitionOfKey = new HashMap<>();
        for (ConsumerRecord<String, String> r : read("raw.hotline")) {
            Integer p = partitionOfKey.putIfAbsent(r.key(), r.partition());
            assertThat(p == null || p == r.partition()).isTrue();
        }
    }

    @Test
    void open311ImportPublishesTheSampleAndAuditsIt() throws Exception {
        Path sample =
                Path.of(GatewayIT.class.getResource("/open311/requests.json").toURI());
        long before = count("raw.hotline");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = Open311Import.run(
                args("--open311.file=" + sample), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("open311 file=requests.json status=OK in=12 " + "published=7 rejected=5 failed=0");
        assertThat(count("raw.hotline") - before).isEqualTo(7);
        try (Connection c = warehouse.connect()) {
            assertThat(query(c, "SELECT COUNT(*) FROM audit_ingest WHERE pipeline = 'open311' AND records_in = 12"))
                    .isEqualTo(1);
        }
    }

    /** Issue 14: the HTTP intake had no authentication; without keys it must not start (unless open on loopback). */
    @Test
    void anHttpGatewayWithoutKeysRefusesToStart() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = GatewayMain.run(
                args("--gateway.port=0", "--gateway.bind=0.0.0.0"),
                System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new CountDownLatch(0));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no source-system keys");
        ByteArrayOutputStream open = new ByteArrayOutputStream();
        assertThat(GatewayMain.run(
                        args("--gateway.port=0", "--gateway.bind=0.0.0.0", "--gateway.auth=none"),
                        System.out,
                        new PrintStream(open, true, StandardCharsets.UTF_8),
                        new CountDownLatch(0)))
                .isEqualTo(2);
        assertThat(open.toString(StandardCharsets.UTF_8)).contains("only allowed on a loopback");
    }

    /**
     * Issue 14: who may post, and who sent what. Unsigned, forged, stale and replayed-with-another-body requests are
     * 401, a source system posting another's source 403; signed requests are logged with their sender, and every
     * record they had rejected is in dlq_record with its reason (archived from dlq.hotline).
     */
    @Test
    void onlySignedRequestsOfTheirOwnSourcesGetInAndTheirRejectsReachDlqRecord(@TempDir Path dir) throws Exception {
        Path keys = keyFile(dir);
        PipedOutput out = new PipedOutput();
        CountDownLatch stop = new CountDownLatch(1);
        int[] exit = {-1};
        Thread server = new Thread(() -> exit[0] = GatewayMain.run(
                args("--gateway.port=0", "--gateway.instance=sec", "--gateway.keys-file=" + keys),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err,
                stop));
        server.start();
        String url = out.await("gateway listening on (http://[^/]+)/intake");
        HttpClient http = HttpClient.newHttpClient();
        List<String> hotline =
                GeneratedRecords.withDefects(3000).lines(SourceType.HOTLINE).subList(0, 400);
        RecordDecoder decoder = RecordDecoder.standard();
        long invalid = hotline.stream()
                .filter(l -> !decoder.decode(SourceType.HOTLINE, l).isValid())
                .count();
        byte[] body = String.join("\n", hotline).getBytes(StandardCharsets.UTF_8);
        long now = System.currentTimeMillis() / 1000;

        HttpResponse<String> unsigned = post(http, url + "/intake/hotline", "application/x-ndjson", body);
        HttpResponse<String> forged = signedPost(http, url, "hotline", body, "12345-platform", "x".repeat(40), now);
        HttpResponse<String> stale = signedPost(http, url, "hotline", body, "12345-platform", HOTLINE_KEY, now - 3600);
        HttpResponse<String> foreign = signedPost(http, url, "petition", body, "12345-platform", HOTLINE_KEY, now);
        HttpResponse<String> tampered = http.send(
                HttpRequest.newBuilder(URI.create(url + "/intake/hotline"))
                        .header("Content-Type", "application/x-ndjson")
                        .header(
                                "Authorization",
                                sign(
                                        "12345-platform",
                                        HOTLINE_KEY,
                                        "/intake/hotline",
                                        now,
                                        "[]".getBytes(StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> bearer = http.send(
                HttpRequest.newBuilder(URI.create(url + "/intake/hotline"))
                        .header("Content-Type", "application/x-ndjson")
                        .header("Authorization", "Bearer " + HOTLINE_KEY)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[0]))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> signed = signedPost(http, url, "hotline", body, "12345-platform", HOTLINE_KEY, now);

        assertThat(List.of(unsigned.statusCode(), forged.statusCode(), stale.statusCode(), tampered.statusCode()))
                .containsOnly(401);
        assertThat(unsigned.headers().firstValue("WWW-Authenticate")).hasValue("GRIDGOV-HMAC-SHA256");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(bearer.statusCode()).isEqualTo(200);
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        JsonNode answer = Json.mapper().readTree(signed.body());
        assertThat(answer.get("rejected").asLong()).isEqualTo(invalid).isPositive();
        String batch = answer.get("batch").asText();
        assertThat(batch).startsWith("http-12345-platform-");

        // every rejected record of the signed request reaches dlq_record, with its reason
        long archived = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (Connection c = warehouse.connect()) {
            while (System.nanoTime() < deadline) {
                archived = query(
                        c,
                        "SELECT COUNT(*) FROM dlq_record WHERE source = 'dlq.hotline' AND dlq_id LIKE '" + batch
                                + ":%' AND reason <> ''");
                if (archived >= invalid) {
                    break;
                }
                Thread.sleep(500);
            }
            System.out.println("gateway rejected " + invalid + " of " + hotline.size() + " records; " + archived
                    + " in dlq_record");
            assertThat(archived).isEqualTo(invalid);
            assertThat(query(
                            c,
                            "SELECT COUNT(*) FROM dlq_record WHERE source = 'dlq.hotline' AND dlq_id LIKE '" + batch
                                    + ":%' AND payload REGEXP '1[3-9][0-9]{9}'"))
                    .as("payloads are masked")
                    .isZero();
        }
        stop.countDown();
        server.join(30_000);
        assertThat(exit[0]).isZero();
        // who sent what: one line per request, refused ones included
        assertThat(out.text())
                .contains(
                        "intake client=12345-platform addr=127.0.0.1 source=hotline batch=" + batch,
                        "intake refused addr=127.0.0.1 path=/intake/hotline",
                        "status=403");
        assertThat(out.text()).containsPattern("gateway stopped .* archived=\\d+");
        try (Connection c = warehouse.connect()) {
            assertThat(query(
                            c,
                            "SELECT COUNT(*) FROM audit_ingest WHERE pipeline = 'gateway-http' AND batch_id LIKE"
                                    + " 'gateway-http:sec:%' AND message LIKE '%12345-platform%'"))
                    .isPositive();
        }
    }

    /** Issue 14: with a keystore the gateway speaks HTTPS (Jetty's TLS connector) and nothing else. */
    @Test
    void withAKeystoreTheGatewayServesHttpsOnly(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("gateway.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "gateway",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=127.0.0.1",
                        "-ext",
                        "SAN=ip:127.0.0.1",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keystore.toString(),
                        "-storepass",
                        "changeit-test",
                        "-keypass",
                        "changeit-test")
                .redirectErrorStream(true)
                .start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue())
                .as(new String(keytool.getInputStream().readAllBytes()))
                .isZero();
        Path config = dir.resolve("tls.properties");
        // a secret goes by environment or a file, never as an argument
        Files.writeString(config, "gateway.tls-keystore-password=changeit-test\n");
        PipedOutput out = new PipedOutput();
        CountDownLatch stop = new CountDownLatch(1);
        Thread server = new Thread(() -> GatewayMain.run(
                args(
                        "--gateway.port=0",
                        "--gateway.keys-file=" + keyFile(dir),
                        "--gateway.tls-keystore=" + keystore,
                        "--config=" + config),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err,
                stop));
        server.start();
        String url = out.await("gateway listening on (https://[^/]+)/intake");

        java.security.KeyStore trusted = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keystore)) {
            trusted.load(in, "changeit-test".toCharArray());
        }
        javax.net.ssl.TrustManagerFactory tmf =
                javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        javax.net.ssl.SSLContext ssl = javax.net.ssl.SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        HttpClient https = HttpClient.newBuilder().sslContext(ssl).build();
        HttpResponse<String> health = https.send(
                HttpRequest.newBuilder(URI.create(url + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        byte[] one =
                GeneratedRecords.clean(3000).lines(SourceType.HOTLINE).get(0).getBytes(StandardCharsets.UTF_8);
        assertThat(signedPost(
                                https,
                                url,
                                "hotline",
                                one,
                                "12345-platform",
                                HOTLINE_KEY,
                                System.currentTimeMillis() / 1000)
                        .statusCode())
                .isEqualTo(200);
        String plain = url.replace("https://", "http://");
        assertThat(org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> {
                    HttpResponse<String> r = HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create(plain + "/health"))
                                            .timeout(Duration.ofSeconds(10))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() < 400) {
                        throw new AssertionError("plain HTTP answered " + r.statusCode());
                    }
                    throw new java.io.IOException("refused with " + r.statusCode());
                }))
                .isNotInstanceOf(AssertionError.class);
        stop.countDown();
        server.join(30_000);
    }

    static final String HOTLINE_KEY = "hotline-key-for-tests-0123456789abcdef";
    static final String PETITION_KEY = "petition-key-for-tests-0123456789abcdef";

    /** A key file as an operator writes it: one source system per line, readable by its owner only. */
    static Path keyFile(Path dir) {
        try {
            Path f = dir.resolve("gateway-keys");
            Files.writeString(
                    f,
                    "# source systems of the test\n12345-platform=hotline+police+grid:" + HOTLINE_KEY
                            + "\npetition-system=petition:" + PETITION_KEY + "\n");
            Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            return f;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The signature as the README tells a source system to compute it (written here from the description, not with
     * the gateway's own code): HMAC-SHA256 over method, path, timestamp and the body's SHA-256, hex.
     */
    static String sign(String client, String key, String path, long timestamp, byte[] body) {
        try {
            String canonical = "POST\n" + path + "\n" + timestamp + "\n"
                    + java.util.HexFormat.of()
                            .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                    .digest(body));
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "GRIDGOV-HMAC-SHA256 client=" + client + ", timestamp=" + timestamp + ", signature="
                    + java.util.HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> signedPost(
            HttpClient http, String url, String source, byte[] body, String client, String key, long timestamp)
            throws Exception {
        String path = "/intake/" + source;
        return http.send(
                HttpRequest.newBuilder(URI.create(url + path))
                        .header("Content-Type", "application/x-ndjson")
                        .header("Authorization", sign(client, key, path, timestamp, body))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aGatewayWithoutSaltRefusesToStart() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = GatewayMain.run(
                new String[] {"--kafka.bootstrap-servers=" + kafka.bootstrapServers()},
                System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new CountDownLatch(0));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("pii.salt is not set");
    }

    /** A request signed by the test's 12345 platform, as every source system signs its requests. */
    private static HttpResponse<String> post(HttpClient http, String url, String path, String type, byte[] body)
            throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url + path))
                        .header("Content-Type", type)
                        .header(
                                "Authorization",
                                sign("12345-platform", HOTLINE_KEY, path, System.currentTimeMillis() / 1000, body))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient http, String url, String type, byte[] body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long count(String topic) {
        return read(topic).size();
    }

    private static List<ConsumerRecord<String, String>> read(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition()))
                    .toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    private static long query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Collects what a main prints and lets the test wait for a line. */
    private static final class PipedOutput extends OutputStream {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            buffer.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            buffer.write(b, off, len);
        }

        synchronized String text() {
            return buffer.toString(StandardCharsets.UTF_8);
        }

        String await(String regex) throws InterruptedException {
            Pattern p = Pattern.compile(regex);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                Matcher m = p.matcher(text());
                if (m.find()) {
                    return m.group(1);
                }
                Thread.sleep(50);
            }
            throw new AssertionError("no line matching " + regex + " in: " + text());
        }
    }
}
