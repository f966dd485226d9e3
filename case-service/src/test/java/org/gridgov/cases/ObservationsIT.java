package org.gridgov.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import org.gridgov.cases.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Issue 15: what a case creation no longer pays for. A report still succeeds, but leaves no
 * {@code http.server.requests} timer behind (nobody could read it: only health is exposed) and Spring Security's chain
 * is not wrapped for observations, filter by filter.
 */
class ObservationsIT extends ServiceIT {

    @Autowired
    MeterRegistry meters;

    @Autowired
    FilterChainProxy securityChain;

    @Test
    void aReportIsServedWithoutRequestTimersOrAnObservedSecurityChain() {
        user("ob_worker", Role.GRID_WORKER, WorkflowIT.GRID, null);
        Api.Response r = login("ob_worker").post("/api/cases", WorkflowIT.report("路灯不亮", "C0203", false));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);

        assertThat(meters.find("http.server.requests").meters()).isEmpty();
        assertThat(meters.find("spring.security.filterchains").meters()).isEmpty();
        assertThat(ReflectionTestUtils.getField(securityChain, "filterChainDecorator"))
                .isNotInstanceOf(ObservationFilterChainDecorator.class);
    }
}
