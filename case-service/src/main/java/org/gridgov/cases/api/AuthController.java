package org.gridgov.cases.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.gridgov.cases.security.ApiTokens;
import org.gridgov.cases.security.BearerTokenFilter;
import org.gridgov.cases.security.CurrentStaff;
import org.gridgov.cases.security.PasswordLogin;
import org.gridgov.cases.security.Staff;
import org.gridgov.cases.security.TooManyAttemptsException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Bearer tokens for API clients: the same password check and lockout as the login page. */
@RestController
@RequestMapping("/api/auth")
public class AuthController {

    /** User names are at most 64 characters (app_user); a password is hashed with bcrypt, which reads 72 bytes. */
    public record Login(
            @NotBlank @Size(max = PasswordLogin.MAX_USERNAME)
            String username,

            @NotBlank @Size(max = 256) String password) {}

    private final PasswordLogin login;
    private final ApiTokens tokens;

    public AuthController(PasswordLogin login, ApiTokens tokens) {
        this.login = login;
        this.tokens = tokens;
    }

    @PostMapping("/token")
    public Map<String, Object> token(@Valid @RequestBody Login body) {
        Staff staff;
        try {
            staff = login.check(body.username(), body.password());
        } catch (TooManyAttemptsException e) {
            throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        } catch (AuthenticationException e) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, e.getMessage());
        }
        ApiTokens.Issued issued = tokens.issue(staff);
        return Map.of("token", issued.token(), "expires_at", issued.expiresAt().toString(), "user", me(staff));
    }

    @GetMapping("/me")
    public Map<String, Object> me() {
        return me(CurrentStaff.get());
    }

    /** Signs the token out; the bearer filter has resolved it, so the header holds a valid token here. */
    @DeleteMapping("/token")
    public void revoke(@RequestHeader(value = "Authorization", required = false) String header) {
        String token = BearerTokenFilter.bearerToken(header)
                .orElseThrow(() ->
                        new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Authorization: Bearer <token> required"));
        tokens.revoke(token);
    }

    static Map<String, Object> me(Staff s) {
        return Map.of(
                "username",
                s.username(),
                "display_name",
                s.displayName(),
                "role",
                s.role().name(),
                "role_label",
                s.role().label(),
                "scope_code",
                s.scopeCode(),
                "department_code",
                s.departmentCode() == null ? "" : s.departmentCode());
    }
}
