package org.gridgov.cases.security;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lockout counters, counted in the database so parallel attempts cannot race past the limit: an attempt is
 * claimed (counted as a failure) before its password is checked, by one UPDATE that also decides the lock, and only
 * while the account is not locked. A right password then takes the failure back. Sixteen wrong passwords sent at once
 * therefore reach five checks at most; the other eleven are refused unchecked.
 *
 * <p>Accounts keep their counters in {@code app_user}; names that are no account in {@code login_failure}, with the
 * same statements, so an unknown name is locked after five attempts exactly like an account.
 */
@Repository
public class LoginAttempts {

    /**
     * One claimed attempt. {@code refused}: the name is locked (nothing was counted, the password must not be
     * checked). {@code lockedNow}: this attempt's failure locks the name.
     */
    public record Attempt(boolean refused, int failures, boolean lockedNow, LocalDateTime lockedUntil) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public LoginAttempts(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Counts one attempt as a failure unless the name is locked; the count reaching {@code max} locks it until
     * {@code lockUntil}. A lock that has run out is cleared first, so the count starts again.
     */
    public Attempt claim(String username, boolean account, int max, LocalDateTime now, LocalDateTime lockUntil) {
        String table = account ? "app_user" : "login_failure";
        return tx.execute(s -> {
            if (!account) {
                jdbc.update(
                        "INSERT IGNORE INTO login_failure (username, failed_attempts, last_failure_at)"
                                + " VALUES (?, 0, ?)",
                        username,
                        now);
            }
            jdbc.update(
                    "UPDATE " + table + " SET failed_attempts = 0, locked_until = NULL WHERE username = ?"
                            + " AND locked_until IS NOT NULL AND locked_until <= ?",
                    username,
                    now);
            // locked_until first: it reads the count before this attempt under left-to-right assignment (MySQL,
            // MariaDB) and under simultaneous assignment alike
            int claimed = jdbc.update(
                    "UPDATE " + table + " SET locked_until = CASE WHEN failed_attempts + 1 >= ?"
                            + " THEN ? ELSE NULL END, failed_attempts = failed_attempts + 1"
                            + (account ? "" : ", last_failure_at = ?") + " WHERE username = ? AND locked_until IS NULL",
                    account ? new Object[] {max, lockUntil, username} : new Object[] {max, lockUntil, now, username});
            // the row is locked by this transaction: the count read is this attempt's own
            Map<String, Object> row = jdbc.queryForMap(
                    "SELECT failed_attempts, locked_until FROM " + table + " WHERE username = ?", username);
            int failures = ((Number) row.get("failed_attempts")).intValue();
            LocalDateTime until = (LocalDateTime) row.get("locked_until");
            return new Attempt(claimed == 0, failures, claimed == 1 && until != null, until);
        });
    }

    /**
     * A right password: the account's failures are cleared. False when another attempt has locked the account in
     * the meantime (a lock set by this very attempt, {@code lockedByThisAttempt}, is lifted): the lock wins.
     */
    public boolean succeeded(String username, boolean lockedByThisAttempt) {
        return jdbc.update(
                        "UPDATE app_user SET failed_attempts = 0, locked_until = NULL WHERE username = ?"
                                + " AND (locked_until IS NULL OR ?)",
                        username,
                        lockedByThisAttempt)
                == 1;
    }

    /** When the account is locked until, if it is locked at {@code now}. */
    public LocalDateTime lockedUntil(String username, LocalDateTime now) {
        return jdbc
                .queryForList(
                        "SELECT locked_until FROM app_user WHERE username = ? AND locked_until > ?",
                        LocalDateTime.class,
                        username,
                        now)
                .stream()
                .findFirst()
                .orElse(null);
    }

    /** Names that are no account are forgotten a day after their last failure. */
    @Scheduled(fixedDelay = 3_600_000L, initialDelay = 600_000L)
    public void forgetOldFailures() {
        jdbc.update(
                "DELETE FROM login_failure WHERE last_failure_at < ?",
                LocalDateTime.now(clock).minusDays(1));
    }
}
