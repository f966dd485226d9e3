package org.gridgov.cases.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The service's pool hands out connections with autocommit off (HikariCP {@code auto-commit: false}), so a Spring
 * transaction costs no {@code SET autocommit} round trips: with autocommit on, {@code DataSourceTransactionManager}
 * switches it off at the start of every transaction and on again at its end, two of the seven statements of a case
 * creation (issue 15). Work done outside a transaction — a {@code JdbcTemplate} call without {@code @Transactional},
 * a back-fill, a login counter — would then be rolled back by the pool when the connection goes back; this wrapper
 * commits it instead, when the connection is released, so such work behaves as under autocommit (each released
 * connection's statements committed together).
 *
 * <p>A connection is committed on release only when a statement was prepared on it since its last commit or
 * rollback and autocommit is off: a transaction's connection, committed or rolled back by the transaction manager
 * before its release, costs nothing extra; a connection used outside a transaction costs one {@code COMMIT} at its
 * release (a read included: it cannot be told from a write here). What can break: code that keeps a connection
 * outside Spring's transactions across several calls and relies on each statement being committed at once would now
 * see them committed together at release; and a commit that fails at release is reported to whoever closes the
 * connection, which for Spring's {@code DataSourceUtils} means a log line, not an exception to the caller (under
 * autocommit the statement itself would have failed) — so writes that must not be lost belong in a transaction.
 */
public final class CommitOnReleaseDataSource extends DelegatingDataSource implements AutoCloseable {

    public CommitOnReleaseDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(obtainTargetDataSource().getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(obtainTargetDataSource().getConnection(username, password));
    }

    /** Closes the pool: Spring infers {@code close} as the DataSource bean's destroy method only on this wrapper. */
    @Override
    public void close() throws Exception {
        if (obtainTargetDataSource() instanceof AutoCloseable pool) {
            pool.close();
        }
    }

    private static Connection wrap(Connection target) {
        return (Connection) Proxy.newProxyInstance(
                CommitOnReleaseDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                new Handler(target));
    }

    /** Tracks whether uncommitted statements may be pending on the connection, and commits them on close. */
    private static final class Handler implements InvocationHandler {

        private final Connection target;
        private boolean pending;

        Handler(Connection target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "createStatement", "prepareStatement", "prepareCall" -> pending = true;
                // rollback(Savepoint) leaves the transaction open; setAutoCommit(true) commits it (JDBC's rule)
                case "commit" -> pending = false;
                case "rollback" -> pending = pending && args != null;
                case "setAutoCommit" -> pending = pending && !((Boolean) args[0]);
                case "close" -> {
                    if (pending && !target.isClosed()) {
                        try {
                            if (!target.getAutoCommit()) {
                                target.commit();
                            }
                        } finally {
                            pending = false;
                            target.close();
                        }
                        return null;
                    }
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "unwrap" -> {
                    if (((Class<?>) args[0]).isInstance(proxy)) {
                        return proxy;
                    }
                }
                case "isWrapperFor" -> {
                    if (((Class<?>) args[0]).isInstance(proxy)) {
                        return true;
                    }
                }
                default -> {}
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getTargetException();
            }
        }
    }
}
