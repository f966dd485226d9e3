package org.gridgov.cases.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.gridgov.cases.launch.CaseServiceOptions;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * The service's DataSource as the pool's settings ask for it. With {@code spring.datasource.hikari.auto-commit: true}
 * (the default) and {@code gridgov.case.transaction-pool} on (the default), transactions begin on a second pool whose
 * connections keep autocommit off ({@link TransactionPoolDataSource}); with the transaction pool off the configured
 * pool is used as it is; with {@code auto-commit: false} it is wrapped in a {@link CommitOnReleaseDataSource}, so
 * work outside a transaction is still committed.
 */
@Configuration(proxyBeanMethods = false)
public class JdbcConfiguration {

    /** Static: a post-processor must exist before the beans it processes, the DataSource among them. */
    @Bean
    static BeanPostProcessor transactionAwareDataSource(Environment environment) {
        boolean transactionPool = environment.getProperty(
                CaseServiceOptions.TRANSACTION_POOL.key(),
                Boolean.class,
                CaseServiceOptions.TRANSACTION_POOL.defaultValue());
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof DataSource ds) || !(bean instanceof HikariConfig pool)) {
                    return bean;
                }
                if (!pool.isAutoCommit()) {
                    return new CommitOnReleaseDataSource(ds);
                }
                return transactionPool && bean instanceof HikariDataSource hikari
                        ? new TransactionPoolDataSource(hikari)
                        : bean;
            }
        };
    }

    /**
     * Marks the transaction manager's begin for {@link TransactionPoolDataSource}; Spring Boot adds every
     * {@link TransactionExecutionListener} bean to the transaction manager it configures. Harmless without it.
     */
    @Bean
    static TransactionExecutionListener transactionPoolBeginListener() {
        return TransactionPoolDataSource.beginListener();
    }
}
