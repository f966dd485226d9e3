package org.gridgov.cases.api;

import java.util.List;
import java.util.Map;
import org.gridgov.cases.inbox.AlertInbox;
import org.gridgov.cases.inbox.LiveAlert;
import org.gridgov.cases.notify.Notifications;
import org.gridgov.cases.security.CurrentStaff;
import org.gridgov.cases.security.Staff;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The leader alert inbox (live over SSE, and the latest as JSON) and each user's notifications. */
@RestController
public class InboxController {

    private final AlertInbox inbox;
    private final Notifications notifications;

    public InboxController(AlertInbox inbox, Notifications notifications) {
        this.inbox = inbox;
        this.notifications = notifications;
    }

    /** Server-sent events named {@code alert}; served on both chains so pages (session) and clients (token) can use it. */
    @GetMapping({"/inbox/stream", "/api/inbox/stream"})
    public SseEmitter stream() {
        return inbox.subscribe(inbox.requireReader(CurrentStaff.get()));
    }

    @GetMapping("/api/inbox/alerts")
    public List<LiveAlert> alerts() {
        return inbox.recentFor(inbox.requireReader(CurrentStaff.get()));
    }

    @GetMapping("/api/notifications")
    public Map<String, Object> notices() {
        Staff s = CurrentStaff.get();
        return Map.of("unread", notifications.unread(s));
    }

    @PostMapping("/api/notifications/{id}/read")
    public Map<String, Object> read(@PathVariable long id) {
        return Map.of("updated", notifications.markRead(CurrentStaff.get(), id));
    }
}
