package org.gridgov.cases.assessment;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.gridgov.cases.CaseServiceProperties;
import org.gridgov.common.pii.PiiProtector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Copies the published rules and the manual scores into the warehouse's {@code dim_assessment_rule} and
 * {@code dwd_manual_score} (warehouse-ddl's {@code AssessmentTables}), where the monthly assessment job reads them. A
 * rule row carries its scope (the district's code or a street's), which the job resolves per subject's street.
 *
 * <p>Why here and not an export command: the tables are tiny (tens of rule rows, a few hundred scores a month), and a
 * copy after every change keeps the warehouse current without a schedule to forget. Each copy writes everything, so
 * it is idempotent and heals any copy that failed before (a warehouse that was down): the next change, or the next
 * start, repairs it. A row is replaced by delete-then-insert on its key, which Doris (UNIQUE KEY, merge-on-write) and
 * MySQL both run as written, so the service needs no dialect setting; a reader may miss a row for the instant between
 * the two. A revoked score is deleted. The writer has its own small pool: the cockpit's {@code WarehouseReader} is
 * read-only, and a second DataSource bean would switch off Spring Boot's own. Without a warehouse URL it does nothing.
 */
@Component
public class WarehouseMirror {

    private static final Logger LOG = LoggerFactory.getLogger(WarehouseMirror.class);

    /** What one copy wrote: rule rows, score rows, and scores removed (revoked). */
    public record Copy(int ruleRows, int scoreRows, int removedScores) {}

    private final HikariDataSource dataSource;
    private final ObjectProvider<AssessmentRules> rules;
    private final ObjectProvider<ManualScores> scores;

    public WarehouseMirror(
            CaseServiceProperties props, ObjectProvider<AssessmentRules> rules, ObjectProvider<ManualScores> scores) {
        this.rules = rules;
        this.scores = scores;
        if (props.warehouseUrl().isBlank()) {
            dataSource = null;
            return;
        }
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(props.warehouseUrl());
        c.setUsername(props.warehouseUser());
        c.setPassword(props.warehousePassword());
        c.setMaximumPoolSize(1);
        c.setMinimumIdle(0);
        c.setConnectionTimeout(5_000);
        c.setPoolName("warehouse-assessment-writer");
        // a warehouse that is down must not stop the service from starting
        c.setInitializationFailTimeout(-1);
        dataSource = new HikariDataSource(c);
    }

    public boolean configured() {
        return dataSource != null;
    }

    /** Copies after the caller's transaction commits (a rolled-back change copies nothing); at once without one. */
    void afterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    copyQuietly();
                }
            });
        } else {
            copyQuietly();
        }
    }

    /** At start, in the background: the seeded version 1 and anything a failed copy left behind. */
    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        if (dataSource != null) {
            Thread t = new Thread(this::copyQuietly, "assessment-mirror");
            t.setDaemon(true);
            t.start();
        }
    }

    /** Logs instead of failing: the change is committed, and the next copy repairs the warehouse. */
    void copyQuietly() {
        try {
            Copy c = copy();
            LOG.info(
                    "assessment rules and manual scores copied to the warehouse: {} rule rows, {} scores, {} revoked"
                            + " removed",
                    c.ruleRows(),
                    c.scoreRows(),
                    c.removedScores());
        } catch (SQLException | RuntimeException e) {
            LOG.warn(
                    "copying assessment rules and manual scores to the warehouse failed (the next change or start"
                            + " retries): {}",
                    e.toString());
        }
    }

    /** Writes every rule version and every score; returns the counts (which reconcile with the case database). */
    public synchronized Copy copy() throws SQLException {
        if (dataSource == null) {
            return new Copy(0, 0, 0);
        }
        List<RuleVersion> versions = rules.getObject().all();
        List<ManualScores.ManualScore> all = scores.getObject().all();
        int ruleRows = 0;
        int scoreRows = 0;
        int removed = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement del = c.prepareStatement(
                            "DELETE FROM dim_assessment_rule WHERE rule_version = ? AND level = ? AND scope_code = ?");
                    PreparedStatement ins = c.prepareStatement("INSERT INTO dim_assessment_rule (rule_version, level,"
                            + " scope_code, item_code, valid_from, valid_to, item_name, weight, target, method, direction)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (RuleVersion v : versions) {
                    del.setInt(1, v.version());
                    del.setString(2, v.level().name());
                    del.setString(3, v.scopeCode());
                    del.executeUpdate();
                    for (RuleItem i : v.items()) {
                        ins.setInt(1, v.version());
                        ins.setString(2, v.level().name());
                        ins.setString(3, v.scopeCode());
                        ins.setString(4, i.item().name());
                        ins.setDate(5, java.sql.Date.valueOf(v.validFrom()));
                        ins.setDate(6, v.validTo() == null ? null : java.sql.Date.valueOf(v.validTo()));
                        ins.setString(7, i.name());
                        ins.setDouble(8, i.weight());
                        ins.setDouble(9, i.target());
                        ins.setString(10, i.method().name());
                        ins.setString(11, i.direction());
                        ins.addBatch();
                        ruleRows++;
                    }
                    ins.executeBatch();
                }
            }
            try (PreparedStatement del = c.prepareStatement("DELETE FROM dwd_manual_score WHERE score_id = ?");
                    PreparedStatement ins = c.prepareStatement("INSERT INTO dwd_manual_score (score_id, month, level,"
                            + " subject_code, points, reason, scored_by, scored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (ManualScores.ManualScore s : all) {
                    del.setString(1, s.scoreId());
                    del.addBatch();
                }
                del.executeBatch();
                for (ManualScores.ManualScore s : all) {
                    if (s.revoked()) {
                        removed++;
                        continue;
                    }
                    ins.setString(1, s.scoreId());
                    ins.setString(2, s.month());
                    ins.setString(3, s.level().name());
                    ins.setString(4, s.subjectCode());
                    ins.setDouble(5, s.points());
                    // a reason is free text: ID and phone numbers never reach the warehouse in clear
                    ins.setString(6, PiiProtector.redact(s.reason()));
                    ins.setString(7, s.scoredBy());
                    ins.setTimestamp(8, java.sql.Timestamp.valueOf(s.scoredAt()));
                    ins.addBatch();
                    scoreRows++;
                }
                ins.executeBatch();
            }
        }
        return new Copy(ruleRows, scoreRows, removed);
    }

    @PreDestroy
    void close() {
        if (dataSource != null) {
            dataSource.close();
        }
    }
}
