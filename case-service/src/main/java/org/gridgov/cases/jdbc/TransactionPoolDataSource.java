package org.gridgov.cases.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * The service's DataSource with two pools behind it (issue 15): the configured pool, autocommit on, for everything
 * outside a transaction (reads, logins, the look-up log, refusals' audit rows), and a copy of it with autocommit off
 * for the connections Spring's transaction manager begins its transactions on. A transaction thereby costs no
 * {@code SET autocommit} round trips — {@code DataSourceTransactionManager} switches autocommit only when the
 * connection has it on, and restores it only when it switched it — and a read outside a transaction pays no
 * {@code COMMIT}, which one pool with autocommit off ({@link CommitOnReleaseDataSource}) costs every such read.
 *
 * <p>Which pool answers is decided per {@link #getConnection()} by whether the calling thread is inside the
 * transaction manager's {@code doBegin}: {@link #beginListener()}, a {@link TransactionExecutionListener} that Spring
 * Boot adds to its transaction manager, marks that stretch. Every other connection request — JdbcTemplate outside a
 * transaction, Flyway, a transaction-synchronised connection under {@code SUPPORTS} — takes the autocommit pool, so
 * nothing outside a transaction can be left uncommitted. What can break: a transaction manager without the listener
 * (one built by hand) begins on the autocommit pool and pays the two {@code SET autocommit} again — slower, still
 * correct; code that calls {@code setAutoCommit(true)} on a transaction's connection itself would see the pool
 * put it back to off when the connection returns (HikariCP resets changed connection state on return); and a
 * statement run in a {@code TransactionSynchronization.afterCompletion} callback, where the finished transaction's
 * connection is still bound, is rolled back when the connection returns — with one autocommit pool the transaction
 * manager's {@code setAutoCommit(true)} at cleanup used to commit it by accident. Such work needs a transaction of
 * its own ({@code PROPAGATION_REQUIRES_NEW}, Spring's rule for that callback; {@code OutboxRelay} does so).
 *
 * <p>Both pools have the configured size, so the database sees up to twice the configured connections.
 */
public final class TransactionPoolDataSource extends DelegatingDataSource implements AutoCloseable {

    /** Set while a transaction manager on this thread obtains the connection for a transaction it begins. */
    private static final ThreadLocal<Boolean> BEGINNING = new ThreadLocal<>();

    private static final TransactionExecutionListener BEGIN_LISTENER = new TransactionExecutionListener() {
        @Override
        public void beforeBegin(TransactionExecution transaction) {
            BEGINNING.set(Boolean.TRUE);
        }

        @Override
        public void afterBegin(TransactionExecution transaction, Throwable beginFailure) {
            BEGINNING.remove();
        }
    };

    private final HikariDataSource transactions;

    /**
     * @param pool the configured pool, autocommit on; the transaction pool is a copy of its settings with autocommit
     *             off, named after it with {@code -tx}
     */
    public TransactionPoolDataSource(HikariDataSource pool) {
        super(pool);
        if (!pool.isAutoCommit()) {
            throw new IllegalArgumentException("the pool outside transactions must have autocommit on");
        }
        // a HikariDataSource made without a config starts its pool at the first getConnection, as Spring Boot's does
        this.transactions = new HikariDataSource();
        pool.copyStateTo(transactions);
        transactions.setAutoCommit(false);
        transactions.setPoolName((pool.getPoolName() == null ? "case-service" : pool.getPoolName()) + "-tx");
    }

    /** The listener that routes a beginning transaction's connection to the transaction pool. */
    public static TransactionExecutionListener beginListener() {
        return BEGIN_LISTENER;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pool().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return pool().getConnection(username, password);
    }

    /** The pool answering this thread now: the transaction pool while a transaction begins, else the configured one. */
    DataSource pool() {
        return BEGINNING.get() != null ? transactions : obtainTargetDataSource();
    }

    /** Closes both pools: Spring infers {@code close} as the DataSource bean's destroy method. */
    @Override
    public void close() {
        try {
            transactions.close();
        } finally {
            ((HikariDataSource) obtainTargetDataSource()).close();
        }
    }
}
