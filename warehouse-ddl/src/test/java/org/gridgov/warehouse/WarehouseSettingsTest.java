package org.gridgov.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.gridgov.common.config.GridgovConfig;
import org.gridgov.common.config.WarehouseDialect;
import org.junit.jupiter.api.Test;

/** The one warehouse-settings class, without a database (was the streaming WarehouseConnection's test). */
class WarehouseSettingsTest {

    private static final WarehouseSettings LOCAL = new WarehouseSettings(
            "jdbc:mysql://127.0.0.1:3306/gridgov?useSSL=false&password=inurl", "root", "s3cret", SqlDialect.MYSQL);

    @Test
    void passwordNeverAppearsInToString() {
        assertThat(LOCAL.toString())
                .doesNotContain("s3cret")
                .doesNotContain("inurl")
                .contains("password=***");
    }

    @Test
    void emptyPasswordMeansNoPassword() {
        WarehouseSettings c = new WarehouseSettings("jdbc:mysql://h/db", "root", "", SqlDialect.DORIS);
        assertThat(c.password()).isNull();
        assertThat(c.toString()).contains("password=none");
    }

    @Test
    void dialectIsReadCaseInsensitively() {
        assertThat(WarehouseSettings.dialect("doris")).isEqualTo(SqlDialect.DORIS);
        assertThat(WarehouseSettings.dialect(" MySQL ")).isEqualTo(SqlDialect.MYSQL);
        assertThat(WarehouseSettings.dialect(" Doris ")).isEqualTo(SqlDialect.DORIS);
        assertThatThrownBy(() -> WarehouseSettings.dialect("postgres")).hasMessageContaining("doris or mysql");
    }

    @Test
    void settingsFromTheConfiguration() {
        assertThat(WarehouseSettings.from(GridgovConfig.of(Map.of())).dialect()).isEqualTo(SqlDialect.DORIS);
        WarehouseSettings s = WarehouseSettings.from(GridgovConfig.of(Map.of(
                "warehouse.dialect",
                "mysql",
                "warehouse.jdbc-url",
                "jdbc:mysql://h:3306/gridgov",
                "warehouse.user",
                "loader")));
        assertThat(s).isEqualTo(new WarehouseSettings("jdbc:mysql://h:3306/gridgov", "loader", null, SqlDialect.MYSQL));
        assertThatThrownBy(() -> WarehouseSettings.from(GridgovConfig.of(Map.of("warehouse.dialect", "oracle"))))
                .hasMessageContaining("doris or mysql");
    }

    @Test
    void everyDialectTheOptionNamesIsOneThisModuleRenders() {
        assertThat(Arrays.stream(WarehouseDialect.values()).map(Enum::name))
                .containsExactlyElementsOf(
                        Arrays.stream(SqlDialect.values()).map(Enum::name).toList());
        assertThat(SqlDialect.of(WarehouseDialect.MYSQL)).isEqualTo(SqlDialect.MYSQL);
    }

    @Test
    void aUrlOfAnotherProtocolIsRefusedWithoutTheQueryString() {
        WarehouseSettings pg = new WarehouseSettings("jdbc:postgresql://h/db?password=x", "u", null, SqlDialect.MYSQL);
        assertThatThrownBy(pg::open)
                .hasMessageContaining("jdbc:postgresql://h/db")
                .hasMessageNotContaining("password=x");
    }

    @Test
    void dorisGroupCommitIsASessionVariableOfTheUrlAndMysqlIgnoresIt() {
        Map<String, String> m = new HashMap<>(Map.of(
                "warehouse.jdbc-url",
                "jdbc:mysql://fe:9030/gridgov",
                "warehouse.dialect",
                "doris",
                "warehouse.doris.group-commit",
                "async-mode"));
        assertThat(WarehouseSettings.from(GridgovConfig.of(m)).url())
                .isEqualTo("jdbc:mysql://fe:9030/gridgov?sessionVariables=group_commit=async_mode");
        m.put("warehouse.jdbc-url", "jdbc:mysql://fe:9030/gridgov?useSSL=false");
        m.put("warehouse.doris.group-commit", "sync-mode");
        assertThat(WarehouseSettings.from(GridgovConfig.of(m)).url())
                .isEqualTo("jdbc:mysql://fe:9030/gridgov?useSSL=false&sessionVariables=group_commit=sync_mode");
        m.put("warehouse.jdbc-url", "jdbc:mysql://fe:9030/gridgov?sessionVariables=query_timeout=60");
        assertThat(WarehouseSettings.from(GridgovConfig.of(m)).url())
                .as("the URL's own session variables win")
                .isEqualTo("jdbc:mysql://fe:9030/gridgov?sessionVariables=query_timeout=60");
        m.put("warehouse.jdbc-url", "jdbc:mysql://fe:9030/gridgov");
        m.put("warehouse.doris.group-commit", "off");
        assertThat(WarehouseSettings.from(GridgovConfig.of(m)).url()).isEqualTo("jdbc:mysql://fe:9030/gridgov");
        m.put("warehouse.doris.group-commit", "async-mode");
        m.put("warehouse.dialect", "mysql");
        assertThat(WarehouseSettings.from(GridgovConfig.of(m)).url()).isEqualTo("jdbc:mysql://fe:9030/gridgov");
    }

    @Test
    void withPasswordReplacesOnlyThePassword() {
        WarehouseSettings none = LOCAL.withPassword(null);
        assertThat(none.password()).isNull();
        assertThat(none.url()).isEqualTo(LOCAL.url());
        assertThat(none.withPassword("s3cret")).isEqualTo(LOCAL);
    }
}
