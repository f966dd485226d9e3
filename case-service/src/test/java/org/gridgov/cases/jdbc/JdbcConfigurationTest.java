package org.gridgov.cases.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.mock.env.MockEnvironment;

class JdbcConfigurationTest {

    private final BeanPostProcessor byDefault = JdbcConfiguration.transactionAwareDataSource(new MockEnvironment());
    private final BeanPostProcessor onePool = JdbcConfiguration.transactionAwareDataSource(
            new MockEnvironment().withProperty("gridgov.case.transaction-pool", "false"));

    @Test
    void aPoolWithAutocommitOnGetsATransactionPoolUnlessSwitchedOff() throws Exception {
        try (HikariDataSource on = new HikariDataSource();
                HikariDataSource alone = new HikariDataSource()) {
            Object wrapped = byDefault.postProcessAfterInitialization(on, "dataSource");
            assertThat(wrapped).isInstanceOf(TransactionPoolDataSource.class);
            ((TransactionPoolDataSource) wrapped).close();
            assertThat(onePool.postProcessAfterInitialization(alone, "dataSource"))
                    .isSameAs(alone);
        }
    }

    @Test
    void aPoolWithAutocommitOffIsWrappedToCommitOnRelease() {
        for (BeanPostProcessor wrapper : new BeanPostProcessor[] {byDefault, onePool}) {
            try (HikariDataSource off = new HikariDataSource()) {
                off.setAutoCommit(false);
                assertThat(wrapper.postProcessAfterInitialization(off, "dataSource"))
                        .isInstanceOf(CommitOnReleaseDataSource.class);
            }
        }
    }

    @Test
    void otherBeansAreLeftAsTheyAre() {
        assertThat(byDefault.postProcessAfterInitialization("not a pool", "other"))
                .isEqualTo("not a pool");
    }
}
