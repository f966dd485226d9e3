package org.gridgov.batch.hotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gridgov.warehouse.WarehouseSchema;
import org.junit.jupiter.api.Test;

class HotlineStreetMonthJobTest {

    @Test
    void summaryLineTheLauncherShows() {
        assertThat(HotlineStreetMonthJob.summary(16, "2024-01"))
                .isEqualTo("ads_hotline_street_month: 16 rows for 2024-01");
        assertThat(HotlineStreetMonthJob.summary(32, null))
                .isEqualTo("ads_hotline_street_month: 32 rows for all months");
    }

    @Test
    void readsAndWritesCatalogueTables() {
        assertThat(HotlineStreetMonthJob.SOURCE).isSameAs(WarehouseSchema.DWD_HOTLINE_CASE);
        assertThat(HotlineStreetMonthJob.STREETS).isSameAs(WarehouseSchema.DIM_STREET);
        assertThat(HotlineStreetMonthJob.TARGET).isSameAs(WarehouseSchema.ADS_HOTLINE_STREET_MONTH);
    }

    @Test
    void mainRejectsBadArgumentsBeforeStartingSpark() {
        assertThatThrownBy(() -> HotlineStreetMonthJob.main(new String[] {"--batch.month=2024-1"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("yyyy-MM");
        assertThatThrownBy(() -> HotlineStreetMonthJob.main(new String[] {"--no-such.key=1"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown config key");
        assertThatThrownBy(() -> HotlineStreetMonthJob.main(new String[] {"--warehouse.dialect=oracle"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("doris or mysql");
    }
}
