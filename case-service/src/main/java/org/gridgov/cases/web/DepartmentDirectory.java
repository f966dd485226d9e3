package org.gridgov.cases.web;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Departments for the pages' selects and labels. Read-only; names are cached because they change only through a
 * migration, and a page shows dozens of them.
 */
@Component
public class DepartmentDirectory {

    public record Department(String code, String name, String streetCode) {
    }

    private final JdbcTemplate jdbc;
    private final Map<String, String> names = new ConcurrentHashMap<>();

    public DepartmentDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** District departments first, then the street offices, each by code. */
    public List<Department> all() {
        return jdbc.query("SELECT code, name, street_code FROM department ORDER BY street_code IS NOT NULL, code",
                (rs, i) -> new Department(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    public String name(String code) {
        return names.computeIfAbsent(code, c -> jdbc.queryForList("SELECT name FROM department WHERE code = ?",
                String.class, c).stream().findFirst().orElse(c));
    }
}
