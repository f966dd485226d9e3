package org.gridgov.cases.account;

import org.gridgov.cases.access.Action;
import org.gridgov.cases.access.Target;
import org.gridgov.cases.audit.AuditLog;
import org.gridgov.cases.domain.NotFoundException;
import org.gridgov.cases.domain.Refusals;
import org.gridgov.cases.security.ApiTokens;
import org.gridgov.cases.security.Staff;
import org.gridgov.cases.security.UserStore;
import org.springframework.stereotype.Service;

/**
 * Disabling and enabling accounts: administrators only (a refusal is audited), every change audited. Disabling
 * revokes the account's bearer tokens at once, stored and cached, so a leaver's client stops with its next request.
 */
@Service
public class AccountAdministration {

    private final UserStore users;
    private final ApiTokens tokens;
    private final Refusals refusals;
    private final AuditLog audit;

    public AccountAdministration(UserStore users, ApiTokens tokens, Refusals refusals, AuditLog audit) {
        this.users = users;
        this.tokens = tokens;
        this.refusals = refusals;
        this.audit = audit;
    }

    public void setEnabled(Staff admin, String username, boolean enabled) {
        String action = enabled ? "USER_ENABLE" : "USER_DISABLE";
        refusals.require(admin, Action.ADMIN, action, Target.nothing(), "USER", username);
        if (!users.setEnabled(username, enabled)) {
            throw new NotFoundException("用户 " + username + " 不存在");
        }
        if (!enabled) {
            tokens.revokeAll(username);
        }
        audit.ok(admin.username(), action, "USER", username, enabled ? "enabled" : "disabled, tokens revoked");
    }
}
