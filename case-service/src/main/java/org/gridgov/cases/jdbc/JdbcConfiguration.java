package org.gridgov.cases.jdbc;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's one DataSource, wrapped so its pool can keep autocommit off ({@link CommitOnReleaseDataSource}). */
@Configuration(proxyBeanMethods = false)
public class JdbcConfiguration {

    /** Static: a post-processor must exist before the beans it processes, the DataSource among them. */
    @Bean
    static BeanPostProcessor commitOnReleaseDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource ds && !(bean instanceof CommitOnReleaseDataSource)
                        ? new CommitOnReleaseDataSource(ds) : bean;
            }
        };
    }
}
