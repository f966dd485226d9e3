package org.gridgov.cases.casefile;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The response levels from the reference tables, read at most once a minute. Reading them on every report cost two
 * queries and a quarter of a creation's CPU in the request thread (JFR of {@code gridgov bench cases}); the tables
 * change only by migration or by hand in the database, and such a change applies within {@link #MAX_AGE}.
 */
@Component
public class ResponseLevels {

    static final Duration MAX_AGE = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private volatile Loaded loaded;

    public ResponseLevels(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public ResponseLevelPolicy policy() {
        Loaded current = loaded;
        long now = System.nanoTime();
        if (current == null || now - current.readAtNanos() > MAX_AGE.toNanos()) {
            // two threads may both re-read at expiry; both read the same rows, so the race costs a query, not a result
            current = new Loaded(read(), now);
            loaded = current;
        }
        return current.policy();
    }

    private ResponseLevelPolicy read() {
        List<ResponseLevelPolicy.Level> levels = jdbc.query(
                "SELECT code, name, response_hours, resolve_hours," + " min_urgency FROM response_level",
                (rs, i) -> new ResponseLevelPolicy.Level(
                        rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getObject(5, Integer.class)));
        Map<String, String> byCategory = new HashMap<>();
        for (Map<String, Object> row :
                jdbc.queryForList("SELECT category_code, level_code" + " FROM category_response_level")) {
            byCategory.put((String) row.get("category_code"), (String) row.get("level_code"));
        }
        return new ResponseLevelPolicy(levels, byCategory);
    }

    private record Loaded(ResponseLevelPolicy policy, long readAtNanos) {}
}
