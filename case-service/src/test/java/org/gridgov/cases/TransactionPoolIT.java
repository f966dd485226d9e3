package org.gridgov.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import javax.sql.DataSource;
import org.gridgov.cases.jdbc.TransactionPoolDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 15's transaction pool in the running service: a transaction begins on a connection whose autocommit is
 * already off (no {@code SET autocommit} on it from one transaction to the next), and a write outside a transaction
 * is committed at once, as under autocommit.
 */
class TransactionPoolIT extends ServiceIT {

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theServiceRunsOnTheTransactionPool() {
        assertThat(dataSource).isInstanceOf(TransactionPoolDataSource.class);
    }

    @Test
    void consecutiveTransactionsOnOneConnectionSendNoSetAutocommit() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        // HikariCP hands a thread the connection it returned last, so two transactions in a row usually share one;
        // MariaDB's session counters then tell what was sent on it between the two reads
        for (int attempt = 0; attempt < 10; attempt++) {
            Map<String, Object> first = tx.execute(s -> sessionCounters());
            Map<String, Object> second = tx.execute(s -> sessionCounters());
            if (!first.get("id").equals(second.get("id"))) {
                continue;
            }
            assertThat(((Number) second.get("autocommit")).intValue()).isZero();
            // between the two reads: the first's COMMIT, nothing else switched (with autocommit on in the pool,
            // Spring's transaction manager sends SET autocommit=1 after the commit and SET autocommit=0 before the
            // next transaction: 2 here)
            assertThat(count(second, "set") - count(first, "set")).isZero();
            assertThat(count(second, "commit") - count(first, "commit")).isEqualTo(1);
            return;
        }
        throw new AssertionError("ten pairs of transactions never ran on the same connection");
    }

    @Test
    void aWriteOutsideATransactionIsCommittedAtOnce() {
        String key = "tx-pool-" + System.nanoTime();
        jdbc.update(
                "INSERT INTO notification (username, kind, ref_id, message, created_at)"
                        + " VALUES (?, 'TEST', 'none', 'transaction pool', NOW())",
                key);
        // a transaction's connection, from the other pool, sees it: nothing waits for a commit
        Integer seen = new TransactionTemplate(transactions)
                .execute(s -> jdbc.queryForObject(
                        "SELECT COUNT(*) FROM notification WHERE username = ?", Integer.class, key));
        assertThat(seen).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT @@autocommit", Integer.class)).isEqualTo(1);
        jdbc.update("DELETE FROM notification WHERE username = ?", key);
    }

    private Map<String, Object> sessionCounters() {
        return jdbc.queryForMap("SELECT CONNECTION_ID() AS id, @@autocommit AS autocommit,"
                + " (SELECT VARIABLE_VALUE FROM information_schema.SESSION_STATUS"
                + " WHERE VARIABLE_NAME = 'COM_SET_OPTION') AS `set`,"
                + " (SELECT VARIABLE_VALUE FROM information_schema.SESSION_STATUS"
                + " WHERE VARIABLE_NAME = 'COM_COMMIT') AS `commit`");
    }

    private static long count(Map<String, Object> row, String column) {
        return Long.parseLong(String.valueOf(row.get(column)));
    }
}
