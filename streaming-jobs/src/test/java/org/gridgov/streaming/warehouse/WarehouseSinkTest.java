package org.gridgov.streaming.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.flink.util.InstantiationUtil;
import org.gridgov.warehouse.SqlDialect;
import org.gridgov.warehouse.WarehouseSettings;
import org.junit.jupiter.api.Test;

/**
 * The sink's settings without a database; buffering and dedupe are in the loading module's {@code TableBufferTest},
 * the settings class in {@code WarehouseSettingsTest}.
 */
class WarehouseSinkTest {

    private static final WarehouseSettings LOCAL = new WarehouseSettings(
            "jdbc:mysql://127.0.0.1:3306/gridgov?useSSL=false&password=inurl", "root", "s3cret", SqlDialect.MYSQL);

    @Test
    void passwordNeverAppearsInToString() {
        assertThat(LOCAL.toString())
                .doesNotContain("s3cret")
                .doesNotContain("inurl")
                .contains("password=***");
        assertThat(new WarehouseSink(LOCAL, 100).toString())
                .doesNotContain("s3cret")
                .doesNotContain("inurl");
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
