package org.gridgov.streaming.odsloader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.flink.util.InstantiationUtil;
import org.gridgov.warehouse.SqlDialect;
import org.junit.jupiter.api.Test;

/** The sink's settings without a database; buffering and dedupe are in {@link TableBufferTest}. */
class WarehouseSinkTest {

    private static final WarehouseConnection LOCAL = new WarehouseConnection(
            "jdbc:mysql://127.0.0.1:3306/gridgov?useSSL=false&password=inurl", "root", "s3cret", SqlDialect.MYSQL);

    @Test
    void passwordNeverAppearsInToString() {
        assertThat(LOCAL.toString()).doesNotContain("s3cret").doesNotContain("inurl").contains("password=***");
        assertThat(new WarehouseSink(LOCAL, 100).toString()).doesNotContain("s3cret").doesNotContain("inurl");
    }

    @Test
    void emptyPasswordMeansNoPassword() {
        WarehouseConnection c = new WarehouseConnection("jdbc:mysql://h/db", "root", "", SqlDialect.DORIS);
        assertThat(c.password()).isNull();
        assertThat(c.toString()).contains("password=none");
    }

    @Test
    void dialectIsReadCaseInsensitively() {
        assertThat(WarehouseConnection.dialect("doris")).isEqualTo(SqlDialect.DORIS);
        assertThat(WarehouseConnection.dialect(" MySQL ")).isEqualTo(SqlDialect.MYSQL);
        assertThatThrownBy(() -> WarehouseConnection.dialect("postgres")).hasMessageContaining("doris or mysql");
    }

    @Test
    void sinkSurvivesJavaSerializationAsFlinkShipsIt() throws Exception {
        WarehouseSink sink = new WarehouseSink(LOCAL, 250, 3, 10);
        WarehouseSink copy = InstantiationUtil.clone(sink);
        assertThat(copy.toString()).isEqualTo(sink.toString());
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new WarehouseSink(LOCAL, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WarehouseSink(LOCAL, 10, 0, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
