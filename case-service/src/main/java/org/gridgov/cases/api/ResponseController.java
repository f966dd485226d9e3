package org.gridgov.cases.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.gridgov.cases.casefile.CaseResponses;
import org.gridgov.cases.security.CurrentStaff;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 接诉即办 (issue 19): 首次响应 by the department holding the case, 回访 by the command centre after closure. Both
 * take the case version the user was shown; a repeat, a stale version or the wrong state is 409 with the reason.
 */
@RestController
@RequestMapping("/api/cases")
public class ResponseController {

    /** What the department told the reporter at first contact. */
    public record FirstResponse(@Size(max = 1000) String note, Integer version) {}

    /** The reporter's satisfaction: SATISFIED, BASICALLY_SATISFIED or DISSATISFIED. */
    public record ReturnVisit(
            @Size(max = 24) String satisfaction,
            @Size(max = 1000) String note,
            Integer version) {}

    private final CaseResponses responses;

    public ResponseController(CaseResponses responses) {
        this.responses = responses;
    }

    @PostMapping("/{id}/response")
    public CaseController.CaseView respond(@PathVariable String id, @Valid @RequestBody FirstResponse body) {
        return CaseController.CaseView.of(responses.respond(CurrentStaff.get(), id, body.note(), body.version()));
    }

    @PostMapping("/{id}/return-visit")
    public CaseController.CaseView returnVisit(@PathVariable String id, @Valid @RequestBody ReturnVisit body) {
        return CaseController.CaseView.of(
                responses.returnVisit(CurrentStaff.get(), id, body.satisfaction(), body.note(), body.version()));
    }
}
