package org.gridgov.cases.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionExecutionListener;

/** Which pool answers when, and what the transaction pool copies; no database (no connection is opened). */
class TransactionPoolDataSourceTest {

    @Test
    void onlyABeginningTransactionGetsTheTransactionPool() {
        HikariDataSource configured = pool();
        try (TransactionPoolDataSource ds = new TransactionPoolDataSource(configured)) {
            TransactionExecutionListener begin = TransactionPoolDataSource.beginListener();
            assertThat(ds.pool()).isSameAs(configured);
            begin.beforeBegin(null);
            HikariDataSource tx = (HikariDataSource) ds.pool();
            assertThat(tx).isNotSameAs(configured);
            begin.afterBegin(null, null);
            assertThat(ds.pool()).isSameAs(configured);
            // a failed begin ends the stretch too
            begin.beforeBegin(null);
            begin.afterBegin(null, new IllegalStateException("no connection"));
            assertThat(ds.pool()).isSameAs(configured);
        }
    }

    @Test
    void theTransactionPoolIsTheConfiguredOneWithAutocommitOff() {
        try (TransactionPoolDataSource ds = new TransactionPoolDataSource(pool())) {
            TransactionPoolDataSource.beginListener().beforeBegin(null);
            HikariDataSource tx = (HikariDataSource) ds.pool();
            TransactionPoolDataSource.beginListener().afterBegin(null, null);
            assertThat(tx.isAutoCommit()).isFalse();
            assertThat(tx.getJdbcUrl()).isEqualTo("jdbc:mysql://127.0.0.1:1/none");
            assertThat(tx.getUsername()).isEqualTo("cases");
            assertThat(tx.getMaximumPoolSize()).isEqualTo(12);
            assertThat(tx.getDataSourceProperties()).containsEntry("cachePrepStmts", "true");
            assertThat(tx.getPoolName()).isEqualTo("cases-tx");
        }
    }

    @Test
    void aPoolWithAutocommitOffIsRefused() {
        try (HikariDataSource off = pool()) {
            off.setAutoCommit(false);
            assertThatThrownBy(() -> new TransactionPoolDataSource(off)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static HikariDataSource pool() {
        HikariDataSource p = new HikariDataSource();
        p.setJdbcUrl("jdbc:mysql://127.0.0.1:1/none");
        p.setUsername("cases");
        p.setMaximumPoolSize(12);
        p.setPoolName("cases");
        p.addDataSourceProperty("cachePrepStmts", "true");
        return p;
    }
}
