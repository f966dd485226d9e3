package org.gridgov.cases.security;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.gridgov.cases.CaseServiceProperties;
import org.gridgov.cases.audit.AuditLog;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Username and password check shared by the login page and the token endpoint, with the lockout: after
 * {@code maxFailedLogins} failures in a row a name is locked for {@code lockout}, even for the right password.
 * <ul>
 *   <li>Counted in the database before the password is checked ({@link LoginAttempts}), so parallel attempts cannot
 *   race past the limit.</li>
 *   <li>A name that is no account is counted and locked the same way and gets the same answers, so the form does
 *   not reveal which accounts exist; "disabled" is only said to whoever knows the password.</li>
 *   <li>The attempt that locks an account revokes its bearer tokens.</li>
 *   <li>A per-account rate limit ({@link RateLimits}) refuses bursts before anything is counted.</li>
 * </ul>
 */
@Component
public class PasswordLogin implements AuthenticationProvider {

    /** app_user.username: a longer name is no account and is not counted (it would not fit the counters either). */
    public static final int MAX_USERNAME = 64;

    private final UserStore users;
    private final LoginAttempts attempts;
    private final ApiTokens tokens;
    private final RateLimits limits;
    private final PasswordEncoder encoder;
    private final CaseServiceProperties props;
    private final AuditLog audit;
    private final Clock clock;
    /** Compared against for unknown users so both paths cost one bcrypt check. */
    private final String dummyHash;

    public PasswordLogin(
            UserStore users,
            LoginAttempts attempts,
            ApiTokens tokens,
            RateLimits limits,
            PasswordEncoder encoder,
            CaseServiceProperties props,
            AuditLog audit,
            Clock clock) {
        this.users = users;
        this.attempts = attempts;
        this.tokens = tokens;
        this.limits = limits;
        this.encoder = encoder;
        this.props = props;
        this.audit = audit;
        this.clock = clock;
        this.dummyHash = encoder.encode("not-a-password");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        Staff staff = check(username, password);
        return authenticated(staff);
    }

    public static UsernamePasswordAuthenticationToken authenticated(Staff staff) {
        return UsernamePasswordAuthenticationToken.authenticated(
                staff, null, List.of(new SimpleGrantedAuthority(staff.role().authority())));
    }

    /** Returns the user for a right password on an open account; throws otherwise and audits either way. */
    public Staff check(String username, String password) {
        String name = username == null ? "" : username.strip();
        if (name.isEmpty() || name.length() > MAX_USERNAME || password == null) {
            encoder.matches(String.valueOf(password), dummyHash);
            audit.denied(name, "LOGIN", "USER", name, "not a possible user name");
            throw new BadCredentialsException(LoginMessages.WRONG);
        }
        if (!limits.tryLoginFor(name)) {
            audit.denied(name, "LOGIN", "USER", name, "per-account rate limit");
            throw new TooManyAttemptsException();
        }
        LocalDateTime now = LocalDateTime.now(clock);
        UserAccount account = users.find(name).orElse(null);
        LoginAttempts.Attempt attempt =
                attempts.claim(name, account != null, props.maxFailedLogins(), now, now.plus(props.lockout()));
        if (attempt.refused()) {
            audit.denied(
                    name,
                    "LOGIN",
                    "USER",
                    name,
                    "locked until " + attempt.lockedUntil() + (account == null ? " (no such account)" : ""));
            throw new LockedException(LoginMessages.locked(attempt.lockedUntil()));
        }
        boolean right =
                encoder.matches(password, account == null ? dummyHash : account.passwordHash()) && account != null;
        if (!right) {
            String what = (account == null ? "unknown user" : "wrong password") + ", failure " + attempt.failures()
                    + " of " + props.maxFailedLogins();
            if (attempt.lockedNow()) {
                audit.denied(name, "LOCKOUT", "USER", name, what);
                if (account != null) {
                    tokens.revokeAll(name);
                }
                throw new LockedException(
                        LoginMessages.justLocked(props.lockout().toMinutes()));
            }
            audit.denied(name, "LOGIN", "USER", name, what);
            throw new BadCredentialsException(LoginMessages.WRONG);
        }
        if (!account.enabled()) {
            audit.denied(name, "LOGIN", "USER", name, "account disabled");
            throw new DisabledException(LoginMessages.DISABLED);
        }
        if (!attempts.succeeded(name, attempt.lockedNow())) {
            LocalDateTime until = attempts.lockedUntil(name, now);
            audit.denied(name, "LOGIN", "USER", name, "locked by a parallel attempt until " + until);
            throw new LockedException(LoginMessages.locked(until == null ? now.plus(props.lockout()) : until));
        }
        audit.ok(name, "LOGIN", "USER", name, null);
        return account.staff();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
