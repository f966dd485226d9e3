package org.gridgov.launcher;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gridgov.common.model.SourceType;
import org.gridgov.loading.OdsMapper;
import org.gridgov.warehouse.SqlDialect;
import org.gridgov.warehouse.Table;

/** The counts the demo prints and reconciles, read back from the warehouse rather than trusted from the jobs. */
final class WarehouseReport {

    private final Connection connection;

    WarehouseReport(Connection connection) {
        this.connection = connection;
    }

    long count(Table table) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + SqlDialect.quote(table.name()))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    Map<SourceType, Long> odsCounts() throws SQLException {
        Map<SourceType, Long> m = new EnumMap<>(SourceType.class);
        for (SourceType s : SourceType.values()) {
            m.put(s, count(OdsMapper.odsTable(s)));
        }
        return m;
    }

    /**
     * Dead letters per source; the loader records the topic as the source. What the intake gateway rejected and the
     * archiver copied from a {@code dlq.*} topic is counted by the gateway step, not here: those records were never
     * generated for the loader.
     */
    Map<SourceType, Long> deadLetterCounts() throws SQLException {
        Map<SourceType, Long> m = new EnumMap<>(SourceType.class);
        for (SourceType s : SourceType.values()) {
            m.put(s, 0L);
        }
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT source, COUNT(*) FROM dlq_record GROUP BY source")) {
            while (rs.next()) {
                String src = rs.getString(1);
                if (src.startsWith("dlq.")) {
                    continue;
                }
                SourceType type = src.startsWith("raw.") ? SourceType.ofTopic(src) : SourceType.ofCode(src);
                m.merge(type, rs.getLong(2), Long::sum);
            }
        }
        return m;
    }

    /** Dead letters grouped by the first failing field, with one example reason each. */
    Map<String, String[]> deadLetterReasons(int limit) throws SQLException {
        Map<String, String[]> m = new LinkedHashMap<>();
        String sql =
                "SELECT error_field, COUNT(*) AS n, MIN(reason) FROM dlq_record GROUP BY error_field ORDER BY n DESC LIMIT ?";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    m.put(rs.getString(1), new String[] {String.valueOf(rs.getLong(2)), rs.getString(3)});
                }
            }
        }
        return m;
    }
}
