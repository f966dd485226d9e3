package org.gridgov.cases.dispatch;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The departments cases and tasks go to: for the pages' selects and labels, and to check a code a user gave. Read-only;
 * names are cached because they change only through a migration, and a page shows dozens of them.
 */
@Repository
public class DepartmentDirectory {

    public record Department(String code, String name, String streetCode) {}

    private final JdbcTemplate jdbc;
    private final Map<String, String> names = new ConcurrentHashMap<>();

    public DepartmentDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** District departments first, then the street offices, each by code. */
    public List<Department> all() {
        return jdbc.query(
                "SELECT code, name, street_code FROM department ORDER BY street_code IS NOT NULL, code",
                (rs, i) -> new Department(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    /** The department's name, or the code itself when there is no such department (labels never fail). */
    public String name(String code) {
        return find(code).orElse(code);
    }

    /** The name of an existing department; empty for an unknown code (which is not cached). */
    public Optional<String> find(String code) {
        String cached = names.get(code);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<String> name =
                jdbc.queryForList("SELECT name FROM department WHERE code = ?", String.class, code).stream()
                        .findFirst();
        name.ifPresent(n -> names.put(code, n));
        return name;
    }

    /** The code of the department with this name (seeded users name their department). */
    public Optional<String> codeNamed(String name) {
        return jdbc.queryForList("SELECT code FROM department WHERE name = ?", String.class, name).stream()
                .findFirst();
    }
}
