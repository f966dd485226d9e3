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
 * {@code maxFailedLogins} failures in a row the account is locked for {@code lockout}, even for the right password.
 * Unknown users get the same answer as a wrong password, so the form does not reveal which accounts exist.
 */
@Component
public class PasswordLogin implements AuthenticationProvider {

    private final UserStore users;
    private final PasswordEncoder encoder;
    private final CaseServiceProperties props;
    private final AuditLog audit;
    private final Clock clock;
    /** Compared against for unknown users so both paths cost one bcrypt check. */
    private final String dummyHash;

    public PasswordLogin(UserStore users, PasswordEncoder encoder, CaseServiceProperties props, AuditLog audit,
                         Clock clock) {
        this.users = users;
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
        return UsernamePasswordAuthenticationToken.authenticated(staff, null,
                List.of(new SimpleGrantedAuthority(staff.role().authority())));
    }

    /** Returns the user for a right password on an open account; throws otherwise and audits either way. */
    public Staff check(String username, String password) {
        LocalDateTime now = LocalDateTime.now(clock);
        UserAccount account = users.find(username).orElse(null);
        if (account == null) {
            encoder.matches(password, dummyHash);
            audit.denied(username, "LOGIN", "USER", username, "unknown user");
            throw new BadCredentialsException("用户名或密码错误");
        }
        if (!account.enabled()) {
            audit.denied(username, "LOGIN", "USER", username, "account disabled");
            throw new DisabledException("账号已停用");
        }
        if (account.lockedAt(now)) {
            audit.denied(username, "LOGIN", "USER", username, "account locked until " + account.lockedUntil());
            throw new LockedException("账号已锁定，请于 " + account.lockedUntil().toLocalTime().withNano(0) + " 后重试");
        }
        if (account.lockedUntil() != null) {
            users.resetFailures(username);
        }
        if (!encoder.matches(password, account.passwordHash())) {
            int failures = users.recordFailure(username, props.maxFailedLogins(), now.plus(props.lockout()));
            boolean locked = failures >= props.maxFailedLogins();
            audit.denied(username, locked ? "LOCKOUT" : "LOGIN", "USER", username,
                    "wrong password, failure " + failures + " of " + props.maxFailedLogins());
            throw locked ? new LockedException("密码错误次数过多，账号已锁定 " + props.lockout().toMinutes() + " 分钟")
                    : new BadCredentialsException("用户名或密码错误");
        }
        users.resetFailures(username);
        audit.ok(username, "LOGIN", "USER", username, null);
        return account.staff();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
