package org.gridgov.cases;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code gridgov.case.*}; each has a default that suits a laptop. Credentials never live here: the
 * datasource password and the PII salt come from the environment. {@code launch.CaseServiceOptions} declares the same
 * keys, types and defaults for {@code gridgov config} ({@code CaseServiceOptionsTest} keeps the two equal).
 *
 * @param kafkaBootstrapServers Kafka for {@code case.events} out and {@code alerts} in; blank = no Kafka (events wait
 *                              in the outbox, the inbox shows only what the warehouse holds)
 * @param warehouseUrl          JDBC URL of the warehouse (Doris FE or the local MariaDB) for the cockpit and alert areas;
 *                              blank = cockpit shows nothing
 * @param attachmentDir         where the disk attachment store keeps files
 * @param maxAttachmentBytes    largest accepted attachment
 * @param maxRequestBytes       largest request body other than an upload (JSON, forms); larger ones get 413
 * @param attachmentTypes       accepted attachment content types
 * @param maxFailedLogins       failed logins in a row that lock an account
 * @param lockout               how long a locked account stays locked
 * @param tokenTtl              lifetime of an API bearer token
 * @param tokenRecheck          how long a resolved token is trusted from memory before its row and account are read
 *                              again (a token revoked or an account disabled elsewhere stops within this time)
 * @param loginPerIpPerMinute   sign-in attempts per client address and minute (form and token endpoint); 0 = off
 * @param loginPerAccountPerMinute sign-in attempts per account name and minute; 0 = off
 * @param publicPerIpPerMinute  requests to the public endpoints ({@code /open311/**}) per client address and minute;
 *                              0 = off
 * @param outboxBatch           outbox rows relayed per round
 * @param outboxInterval        pause between two rounds of the outbox relay
 * @param open311ApiKeys        api_key values accepted by the Open311 facade, each mapped to the integration user
 *                              {@code open311}
 * @param seedUsers             create one demo user per role on an empty user table and print their passwords once
 * @param autoDispatchThreshold classifier confidence at or above which a category it chose stands; below it the
 *                              report asks the command centre to decide and lists three candidates; negative = the
 *                              model's own threshold
 * @param duplicateRadiusMetres open cases within this distance of a report are duplicate candidates
 * @param duplicateWindow       open cases reported within this time before a report are candidates
 * @param duplicateThreshold    similarity at or above which a candidate is shown
 * @param modelDir              directory of classifier model files ({@code gridgov nlp train --model-dir}); the newest
 *                              readable one is loaded at start; blank = the model bundled with nlp
 * @param piiSalt               the loader's person-key salt, so 综合查询 hashes an ID-card or phone number exactly as the
 *                              warehouse keys it; blank = look-ups by number are refused (from the environment only)
 * @param transactionPool       transactions take their connections from a second pool with autocommit off (no
 *                              {@code SET autocommit} per transaction), the rest from the configured pool
 *                              ({@code jdbc.TransactionPoolDataSource}); read by {@code jdbc.JdbcConfiguration}
 * @param writeBatches          a case creation's rows go to MariaDB in one multi-statement round trip (needs
 *                              Connector/J's {@code allowMultiQueries}, not set by default); false (default) = one
 *                              round trip per row
 *                              ({@code jdbc.WriteBatches})
 */
@ConfigurationProperties("gridgov.case")
public record CaseServiceProperties(
        @DefaultValue("") String kafkaBootstrapServers,
        @DefaultValue("") String warehouseUrl,
        @DefaultValue("") String warehouseUser,
        @DefaultValue("") String warehousePassword,

        @DefaultValue("${java.io.tmpdir}/gridgov-attachments")
        String attachmentDir,

        @DefaultValue("10485760") long maxAttachmentBytes,
        @DefaultValue("1048576") long maxRequestBytes,

        @DefaultValue({"image/jpeg", "image/png", "application/pdf", "text/plain"})
        List<String> attachmentTypes,

        @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("15m") Duration lockout,
        @DefaultValue("8h") Duration tokenTtl,
        @DefaultValue("30s") Duration tokenRecheck,
        @DefaultValue("30") int loginPerIpPerMinute,
        @DefaultValue("10") int loginPerAccountPerMinute,
        @DefaultValue("120") int publicPerIpPerMinute,
        @DefaultValue("500") int outboxBatch,
        @DefaultValue("200ms") Duration outboxInterval,
        // an empty list: @DefaultValue("") would bind [""], and an empty api_key would then be accepted
        @DefaultValue List<String> open311ApiKeys,
        @DefaultValue("false") boolean seedUsers,
        @DefaultValue("-1") double autoDispatchThreshold,
        @DefaultValue("500") int duplicateRadiusMetres,
        @DefaultValue("15d") Duration duplicateWindow,
        @DefaultValue("0.29") double duplicateThreshold,
        @DefaultValue("") String modelDir,
        @DefaultValue("") String piiSalt,
        @DefaultValue("true") boolean transactionPool,
        @DefaultValue("false") boolean writeBatches) {}
