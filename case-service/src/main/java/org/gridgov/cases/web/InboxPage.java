package org.gridgov.cases.web;

import org.gridgov.cases.inbox.AlertInbox;
import org.gridgov.cases.security.CurrentStaff;
import org.gridgov.cases.security.Staff;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * 预警: the alerts the inbox keeps for this user's area; new ones arrive over {@code /inbox/stream} (served by the
 * API's InboxController on the session chain) and are added by {@code static/js/live-alerts.js}.
 */
@Controller
public class InboxPage {

    private final AlertInbox inbox;

    public InboxPage(AlertInbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/inbox")
    public String inbox(Model model) {
        Staff s = CurrentStaff.get();
        if (!AlertInbox.mayRead(s)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "预警收件箱仅限领导、指挥中心、网格中心");
        }
        model.addAttribute("alerts", inbox.recentFor(s));
        return "inbox";
    }
}
