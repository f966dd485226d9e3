package org.gridgov.cases.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in form. Spring Security handles the POST; a failure comes back as {@code ?error=<reason>} (wrong
 * password, locked until…), which the template shows as it is.
 */
@Controller
public class LoginPage {

    @GetMapping("/login")
    public String login() {
        return "login";
    }
}
