package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.gridgov.common.district.Category;
import org.gridgov.common.district.CategoryCatalog;

/**
 * Brings the reference data in line with the category catalogue whenever the catalogue changes (a repeatable
 * migration whose checksum is the catalogue's): departments the catalogue names that the database lacks, a dispatch
 * rule for every category without one, and a {@code category_workflow} row for every category whose time limit
 * differs from what the existing rows give it (its level-1 row, else {@code '*'}).
 *
 * <p>It only adds: V2 seeded the categories of its day (on a new database, those of today, which this then finds
 * present), and whatever an administrator changed since (审批配置, time limits) stays as it is. Department codes
 * continue after the highest D-number in use.
 */
public class R__CategoryCatalogue extends BaseJavaMigration {

    @Override
    public Integer getChecksum() {
        CategoryCatalog catalog = CategoryCatalog.standard();
        int h = 17;
        for (Category c : catalog.all()) {
            h = 31 * h + c.hashCode();
            h = 31 * h + catalog.timeLimitHours(c.code());
        }
        return h;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        CategoryCatalog catalog = CategoryCatalog.standard();

        Map<String, String> departmentCodes = new HashMap<>();
        int highest = 0;
        try (PreparedStatement p = c.prepareStatement("SELECT code, name FROM department");
                ResultSet r = p.executeQuery()) {
            while (r.next()) {
                departmentCodes.put(r.getString(2), r.getString(1));
                String code = r.getString(1);
                if (code.matches("D\\d+")) {
                    highest = Math.max(highest, Integer.parseInt(code.substring(1)));
                }
            }
        }
        try (PreparedStatement p =
                c.prepareStatement("INSERT INTO department (code, name, street_code) VALUES (?, ?, NULL)")) {
            for (String name : new TreeSet<>(
                    catalog.all().stream().map(Category::department).toList())) {
                if (!departmentCodes.containsKey(name)) {
                    String code = String.format("D%02d", ++highest);
                    departmentCodes.put(name, code);
                    p.setString(1, code);
                    p.setString(2, name);
                    p.addBatch();
                }
            }
            p.executeBatch();
        }

        Set<String> ruled = codes(c, "SELECT DISTINCT category_code FROM dispatch_rule");
        try (PreparedStatement p = c.prepareStatement("INSERT INTO dispatch_rule (category_code, street_code,"
                + " department_code, priority) VALUES (?, NULL, ?, 10)")) {
            for (Category cat : catalog.all()) {
                if (!ruled.contains(cat.code())) {
                    p.setString(1, cat.code());
                    p.setString(2, departmentCodes.get(cat.department()));
                    p.addBatch();
                }
            }
            p.executeBatch();
        }

        Map<String, Integer> limits = new HashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT category_code, time_limit_hours FROM category_workflow");
                ResultSet r = p.executeQuery()) {
            while (r.next()) {
                limits.put(r.getString(1), r.getInt(2));
            }
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO category_workflow (category_code, workflow_code,"
                + " time_limit_hours) VALUES (?, 'STANDARD', ?)")) {
            for (Category cat : catalog.all()) {
                if (limits.containsKey(cat.code())) {
                    continue;
                }
                Integer inherited = limits.getOrDefault(cat.parentCode(), limits.get("*"));
                int hours = catalog.timeLimitHours(cat.code());
                if (inherited == null || inherited != hours) {
                    p.setString(1, cat.code());
                    p.setInt(2, hours);
                    p.addBatch();
                }
            }
            p.executeBatch();
        }
    }

    private static Set<String> codes(Connection c, String sql) throws SQLException {
        Set<String> out = new HashSet<>();
        try (PreparedStatement p = c.prepareStatement(sql);
                ResultSet r = p.executeQuery()) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }
}
