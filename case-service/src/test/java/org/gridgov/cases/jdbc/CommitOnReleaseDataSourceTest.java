package org.gridgov.cases.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.Savepoint;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

class CommitOnReleaseDataSourceTest {

    private Connection target;
    private CommitOnReleaseDataSource ds;

    @BeforeEach
    void setUp() throws Exception {
        target = mock(Connection.class);
        when(target.getAutoCommit()).thenReturn(false);
        DataSource pool = mock(DataSource.class);
        when(pool.getConnection()).thenReturn(target);
        ds = new CommitOnReleaseDataSource(pool);
    }

    @Test
    void workOutsideATransactionIsCommittedBeforeTheConnectionGoesBack() throws Exception {
        Connection c = ds.getConnection();
        c.prepareStatement("INSERT INTO t VALUES (1)");
        c.close();
        InOrder order = inOrder(target);
        order.verify(target).commit();
        order.verify(target).close();
    }

    @Test
    void aTransactionEndedByItsManagerCostsNoSecondCommit() throws Exception {
        Connection c = ds.getConnection();
        c.prepareStatement("INSERT INTO t VALUES (1)");
        c.commit();
        c.close();
        Connection r = ds.getConnection();
        r.createStatement();
        r.rollback();
        r.close();
        verify(target).commit(); // the manager's, once
        verify(target, org.mockito.Mockito.times(2)).close();
    }

    @Test
    void aRollbackToASavepointLeavesTheWorkPending() throws Exception {
        Connection c = ds.getConnection();
        c.createStatement();
        c.rollback(mock(Savepoint.class));
        c.close();
        verify(target).commit();
    }

    @Test
    void nothingIsCommittedWithoutAStatementOrUnderAutocommit() throws Exception {
        ds.getConnection().close();
        when(target.getAutoCommit()).thenReturn(true);
        Connection c = ds.getConnection();
        c.prepareStatement("SELECT 1");
        c.close();
        verify(target, never()).commit();
        verify(target, org.mockito.Mockito.times(2)).close();
    }

    @Test
    void theWrapperIsItsOwnConnectionAndClosesThePool() throws Exception {
        Connection c = ds.getConnection();
        assertThat(c.unwrap(Connection.class)).isSameAs(c);
        assertThat(c).isEqualTo(c).isNotEqualTo(ds.getConnection());
        AutoCloseableDataSource pool = mock(AutoCloseableDataSource.class);
        new CommitOnReleaseDataSource(pool).close();
        verify(pool).close();
    }

    /** A pool, as HikariDataSource is: a DataSource that is closed with the application. */
    interface AutoCloseableDataSource extends DataSource, AutoCloseable {}
}
