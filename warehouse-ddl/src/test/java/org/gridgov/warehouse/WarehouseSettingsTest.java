package org.gridgov.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
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
        assertThat(LOCAL.toString()).doesNotContain("s3cret").doesNotContain("inurl").contains("password=***");
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
        WarehouseSettings s = WarehouseSettings.from(GridgovConfig.of(Map.of("warehouse.dialect", "mysql",
                "warehouse.jdbc-url", "jdbc:mysql://h:3306/gridgov", "warehouse.user", "loader")));
        assertThat(s).isEqualTo(new WarehouseSettings("jdbc:mysql://h:3306/gridgov", "loader", null, SqlDialect.MYSQL));
        assertThatThrownBy(() -> WarehouseSettings.from(GridgovConfig.of(Map.of("warehouse.dialect", "oracle"))))
                .hasMessageContaining("doris or mysql");
    }

    @Test
    void everyDialectTheOptionNamesIsOneThisModuleRenders() {
        assertThat(Arrays.stream(WarehouseDialect.values()).map(Enum::name))
                .containsExactlyElementsOf(Arrays.stream(SqlDialect.values()).map(Enum::name).toList());
        assertThat(SqlDialect.of(WarehouseDialect.MYSQL)).isEqualTo(SqlDialect.MYSQL);
    }

    @Test
    void aUrlOfAnotherProtocolIsRefusedWithoutTheQueryString() {
        WarehouseSettings pg = new WarehouseSettings("jdbc:postgresql://h/db?password=x", "u", null, SqlDialect.MYSQL);
        assertThatThrownBy(pg::open).hasMessageContaining("jdbc:postgresql://h/db").hasMessageNotContaining("password=x");
    }
}
