package org.gridgov.cases.casefile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the response levels from the reference tables each time a report asks (two rows-small queries), so an
 * administrator's change to a level or a mapping applies to the next report without a restart.
 */
@Component
public class ResponseLevels {

    private final JdbcTemplate jdbc;

    public ResponseLevels(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public ResponseLevelPolicy policy() {
        List<ResponseLevelPolicy.Level> levels = jdbc.query("SELECT code, name, response_hours, resolve_hours,"
                + " min_urgency FROM response_level", (rs, i) -> new ResponseLevelPolicy.Level(rs.getString(1),
                rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getObject(5, Integer.class)));
        Map<String, String> byCategory = new HashMap<>();
        for (Map<String, Object> row : jdbc.queryForList("SELECT category_code, level_code"
                + " FROM category_response_level")) {
            byCategory.put((String) row.get("category_code"), (String) row.get("level_code"));
        }
        return new ResponseLevelPolicy(levels, byCategory);
    }
}
