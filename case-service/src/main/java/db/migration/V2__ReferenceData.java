package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.gridgov.common.district.Category;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.district.District;
import org.gridgov.common.district.Street;

/**
 * Reference data derived from the platform's catalogues, so the service and the analytics agree on names:
 * departments (the catalogue's responsible departments, D01.., and one 街道办事处 per street, S + street code),
 * the two standard workflows, category time limits and the dispatch rules. All of it is editable afterwards
 * (审批配置); this only seeds a new database.
 */
public class V2__ReferenceData extends BaseJavaMigration {

    /** Level-1 categories whose cases the street office can handle as well as the district department. */
    private static final List<String> STREET_CAN_HANDLE = List.of("C01", "C02", "C11");

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        CategoryCatalog catalog = CategoryCatalog.standard();
        District district = District.licheng();

        Map<String, String> departmentCodes = new TreeMap<>();
        for (String name :
                new TreeSet<>(catalog.all().stream().map(Category::department).toList())) {
            departmentCodes.put(name, String.format("D%02d", departmentCodes.size() + 1));
        }
        try (PreparedStatement p =
                c.prepareStatement("INSERT INTO department (code, name, street_code) VALUES (?, ?, ?)")) {
            for (var e : departmentCodes.entrySet()) {
                p.setString(1, e.getValue());
                p.setString(2, e.getKey());
                p.setString(3, null);
                p.addBatch();
            }
            for (Street s : district.streets()) {
                p.setString(1, "S" + s.code());
                p.setString(2, s.name() + "办事处");
                p.setString(3, s.code());
                p.addBatch();
            }
            p.executeBatch();
        }

        execute(c, "INSERT INTO wf_definition (code, name) VALUES ('STANDARD', '事件标准流程'), ('DISPUTE', '矛盾纠纷调解')");
        List<Object[]> steps = new ArrayList<>();
        // workflow, order, code, name, role, hours, reject to, skip when self-handled
        steps.add(new Object[] {"STANDARD", 1, "DISPATCH", "指挥中心分派", "COMMAND_CENTER", 4, null, true});
        steps.add(new Object[] {"STANDARD", 2, "HANDLE", "部门处理", "DEPARTMENT", 72, "DISPATCH", true});
        steps.add(new Object[] {"STANDARD", 3, "VERIFY", "网格员复核", "GRID_WORKER", 24, "HANDLE", true});
        steps.add(new Object[] {"STANDARD", 4, "REVIEW", "网格中心审查", "GRID_CENTER", 24, "HANDLE", false});
        steps.add(new Object[] {"DISPUTE", 1, "MEDIATE", "网格中心调解", "GRID_CENTER", 120, null, false});
        steps.add(new Object[] {"DISPUTE", 2, "VERIFY", "网格员回访", "GRID_WORKER", 48, "MEDIATE", false});
        steps.add(new Object[] {"DISPUTE", 3, "REVIEW", "指挥中心审查", "COMMAND_CENTER", 24, "MEDIATE", false});
        try (PreparedStatement p = c.prepareStatement("INSERT INTO wf_step (workflow_code, step_order, step_code,"
                + " step_name, role, time_limit_hours, reject_to_step, skip_when_self_handled)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Object[] s : steps) {
                for (int i = 0; i < s.length; i++) {
                    p.setObject(i + 1, s[i]);
                }
                p.addBatch();
            }
            p.executeBatch();
        }

        // Overall time limits (办理时限): 5 days by default, shorter where safety or wages are at stake.
        execute(
                c,
                "INSERT INTO category_workflow (category_code, workflow_code, time_limit_hours) VALUES"
                        + " ('*', 'STANDARD', 120), ('C09', 'STANDARD', 48), ('C04', 'STANDARD', 72)");

        try (PreparedStatement p = c.prepareStatement("INSERT INTO dispatch_rule (category_code, street_code,"
                + " department_code, priority) VALUES (?, ?, ?, ?)")) {
            for (Category cat : catalog.all()) {
                p.setString(1, cat.code());
                p.setString(2, null);
                p.setString(3, departmentCodes.get(cat.department()));
                p.setInt(4, 10);
                p.addBatch();
            }
            for (String l1 : STREET_CAN_HANDLE) {
                for (Street s : district.streets()) {
                    p.setString(1, l1);
                    p.setString(2, s.code());
                    p.setString(3, "S" + s.code());
                    p.setInt(4, 10);
                    p.addBatch();
                }
            }
            p.executeBatch();
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
