package org.gridgov.cases.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.gridgov.cases.area.AreaDirectory;
import org.gridgov.cases.cockpit.CockpitQueries;
import org.gridgov.cases.cockpit.CockpitView;
import org.gridgov.cases.inbox.AlertInbox;
import org.gridgov.cases.inbox.AlertLocator;
import org.gridgov.cases.inbox.WarehouseReader;
import org.gridgov.cases.security.Role;
import org.gridgov.cases.security.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The cockpit's answers when there is nothing to draw, which the integration tests cannot reach (their warehouse is
 * always configured and up). The warehouse is a stand-in here because these paths never get as far as SQL.
 */
class CockpitQueriesTest {

    static final Staff LEADER = new Staff("l", "区领导", Role.LEADER, "370112", null);

    final WarehouseReader warehouse = mock(WarehouseReader.class);
    final CockpitQueries queries =
            new CockpitQueries(warehouse, mock(AlertInbox.class), mock(AlertLocator.class), new AreaDirectory());

    @Test
    void withoutAWarehouseThePageIsToldSoAndNothingIsQueried() {
        when(warehouse.available()).thenReturn(false);
        CockpitView v = queries.view(LEADER);
        assertThat(v.state()).isEqualTo(CockpitView.NOT_CONFIGURED);
        assertThat(v.message()).contains("未配置数据仓库");
        assertThat(v.areaName()).isEqualTo("历城区");
        assertThat(v.kpis()).isNull();
        verify(warehouse, never()).query(anyString(), any(Object[].class));
    }

    @Test
    void aWarehouseThatFailsGivesAMessageInsteadOfAnError() {
        when(warehouse.available()).thenReturn(true);
        when(warehouse.query(anyString(), any(Object[].class)))
                .thenThrow(new DataAccessResourceFailureException("Communications link failure"));
        CockpitView v = queries.view(LEADER);
        assertThat(v.state()).isEqualTo(CockpitView.UNAVAILABLE);
        assertThat(v.message()).contains("暂时无法访问").doesNotContain("Communications");
    }

    @Test
    void aCommunityUserGetsAnExplanationNotAWiderAreasFigures() {
        when(warehouse.available()).thenReturn(true);
        CockpitView v = queries.view(new Staff("c", "社区", Role.GRID_CENTER, "370112001001", null));
        assertThat(v.state()).isEqualTo(CockpitView.OUT_OF_SCOPE);
        assertThat(v.message()).contains("最细到街道");
        verify(warehouse, never()).query(anyString(), any(Object[].class));
    }
}
