package org.gridgov.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import db.migration.R__CategoryCatalogue;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.gridgov.cases.security.Role;
import org.gridgov.cases.workflow.WorkflowCatalog;
import org.gridgov.common.district.Category;
import org.gridgov.common.district.CategoryCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reference data follows the category catalogue (R__CategoryCatalogue), on a new database and on one seeded by an
 * older catalogue; and the classifier's suggestion reaches the command centre with its candidates when it is unsure.
 */
class ReferenceDataIT extends ServiceIT {

    private static final CategoryCatalog CATALOG = CategoryCatalog.standard();

    @Autowired
    DataSource dataSource;

    @Autowired
    WorkflowCatalog workflows;

    Api.Session worker;

    @BeforeEach
    void users() {
        user("rd_worker", Role.GRID_WORKER, WorkflowIT.GRID, null);
        worker = login("rd_worker");
    }

    @Test
    void everyCategoryHasADepartmentARuleAndItsTimeLimit() {
        for (Category c : CATALOG.all()) {
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM dispatch_rule r JOIN department d"
                                    + " ON d.code = r.department_code WHERE r.category_code = ? AND r.street_code IS NULL"
                                    + " AND d.name = ?",
                            Integer.class,
                            c.code(),
                            c.department()))
                    .as(c.code())
                    .isEqualTo(1);
            if (!c.code().equals("C0203")) { // ConfigurationIT gives C0203 a workflow of its own for a while
                assertThat(workflows.policy(c.code()).timeLimitHours())
                        .as(c.code())
                        .isEqualTo(CATALOG.timeLimitHours(c.code()));
            }
        }
    }

    @Test
    void aDatabaseSeededByAnOlderCatalogueGetsTheNewCategories() throws Exception {
        // what a database migrated before the catalogue grew lacks: the rules, limits and departments of new codes
        List<String> added = List.of("C1301", "C1601", "C1701", "C0117");
        for (String code : added) {
            jdbc.update("DELETE FROM dispatch_rule WHERE category_code = ?", code);
            jdbc.update("DELETE FROM category_workflow WHERE category_code = ?", code);
        }
        jdbc.update("DELETE FROM department WHERE name IN ('区司法局', '济南住房公积金中心历城管理部') AND code NOT IN"
                + " (SELECT department_code FROM dispatch_rule) AND code NOT IN (SELECT COALESCE(department_code, '')"
                + " FROM app_user)");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM dispatch_rule WHERE category_code = 'C1301'", Integer.class))
                .isZero();

        try (Connection connection = dataSource.getConnection()) {
            new R__CategoryCatalogue().migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });
        }
        workflows.reload();
        everyCategoryHasADepartmentARuleAndItsTimeLimit();
        // and running it again adds nothing
        int rules = jdbc.queryForObject("SELECT COUNT(*) FROM dispatch_rule", Integer.class);
        try (Connection connection = dataSource.getConnection()) {
            new R__CategoryCatalogue().migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dispatch_rule", Integer.class))
                .isEqualTo(rules);
    }

    @Test
    void anUnsureSuggestionGoesToTheCommandCentreWithThreeCandidates() {
        JsonNode sure = worker.post("/api/cases/suggest", Map.of("description", "小区楼下烧烤店油烟直排，烟道对着我家窗户，熏得没法开窗"))
                .body();
        assertThat(sure.get("category_name").asText()).isEqualTo("油烟污染");
        assertThat(sure.get("auto_dispatch").asBoolean()).isTrue();
        assertThat(sure.get("alternatives")).hasSize(3);
        assertThat(sure.get("model_version").asText()).startsWith("letters-");

        Map<String, Object> vague = WorkflowIT.report("这个事情拖了很久了，请问到底归哪个部门管？", null, false);
        Api.Response r = worker.post("/api/cases", vague);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        String note = jdbc.queryForObject(
                "SELECT note FROM case_step WHERE case_id = ? AND action = 'REPORT'", String.class, r.text("id"));
        assertThat(note).startsWith("智能分类：").contains("请指挥中心核定分类。候选：");
        assertThat(note.split("；")).hasSize(3);
        assertThat(r.text("current_step")).isEqualTo("DISPATCH");

        Api.Response clear = worker.post("/api/cases", WorkflowIT.report("小区暖气片不热，供暖温度太低", null, false));
        assertThat(jdbc.queryForObject(
                        "SELECT note FROM case_step WHERE case_id = ? AND action = 'REPORT'",
                        String.class,
                        clear.text("id")))
                .startsWith("智能分类：城乡建设 / 供暖")
                .doesNotContain("候选");
    }
}
