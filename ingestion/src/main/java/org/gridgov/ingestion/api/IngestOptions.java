package org.gridgov.ingestion.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gridgov.common.config.ConfigOption;
import org.gridgov.common.config.MemorySize;
import org.gridgov.common.model.Channel;
import org.gridgov.common.model.SourceType;

/**
 * Configuration keys of the ingestion mains (local DataX runner, intake gateway, Open311 import), on top
 * of the platform's {@link org.gridgov.common.config.GridgovOptions}. Each main reads its
 * {@link IngestionCommand}'s options; each key also comes from {@code GRIDGOV_*} env vars.
 */
public final class IngestOptions {

    // ---- local DataX runner ---------------------------------------------------------------------------------------

    public static final ConfigOption<String> JOB = ConfigOption.string(
            "ingest.job",
            "",
            "DataX job JSON the local runner executes (txtfilereader or mysqlreader -> doriswriter); "
                    + "its ${name} placeholders come from --param.name=value or GRIDGOV_PARAM_NAME.");
    public static final ConfigOption<Map<String, String>> PARAMS = ConfigOption.namespace(
            "param.",
            "Values of the DataX job's ${name} placeholders (datax.py -p \"-Dname=value\" in production): "
                    + "--param.name=value, or GRIDGOV_PARAM_NAME in the environment, which is where passwords belong.");
    public static final ConfigOption<Integer> BATCH_SIZE = ConfigOption.integer(
                    "ingest.batch-size",
                    2000,
                    "Rows per table in one JDBC batch (one transaction, then read back for reconciliation).")
            .atLeast(1);
    public static final ConfigOption<Integer> WORKERS = ConfigOption.integer(
                    "ingest.workers",
                    0,
                    "Threads validating and mapping records; 0 means the job's setting.speed.channel, at most the CPU count.")
            .atLeast(0);
    public static final ConfigOption<Integer> WRITERS = ConfigOption.integer(
                    "ingest.writers",
                    1,
                    "Warehouse connections writing in parallel; rows are routed by key hash, so one key's versions stay in "
                            + "order. Each overlaps its writes with buffering the next batch; on MariaDB one keeps inserts "
                            + "in key order (two interleave and split pages: 60 % more redo per row).")
            .atLeast(1);
    public static final ConfigOption<Boolean> BULK_LOAD = ConfigOption.bool(
            "ingest.bulk-load",
            true,
            "On the mysql dialect, write batches with LOAD DATA LOCAL INFILE ... REPLACE from a private temporary "
                    + "directory (the driver may send files from there only) instead of multi-row upserts: ~4x "
                    + "faster.");
    public static final ConfigOption<String> STAGE_DIR = ConfigOption.string(
            "ingest.stage-dir",
            "",
            "Production hand-over to stock DataX: stage the validated, PII-protected rows as CSV plus one plain DataX "
                    + "job per table under this directory instead of writing the warehouse (no read-back then).");
    public static final ConfigOption<Boolean> VERIFY = ConfigOption.bool(
            "ingest.verify",
            true,
            "Read every written batch back (keys of ODS rows and dead letters) and fail the load on a mismatch.");
    public static final ConfigOption<Boolean> ALLOW_EMPTY = ConfigOption.bool(
            "ingest.allow-empty",
            false,
            "Accept an input without data rows; otherwise an empty export fails the job (status EMPTY).");
    public static final ConfigOption<MemorySize> MAX_LINE_SIZE = ConfigOption.memory(
                    "ingest.max-line-size",
                    MemorySize.ofMebiBytes(1),
                    "Longest physical line read from a file; a longer line is rejected, not " + "buffered.")
            .atLeast(MemorySize.ofBytes(1))
            .atMost(MemorySize.ofMebiBytes(1024))
            .withDeprecatedKeys("ingest.max-line-bytes");
    public static final ConfigOption<Duration> PROGRESS_INTERVAL = ConfigOption.duration(
                    "ingest.progress-interval",
                    Duration.ofSeconds(2),
                    "How often the runner prints progress to stderr; 0 turns progress off.")
            .withDeprecatedKeys("ingest.progress-interval-ms");

    // ---- intake gateway -------------------------------------------------------------------------------------------

    public static final ConfigOption<String> GATEWAY_INPUT = ConfigOption.string(
            "gateway.input",
            "",
            "Comma-separated files or directories to publish (JSON lines *.jsonl or CSV *.csv with a header of JSON "
                    + "field names); empty starts the HTTP endpoint instead.");
    public static final ConfigOption<SourceType> GATEWAY_SOURCE = ConfigOption.enumeration(
            "gateway.source",
            SourceType.class,
            null,
            "source",
            "Source of the input files (hotline, petition, arrears, police, grid); unset means from the file name.");
    public static final ConfigOption<String> GATEWAY_ENCODING = ConfigOption.string(
            "gateway.csv-encoding", "UTF-8", "Encoding of CSV input files (JSON lines are always UTF-8).");
    public static final ConfigOption<String> GATEWAY_BIND = ConfigOption.string(
            "gateway.bind",
            "127.0.0.1",
            "Address the HTTP endpoint binds to; loopback unless a proxy in front of it authenticates callers.");
    public static final ConfigOption<Integer> GATEWAY_PORT = ConfigOption.integer(
                    "gateway.port", 8088, "Port of the HTTP endpoint; 0 picks a free port (printed at start).")
            .atLeast(0)
            .atMost(65_535);
    public static final ConfigOption<MemorySize> GATEWAY_MAX_BODY_SIZE = ConfigOption.memory(
                    "gateway.max-body-size",
                    MemorySize.ofMebiBytes(16),
                    "Largest HTTP request body accepted; larger requests get 413 and nothing is " + "published.")
            .atLeast(MemorySize.ofBytes(1))
            .atMost(MemorySize.ofMebiBytes(1024))
            .withDeprecatedKeys("gateway.max-body-bytes");
    public static final ConfigOption<Integer> GATEWAY_WINDOW_S = ConfigOption.integer(
                    "gateway.audit-window-seconds",
                    60,
                    "Length in seconds of the HTTP reconciliation windows written to audit_ingest.")
            .atLeast(1);
    public static final ConfigOption<Boolean> GATEWAY_AUDIT = ConfigOption.bool(
            "gateway.audit", true, "Write reconciliation rows to audit_ingest in the warehouse (warehouse.* keys).");
    public static final ConfigOption<String> GATEWAY_INSTANCE = ConfigOption.string(
            "gateway.instance",
            "gw1",
            "Name of this gateway instance in its audit batch ids, so two instances do not overwrite each other's "
                    + "windows.");
    public static final ConfigOption<String> GATEWAY_AUTH = ConfigOption.string(
            "gateway.auth",
            "required",
            "required: every POST /intake/<source> is signed or carries a source system's key (gateway.keys or "
                    + "gateway.keys-file); none: open, allowed only when gateway.bind is a loopback address.");
    public static final ConfigOption<String> GATEWAY_KEYS = ConfigOption.secret(
            "gateway.keys",
            "Source systems' keys, <client-id>=<source>[+<source>]:<key> separated by commas; set "
                    + "GRIDGOV_GATEWAY_KEYS, never a file in git.");
    public static final ConfigOption<String> GATEWAY_KEYS_FILE = ConfigOption.string(
            "gateway.keys-file",
            "",
            "File with the source systems' keys (same entries, one per line), readable by its owner only.");
    public static final ConfigOption<Integer> GATEWAY_SIGNATURE_WINDOW_S = ConfigOption.integer(
                    "gateway.signature-window-seconds",
                    300,
                    "How far a signed request's timestamp may be from the gateway's clock.")
            .atLeast(1);
    public static final ConfigOption<String> GATEWAY_TLS_KEYSTORE = ConfigOption.string(
            "gateway.tls-keystore",
            "",
            "PKCS#12 keystore with the gateway's certificate and key: the endpoint then speaks HTTPS only.");
    public static final ConfigOption<String> GATEWAY_TLS_PASSWORD = ConfigOption.secret(
            "gateway.tls-keystore-password",
            "Password of gateway.tls-keystore; set " + "GRIDGOV_GATEWAY_TLS_KEYSTORE_PASSWORD.");
    public static final ConfigOption<Boolean> GATEWAY_ARCHIVE = ConfigOption.bool(
            "gateway.archive-dead-letters",
            true,
            "Copy the dlq.* topics into the warehouse's dlq_record (needs warehouse.*; with gateway.audit).");

    // ---- Open311 import ---------------------------------------------------------------------------------------------

    public static final ConfigOption<String> OPEN311_FILE = ConfigOption.string(
            "open311.file", "", "Open311 GeoReport v2 requests.json export to import as 12345 cases.");
    public static final ConfigOption<String> OPEN311_MAPPING = ConfigOption.string(
            "open311.mapping",
            "",
            "TSV mapping service_code -> category code; empty means the bundled "
                    + "gridgov/ingestion/open311-services.tsv.");
    public static final ConfigOption<Channel> OPEN311_CHANNEL = ConfigOption.enumeration(
            "open311.channel",
            Channel.class,
            Channel.WEB,
            "12345 channel recorded for Open311 requests (Open311 has no channel field).");

    /** The local DataX runner's keys. */
    public static final List<ConfigOption<?>> RUNNER = List.of(
            JOB,
            PARAMS,
            BATCH_SIZE,
            WORKERS,
            WRITERS,
            BULK_LOAD,
            STAGE_DIR,
            VERIFY,
            ALLOW_EMPTY,
            MAX_LINE_SIZE,
            PROGRESS_INTERVAL);
    /** The intake gateway's keys (it reads ingest.allow-empty and ingest.max-line-size too). */
    public static final List<ConfigOption<?>> GATEWAY = List.of(
            GATEWAY_INPUT,
            GATEWAY_SOURCE,
            GATEWAY_ENCODING,
            GATEWAY_BIND,
            GATEWAY_PORT,
            GATEWAY_MAX_BODY_SIZE,
            GATEWAY_WINDOW_S,
            GATEWAY_AUDIT,
            GATEWAY_INSTANCE,
            GATEWAY_AUTH,
            GATEWAY_KEYS,
            GATEWAY_KEYS_FILE,
            GATEWAY_SIGNATURE_WINDOW_S,
            GATEWAY_TLS_KEYSTORE,
            GATEWAY_TLS_PASSWORD,
            GATEWAY_ARCHIVE);
    /** The Open311 import's keys (it audits through the gateway's gateway.audit and gateway.instance too). */
    public static final List<ConfigOption<?>> OPEN311 = List.of(OPEN311_FILE, OPEN311_MAPPING, OPEN311_CHANNEL);

    public static final List<ConfigOption<?>> ALL = List.of(
            JOB,
            PARAMS,
            BATCH_SIZE,
            WORKERS,
            WRITERS,
            BULK_LOAD,
            STAGE_DIR,
            VERIFY,
            ALLOW_EMPTY,
            MAX_LINE_SIZE,
            PROGRESS_INTERVAL,
            GATEWAY_INPUT,
            GATEWAY_SOURCE,
            GATEWAY_ENCODING,
            GATEWAY_BIND,
            GATEWAY_PORT,
            GATEWAY_MAX_BODY_SIZE,
            GATEWAY_WINDOW_S,
            GATEWAY_AUDIT,
            GATEWAY_INSTANCE,
            GATEWAY_AUTH,
            GATEWAY_KEYS,
            GATEWAY_KEYS_FILE,
            GATEWAY_SIGNATURE_WINDOW_S,
            GATEWAY_TLS_KEYSTORE,
            GATEWAY_TLS_PASSWORD,
            GATEWAY_ARCHIVE,
            OPEN311_FILE,
            OPEN311_MAPPING,
            OPEN311_CHANNEL);

    private IngestOptions() {}
}
