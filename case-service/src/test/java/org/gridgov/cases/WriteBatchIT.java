package org.gridgov.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.gridgov.cases.jdbc.WriteBatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.IncorrectUpdateSemanticsDataAccessException;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 15's write batch against the service's own MariaDB and pools: the rows go in one text query (no prepared
 * statement executions), a failing statement fails the batch and its transaction rolls back whole, and a statement
 * that changes no row is refused. With the one-round-trip mode's driver setting, which application.yml leaves out: a
 * context of its own.
 */
@TestPropertySource(
        properties = {
            "spring.datasource.hikari.data-source-properties.allowMultiQueries=true",
            "gridgov.case.write-batches=true"
        })
class WriteBatchIT extends ServiceIT {

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theRowsOfABatchAreWrittenByOneQuery() {
        String key = "write-batch-" + System.nanoTime();
        Map<String, Long> delta = new TransactionTemplate(transactions).execute(s -> {
            Map<String, Long> before = sessionCounters();
            WriteBatch rows = new WriteBatch(jdbc);
            for (int i = 0; i < 3; i++) {
                rows.add(
                        "INSERT INTO notification (username, kind, ref_id, message, created_at)"
                                + " VALUES (?, 'TEST', ?, ?, NOW())",
                        key,
                        "ref-" + i,
                        "a; b");
            }
            assertThat(rows.size()).isEqualTo(3);
            rows.send();
            assertThat(rows.size()).isZero();
            Map<String, Long> after = sessionCounters();
            return Map.of(
                    "insert", after.get("insert") - before.get("insert"),
                    "execute", after.get("execute") - before.get("execute"));
        });
        assertThat(delta).containsEntry("insert", 3L).containsEntry("execute", 0L);
        // the ';' inside a value is a parameter, not a statement separator
        assertThat(jdbc.queryForList(
                        "SELECT message FROM notification WHERE username = ? ORDER BY ref_id", String.class, key))
                .containsExactly("a; b", "a; b", "a; b");
        jdbc.update("DELETE FROM notification WHERE username = ?", key);
    }

    @Test
    void withWriteBatchesOffTheRowsGoOneByOneAsPreparedStatements() {
        String key = "write-batch-" + System.nanoTime();
        Map<String, Long> delta = new TransactionTemplate(transactions).execute(s -> {
            Map<String, Long> before = sessionCounters();
            WriteBatch rows = new WriteBatch(jdbc, false);
            for (int i = 0; i < 3; i++) {
                rows.add(
                        "INSERT INTO notification (username, kind, ref_id, message, created_at)"
                                + " VALUES (?, 'TEST', ?, 'one by one', NOW())",
                        key,
                        "ref-" + i);
            }
            rows.send();
            Map<String, Long> after = sessionCounters();
            return Map.of(
                    "insert", after.get("insert") - before.get("insert"),
                    "execute", after.get("execute") - before.get("execute"));
        });
        assertThat(delta).containsEntry("insert", 3L).containsEntry("execute", 3L);
        jdbc.update("DELETE FROM notification WHERE username = ?", key);
    }

    @Test
    void aFailingStatementFailsTheBatchAndItsTransactionLeavesNoRow() {
        String key = "write-batch-" + System.nanoTime();
        String insert = "INSERT INTO notification (username, kind, ref_id, message, created_at)"
                + " VALUES (?, 'TEST', 'ref', ?, NOW())";
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> new WriteBatch(jdbc)
                        .add(insert, key, "first")
                        .add(insert, key, null) // message is NOT NULL
                        .add(insert, key, "third")
                        .send()))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE username = ?", Integer.class, key))
                .isZero();
    }

    @Test
    void aStatementThatChangesNoRowFailsTheBatch() {
        String key = "write-batch-" + System.nanoTime();
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> new WriteBatch(jdbc)
                        .add(
                                "INSERT INTO notification (username, kind, ref_id, message, created_at)"
                                        + " VALUES (?, 'TEST', 'ref', 'm', NOW())",
                                key)
                        .add("UPDATE notification SET read_at = NOW() WHERE username = ?", key + "-nobody")
                        .send()))
                .isInstanceOf(IncorrectUpdateSemanticsDataAccessException.class)
                .hasMessageContaining("statement 2 of 2");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE username = ?", Integer.class, key))
                .isZero();
    }

    private Map<String, Long> sessionCounters() {
        return jdbc.queryForObject(
                "SELECT (SELECT VARIABLE_VALUE FROM information_schema.SESSION_STATUS"
                        + " WHERE VARIABLE_NAME = 'COM_INSERT'),"
                        + " (SELECT VARIABLE_VALUE FROM information_schema.SESSION_STATUS"
                        + " WHERE VARIABLE_NAME = 'COM_STMT_EXECUTE')",
                (rs, i) -> Map.of("insert", rs.getLong(1), "execute", rs.getLong(2)));
    }
}
