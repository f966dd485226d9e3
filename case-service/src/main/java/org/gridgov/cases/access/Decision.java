package org.gridgov.cases.access;

/**
 * The answer of {@link Authorization#may}. A refusal has the reason the audit log records and the message the user
 * reads (usually the same; the inbox and the admin pages say what they are for instead of who the user is).
 */
public record Decision(Verdict verdict, String reason, String message) {

    public enum Verdict {
        ALLOW,
        /** Not the whole thing, only the entries the user wrote (a past handler reading a case's history). */
        OWN_ENTRIES,
        DENY
    }

    private static final Decision ALLOWED = new Decision(Verdict.ALLOW, null, null);

    public static Decision allow() {
        return ALLOWED;
    }

    public static Decision deny(String reason) {
        return new Decision(Verdict.DENY, reason, reason);
    }

    public static Decision deny(String reason, String message) {
        return new Decision(Verdict.DENY, reason, message);
    }

    public static Decision ownEntries(String reason) {
        return new Decision(Verdict.OWN_ENTRIES, reason, reason);
    }

    public boolean allowed() {
        return verdict == Verdict.ALLOW;
    }

    public boolean denied() {
        return verdict == Verdict.DENY;
    }
}
