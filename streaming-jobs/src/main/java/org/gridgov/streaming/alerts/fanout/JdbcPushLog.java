package org.gridgov.streaming.alerts.fanout;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.common.json.Json;
import org.gridgov.common.validation.RecordDecoder;
import org.gridgov.warehouse.AlertTables;
import org.gridgov.warehouse.JdbcConnections;
import org.gridgov.warehouse.JdbcUpserter;
import org.gridgov.warehouse.TableRow;
import org.gridgov.warehouse.WarehouseSettings;

/**
 * {@link PushLog} in the warehouse table {@code audit_alert_push}, one row per alert and channel, written with the
 * dialect's upsert (autocommit: each claim and each result is durable before the next step). One writer per channel
 * (the webhook sink runs at parallelism 1), so read-then-write needs no locking.
 */
public final class JdbcPushLog implements PushLog {

    private final WarehouseSettings warehouse;
    private final String channel;
    private final JdbcUpserter upserter;
    private Connection connection;

    public JdbcPushLog(WarehouseSettings warehouse, String channel) {
        this.warehouse = warehouse;
        this.channel = channel;
        this.upserter = new JdbcUpserter(warehouse.dialect());
    }

    @Override
    public Optional<Status> status(String alertId) throws Exception {
        return retry(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT status FROM audit_alert_push WHERE alert_id = ? AND channel = ?")) {
                ps.setString(1, alertId);
                ps.setString(2, channel);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(Status.valueOf(rs.getString(1))) : Optional.<Status>empty();
                }
            }
        });
    }

    @Override
    public List<Entry> queued() throws Exception {
        return retry(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT alert_id, rule, level, title, attempts FROM "
                    + "audit_alert_push WHERE channel = ? AND status = 'QUEUED' ORDER BY updated_at, alert_id")) {
                ps.setString(1, channel);
                List<Entry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Entry(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                Status.QUEUED,
                                rs.getInt(5)));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public int inFlight() throws Exception {
        return retry(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM audit_alert_push WHERE channel = ? AND status = 'SENDING'")) {
                ps.setString(1, channel);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    @Override
    public void write(List<Entry> entries, String messageId, Integer httpStatus, String response) throws Exception {
        if (entries.isEmpty()) {
            return;
        }
        String now = Json.time(LocalDateTime.now(RecordDecoder.ZONE).withNano(0));
        List<TableRow> rows = new ArrayList<>();
        for (Entry e : entries) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("alert_id", e.alertId());
            v.put("channel", channel);
            v.put("status", e.status().name());
            v.put("rule", e.rule());
            v.put("level", e.level());
            v.put("title", truncate(e.title(), 200));
            v.put("message_id", messageId);
            v.put("attempts", e.attempts());
            v.put("http_status", httpStatus);
            v.put("response", response == null ? null : truncate(response, 500));
            v.put("updated_at", now);
            rows.add(AlertTables.AUDIT_ALERT_PUSH.row(v));
        }
        retry(c -> upserter.upsert(c, AlertTables.AUDIT_ALERT_PUSH, rows));
    }

    private interface Call<T> {
        T run(Connection c) throws SQLException;
    }

    /** One reconnect on a failed statement: the warehouse may have closed an idle connection. */
    private <T> T retry(Call<T> call) throws SQLException {
        try {
            return call.run(connection());
        } catch (SQLException first) {
            discard();
            try {
                return call.run(connection());
            } catch (SQLException second) {
                second.addSuppressed(first);
                throw new SQLException("push log at " + Jdbc.safeUrl(warehouse) + ": " + second.getMessage(), second);
            }
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = Jdbc.open(warehouse);
            connection.setAutoCommit(true);
        }
        return connection;
    }

    private void discard() {
        JdbcConnections.discardQuietly(connection);
        connection = null;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    @Override
    public void close() {
        discard();
    }
}
