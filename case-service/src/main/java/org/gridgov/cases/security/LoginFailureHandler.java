package org.gridgov.cases.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Back to the login page with the reason (wrong password, locked), which the page shows in Chinese if it is one of
 * {@link LoginMessages}' (anything else in the address bar is shown as the generic failure).
 */
class LoginFailureHandler implements AuthenticationFailureHandler {

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String shown = LoginMessages.shown(exception.getMessage());
        response.sendRedirect(
                request.getContextPath() + "/login?error=" + URLEncoder.encode(shown, StandardCharsets.UTF_8));
    }
}
