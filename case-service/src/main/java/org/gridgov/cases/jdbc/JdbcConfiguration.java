package org.gridgov.cases.jdbc;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code spring.datasource.hikari.auto-commit: false} the service's DataSource is wrapped in a
 * {@link CommitOnReleaseDataSource}, so work outside a transaction is still committed; with the pool's autocommit on
 * (the default, see application.yml for why) the pool is used as it is.
 */
@Configuration(proxyBeanMethods = false)
public class JdbcConfiguration {

    /** Static: a post-processor must exist before the beans it processes, the DataSource among them. */
    @Bean
    static BeanPostProcessor commitOnReleaseDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource ds && bean instanceof HikariConfig pool && !pool.isAutoCommit()
                        ? new CommitOnReleaseDataSource(ds) : bean;
            }
        };
    }
}
