package org.gridgov.cases.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;

class JdbcConfigurationTest {

    private final BeanPostProcessor wrapper = JdbcConfiguration.commitOnReleaseDataSource();

    @Test
    void aPoolWithAutocommitOffIsWrappedAndOneWithItOnIsLeftAsItIs() {
        try (HikariDataSource off = new HikariDataSource(); HikariDataSource on = new HikariDataSource()) {
            off.setAutoCommit(false);
            assertThat(wrapper.postProcessAfterInitialization(off, "dataSource"))
                    .isInstanceOf(CommitOnReleaseDataSource.class);
            assertThat(wrapper.postProcessAfterInitialization(on, "dataSource")).isSameAs(on);
            assertThat(wrapper.postProcessAfterInitialization("not a pool", "other")).isEqualTo("not a pool");
        }
    }
}
