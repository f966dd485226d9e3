package org.gridgov.cases.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gridgov.cases.access.Action;
import org.gridgov.cases.access.Target;
import org.gridgov.cases.cockpit.ResponseRates;
import org.gridgov.cases.domain.Refusals;
import org.gridgov.cases.security.CurrentStaff;
import org.gridgov.cases.security.Staff;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The cockpit's live 响应率 / 解决率 / 满意率 by department (issue 19), for clients; the page renders the same panel. */
@RestController
public class ResponseRatesController {

    private final ResponseRates rates;
    private final Refusals refusals;

    public ResponseRatesController(ResponseRates rates, Refusals refusals) {
        this.rates = rates;
        this.refusals = refusals;
    }

    @GetMapping("/api/cockpit/response-rates")
    public Map<String, Object> rates() {
        Staff staff = CurrentStaff.get();
        refusals.require(staff, Action.COCKPIT_VIEW, Target.nothing(), "COCKPIT", null);
        ResponseRates.Panel p = rates.panel(staff);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("since", p.since().toString());
        out.put("days", ResponseRates.DAYS);
        out.put(
                "departments",
                p.rows().stream().map(ResponseRatesController::row).toList());
        out.put("total", row(p.total()));
        return out;
    }

    private static Map<String, Object> row(ResponseRates.Row r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("department_code", r.departmentCode());
        m.put("department_name", r.departmentName());
        m.put("cases", r.cases());
        m.put("response_due", r.responseDue());
        m.put("responded_in_time", r.respondedInTime());
        m.put("response_rate", r.responseRate());
        m.put("resolve_due", r.resolveDue());
        m.put("resolved_in_time", r.resolvedInTime());
        m.put("resolve_rate", r.resolveRate());
        m.put("visited", r.visited());
        m.put("satisfied", r.satisfied());
        m.put("satisfaction_rate", r.satisfactionRate());
        return m;
    }
}
