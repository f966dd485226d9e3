package org.gridgov.cases.launch;

import java.time.Duration;
import java.util.List;
import org.gridgov.common.config.ConfigOption;

/**
 * The case service's {@code gridgov.case.*} settings as {@code gridgov config} lists them. Spring Boot binds them into
 * {@code CaseServiceProperties} (from {@code --gridgov.case.x=...}, {@code application.yml} or the environment: each
 * option's {@link ConfigOption#envName()}, e.g. {@code GRIDGOV_CASE_KAFKA_BOOTSTRAP_SERVERS}, is a name Spring's
 * relaxed binding reads). Here without Spring, so the launcher can list them; {@code CaseServiceOptionsTest} binds the
 * record with Spring's binder to keep keys, defaults and environment names equal to these.
 */
public final class CaseServiceOptions {

    public static final ConfigOption<String> KAFKA_BOOTSTRAP_SERVERS = ConfigOption.string(
            "gridgov.case.kafka-bootstrap-servers",
            "",
            "Kafka for case.events out and alerts in; blank = no Kafka "
                    + "(events wait in the outbox, the inbox shows only what the warehouse holds).");
    public static final ConfigOption<String> WAREHOUSE_URL = ConfigOption.string(
            "gridgov.case.warehouse-url",
            "",
            "JDBC URL of the warehouse (Doris FE or the local MariaDB) for the cockpit and alert areas; blank = the "
                    + "cockpit shows nothing.");
    public static final ConfigOption<String> WAREHOUSE_USER =
            ConfigOption.string("gridgov.case.warehouse-user", "", "Warehouse user of the cockpit's queries.");
    public static final ConfigOption<String> WAREHOUSE_PASSWORD = ConfigOption.secret(
            "gridgov.case.warehouse-password", "Warehouse password; set GRIDGOV_CASE_WAREHOUSE_PASSWORD.");
    public static final ConfigOption<String> ATTACHMENT_DIR = ConfigOption.string(
            "gridgov.case.attachment-dir",
            "${java.io.tmpdir}/gridgov-attachments",
            "Where the disk attachment store keeps files.");
    public static final ConfigOption<Long> MAX_ATTACHMENT_BYTES = ConfigOption.longValue(
                    "gridgov.case.max-attachment-bytes", 10_485_760L, "Largest accepted attachment in bytes.")
            .atLeast(1L);
    public static final ConfigOption<Long> MAX_REQUEST_BYTES = ConfigOption.longValue(
                    "gridgov.case.max-request-bytes",
                    1_048_576L,
                    "Largest request body other than an upload (JSON, forms) in "
                            + "bytes; larger ones get 413 before they are read.")
            .atLeast(1L);
    public static final ConfigOption<List<String>> ATTACHMENT_TYPES = ConfigOption.stringList(
            "gridgov.case.attachment-types",
            List.of("image/jpeg", "image/png", "application/pdf", "text/plain"),
            "Accepted attachment content types, comma-separated.");
    public static final ConfigOption<Integer> MAX_FAILED_LOGINS = ConfigOption.integer(
                    "gridgov.case.max-failed-logins", 5, "Failed logins in a row that lock an account.")
            .atLeast(1);
    public static final ConfigOption<Duration> LOCKOUT = ConfigOption.duration(
            "gridgov.case.lockout", Duration.ofMinutes(15), "How long a locked account stays locked.");
    public static final ConfigOption<Duration> TOKEN_TTL =
            ConfigOption.duration("gridgov.case.token-ttl", Duration.ofHours(8), "Lifetime of an API bearer token.");
    public static final ConfigOption<Duration> TOKEN_RECHECK = ConfigOption.duration(
            "gridgov.case.token-recheck",
            Duration.ofSeconds(30),
            "How long a resolved token is trusted from memory before its row and account are "
                    + "read again (a token revoked or an account disabled elsewhere stops within this time).");
    public static final ConfigOption<Integer> LOGIN_PER_IP_PER_MINUTE = ConfigOption.integer(
                    "gridgov.case.login-per-ip-per-minute",
                    30,
                    "Sign-in attempts per client address and minute (form and " + "token endpoint); 0 = off.")
            .atLeast(0);
    public static final ConfigOption<Integer> LOGIN_PER_ACCOUNT_PER_MINUTE = ConfigOption.integer(
                    "gridgov.case.login-per-account-per-minute",
                    10,
                    "Sign-in attempts per account name and minute; 0 = off.")
            .atLeast(0);
    public static final ConfigOption<Integer> PUBLIC_PER_IP_PER_MINUTE = ConfigOption.integer(
                    "gridgov.case.public-per-ip-per-minute",
                    120,
                    "Requests to the public endpoints (/open311/**) per client " + "address and minute; 0 = off.")
            .atLeast(0);
    public static final ConfigOption<Integer> OUTBOX_BATCH = ConfigOption.integer(
                    "gridgov.case.outbox-batch", 500, "Outbox rows relayed to Kafka per round.")
            .atLeast(1);
    public static final ConfigOption<Duration> OUTBOX_INTERVAL = ConfigOption.duration(
                    "gridgov.case.outbox-interval",
                    Duration.ofMillis(200),
                    "Pause between two rounds of the outbox relay.")
            .withDeprecatedKeys("gridgov.case.outbox-interval-ms");
    public static final ConfigOption<List<String>> OPEN311_API_KEYS = ConfigOption.stringList(
                    "gridgov.case.open311-api-keys",
                    List.of(),
                    "api_key values accepted by the Open311 facade, "
                            + "comma-separated, each mapped to the integration user open311; set "
                            + "GRIDGOV_CASE_OPEN311_API_KEYS.")
            .asSecret();
    public static final ConfigOption<Boolean> SEED_USERS = ConfigOption.bool(
            "gridgov.case.seed-users",
            false,
            "Create one demo user per role on an empty user table and print their passwords once.");
    public static final ConfigOption<Double> AUTO_DISPATCH_THRESHOLD = ConfigOption.number(
                    "gridgov.case.auto-dispatch-threshold",
                    -1,
                    "Classifier confidence at or above which a category it chose "
                            + "stands; below it the report asks the command centre to decide and lists three candidates; "
                            + "negative = the model's own threshold.")
            .atMost(1.0);
    public static final ConfigOption<String> MODEL_DIR = ConfigOption.string(
            "gridgov.case.model-dir",
            "",
            "Directory of classifier model files (gridgov nlp train --model-dir); the newest readable one is loaded "
                    + "at start; empty = the model bundled with nlp.");

    public static final ConfigOption<Integer> DUPLICATE_RADIUS_METRES = ConfigOption.integer(
                    "gridgov.case.duplicate-radius-metres",
                    500,
                    "Open cases within this distance of a report are duplicate " + "candidates (issue 19).")
            .atLeast(1);
    public static final ConfigOption<Duration> DUPLICATE_WINDOW = ConfigOption.duration(
            "gridgov.case.duplicate-window",
            Duration.ofDays(15),
            "Open cases reported within this time before a report are duplicate candidates.");
    public static final ConfigOption<Double> DUPLICATE_THRESHOLD = ConfigOption.number(
                    "gridgov.case.duplicate-threshold",
                    0.29,
                    "Similarity (0.75 text cosine + 0.25 same category) at or above "
                            + "which an open case is shown as a possible duplicate.")
            .atMost(1.0);
    public static final ConfigOption<String> PII_SALT = ConfigOption.secret(
            "gridgov.case.pii-salt",
            "The platform's person-key salt (the loader's pii.salt, at least 16 characters), for 综合查询 by ID-card "
                    + "or phone number (issue 17); set GRIDGOV_CASE_PII_SALT. Blank = searching by number is refused.");
    public static final ConfigOption<Boolean> TRANSACTION_POOL = ConfigOption.bool(
            "gridgov.case.transaction-pool",
            true,
            "Transactions take their connections from a second pool of the same size whose connections keep "
                    + "autocommit off, so a transaction costs no SET autocommit round trips while reads outside one "
                    + "stay on the autocommit pool and pay no COMMIT (issue 15); false = one pool as configured. "
                    + "Only with spring.datasource.hikari.auto-commit on.");

    public static final ConfigOption<Boolean> WRITE_BATCHES = ConfigOption.bool(
            "gridgov.case.write-batches",
            false,
            "A case creation sends its rows (case, history line, audit line, case.events outbox row) to MariaDB as "
                    + "one multi-statement round trip instead of one per row (issue 15): for a database far away "
                    + "on the network. Needs allowMultiQueries=true in spring.datasource.hikari.data-source-properties, "
                    + "which application.yml does not set: it would let any future injectable statement stack others. "
                    + "On the bench's local MariaDB it saved no CPU.");

    public static final List<ConfigOption<?>> ALL = List.of(
            KAFKA_BOOTSTRAP_SERVERS,
            WAREHOUSE_URL,
            WAREHOUSE_USER,
            WAREHOUSE_PASSWORD,
            ATTACHMENT_DIR,
            MAX_ATTACHMENT_BYTES,
            MAX_REQUEST_BYTES,
            ATTACHMENT_TYPES,
            MAX_FAILED_LOGINS,
            LOCKOUT,
            TOKEN_TTL,
            TOKEN_RECHECK,
            LOGIN_PER_IP_PER_MINUTE,
            LOGIN_PER_ACCOUNT_PER_MINUTE,
            PUBLIC_PER_IP_PER_MINUTE,
            OUTBOX_BATCH,
            OUTBOX_INTERVAL,
            OPEN311_API_KEYS,
            SEED_USERS,
            AUTO_DISPATCH_THRESHOLD,
            DUPLICATE_RADIUS_METRES,
            DUPLICATE_WINDOW,
            DUPLICATE_THRESHOLD,
            MODEL_DIR,
            PII_SALT,
            TRANSACTION_POOL,
            WRITE_BATCHES);

    private CaseServiceOptions() {}
}
