package org.gridgov.cases.inbox;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Map;
import org.gridgov.cases.CaseServiceProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Read-only access to the analytic warehouse (Doris, or the local MariaDB) for the cockpit and for locating alerts.
 * Kept out of the bean graph on purpose: a second DataSource bean would switch off Spring Boot's own. Not configured
 * = {@link #available()} is false and callers show nothing rather than fail.
 */
@Component
public class WarehouseReader {

    private final HikariDataSource dataSource;
    private final JdbcTemplate jdbc;

    public WarehouseReader(CaseServiceProperties props) {
        if (props.warehouseUrl().isBlank()) {
            dataSource = null;
            jdbc = null;
            return;
        }
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(props.warehouseUrl());
        c.setUsername(props.warehouseUser());
        c.setPassword(props.warehousePassword());
        c.setMaximumPoolSize(4);
        c.setReadOnly(true);
        c.setPoolName("warehouse");
        // a warehouse that is down must not stop the service from starting
        c.setInitializationFailTimeout(-1);
        dataSource = new HikariDataSource(c);
        jdbc = new JdbcTemplate(dataSource);
        jdbc.setQueryTimeout(10);
    }

    public boolean available() {
        return jdbc != null;
    }

    public List<Map<String, Object>> query(String sql, Object... args) {
        if (jdbc == null) {
            return List.of();
        }
        return jdbc.queryForList(sql, args);
    }

    @PreDestroy
    void close() {
        if (dataSource != null) {
            dataSource.close();
        }
    }
}
