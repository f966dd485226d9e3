package org.gridgov.cases.web;

import org.gridgov.cases.security.LoginMessages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in form. Spring Security handles the POST; a failure comes back as {@code ?error=<reason>} (wrong
 * password, locked until…). The page shows the reason only if it is one the service gives ({@link LoginMessages}):
 * a link with other text in {@code error} must not make the page say it.
 */
@Controller
public class LoginPage {

    @GetMapping("/login")
    public String login(@RequestParam(required = false) String error, Model model) {
        if (error != null) {
            model.addAttribute("loginError", error.isBlank() ? LoginMessages.GENERIC : LoginMessages.shown(error));
        }
        return "login";
    }
}
