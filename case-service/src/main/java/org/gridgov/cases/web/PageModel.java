package org.gridgov.cases.web;

import java.time.Clock;
import java.time.LocalDateTime;
import org.gridgov.cases.area.AreaDirectory;
import org.gridgov.cases.security.Staff;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's navigation bar needs: the signed-in user, their role label and area name, the links their role
 * may use, and "now" by the service clock (so overdue marks follow the same clock as the deadlines).
 */
@ControllerAdvice(basePackages = "org.gridgov.cases.web")
public class PageModel {

    private final AreaDirectory areas;
    private final Clock clock;

    public PageModel(AreaDirectory areas, Clock clock) {
        this.areas = areas;
        this.clock = clock;
    }

    /** Null on the login page. */
    @ModelAttribute("me")
    public Staff me() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.getPrincipal() instanceof Staff s ? s : null;
    }

    @ModelAttribute("myArea")
    public String myArea() {
        Staff s = me();
        return s == null ? null : areas.name(s.scopeCode());
    }

    @ModelAttribute("can")
    public RoleAbilities can() {
        Staff s = me();
        return s == null ? null : RoleAbilities.of(s);
    }

    @ModelAttribute("now")
    public LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
