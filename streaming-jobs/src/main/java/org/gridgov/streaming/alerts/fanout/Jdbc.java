package org.gridgov.streaming.alerts.fanout;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.gridgov.warehouse.WarehouseSettings;

/** Opens warehouse connections the way the ODS loader's sink does (MySQL driver, called directly). */
public final class Jdbc {

    private Jdbc() {
    }

    /**
     * The driver is called directly instead of through DriverManager, which does not see drivers loaded by Flink's
     * user-code class loader.
     */
    public static Connection open(WarehouseSettings w) throws SQLException {
        Properties p = new Properties();
        if (w.user() != null) {
            p.setProperty("user", w.user());
        }
        if (w.password() != null) {
            p.setProperty("password", w.password());
        }
        p.setProperty("connectTimeout", "10000");
        Connection c = new com.mysql.cj.jdbc.Driver().connect(w.url(), p);
        if (c == null) {
            throw new SQLException("not a MySQL-protocol JDBC URL (expected jdbc:mysql://...): " + safeUrl(w));
        }
        return c;
    }

    /** The URL without its query string, which may carry credentials. */
    public static String safeUrl(WarehouseSettings w) {
        int q = w.url().indexOf('?');
        return q < 0 ? w.url() : w.url().substring(0, q);
    }
}
