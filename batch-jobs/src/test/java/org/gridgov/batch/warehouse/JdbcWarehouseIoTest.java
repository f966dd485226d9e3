package org.gridgov.batch.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.gridgov.common.config.GridgovConfig;
import org.gridgov.warehouse.SqlDialect;
import org.gridgov.warehouse.WarehouseSettings;
import org.junit.jupiter.api.Test;

class JdbcWarehouseIoTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void dialectFromConfig() {
        assertThat(JdbcWarehouseIo.fromConfig(GridgovConfig.of(Map.of())).dialect())
                .isEqualTo(SqlDialect.DORIS);
        assertThat(JdbcWarehouseIo.fromConfig(GridgovConfig.of(Map.of("warehouse.dialect", "mysql")))
                        .dialect())
                .isEqualTo(SqlDialect.MYSQL);
        assertThat(WarehouseSettings.dialect(" Doris ")).isEqualTo(SqlDialect.DORIS);
        assertThatThrownBy(() -> WarehouseSettings.dialect("oracle"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("doris or mysql");
    }

    @Test
    void rejectsNonPositiveBatchSize() {
        assertThatThrownBy(() -> new JdbcWarehouseIo("jdbc:mysql://x/gridgov", "root", "", SqlDialect.MYSQL, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timestampsBindAsWallClockOfTheSessionZoneWhateverTheJvmZone() {
        Instant instant = Instant.parse("2024-01-15T01:30:00Z");
        LocalDateTime beijing = LocalDateTime.of(2024, 1, 15, 9, 30);
        assertThat(JdbcValues.toJdbc(Timestamp.from(instant), SHANGHAI)).isEqualTo(beijing);
        assertThat(JdbcValues.toJdbc(instant, SHANGHAI)).isEqualTo(beijing);
        assertThat(JdbcValues.toJdbc(Timestamp.from(instant), ZoneId.of("UTC")))
                .isEqualTo(LocalDateTime.of(2024, 1, 15, 1, 30));
    }

    @Test
    void otherValuesBindAsTheyAre() {
        assertThat(JdbcValues.toJdbc(Date.valueOf("2024-02-29"), SHANGHAI)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(JdbcValues.toJdbc("山大路街道", SHANGHAI)).isEqualTo("山大路街道");
        assertThat(JdbcValues.toJdbc(new BigDecimal("0.6667"), SHANGHAI)).isEqualTo(new BigDecimal("0.6667"));
        assertThat(JdbcValues.toJdbc(7, SHANGHAI)).isEqualTo(7);
        assertThat(JdbcValues.toJdbc(null, SHANGHAI)).isNull();
    }
}
