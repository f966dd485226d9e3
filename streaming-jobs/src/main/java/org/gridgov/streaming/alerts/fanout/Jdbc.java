package org.gridgov.streaming.alerts.fanout;

import java.sql.Connection;
import java.sql.SQLException;
import org.gridgov.warehouse.WarehouseSettings;

/** Opens warehouse connections the way every writer does ({@link WarehouseSettings#open()}). */
public final class Jdbc {

    private Jdbc() {}

    public static Connection open(WarehouseSettings w) throws SQLException {
        return w.open();
    }

    /** The URL without its query string, which may carry credentials. */
    public static String safeUrl(WarehouseSettings w) {
        return w.safeUrl();
    }
}
