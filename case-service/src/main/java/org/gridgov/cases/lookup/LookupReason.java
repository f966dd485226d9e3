package org.gridgov.cases.lookup;

import org.gridgov.cases.domain.InvalidInputException;
import org.gridgov.common.pii.PiiProtector;

/**
 * The purpose a user states for a look-up (PIPL: purpose limitation). Required on every 综合查询 request: missing or
 * too short is a 400 before anything is read. Kept with ID-card and phone numbers masked, so a number typed into
 * the reason is not stored in clear either.
 */
public final class LookupReason {

    public static final int MIN_CHARS = 4;
    public static final int MAX_CHARS = 200;

    private LookupReason() {}

    public static String require(String reason) {
        String r = reason == null ? "" : reason.strip();
        int length = r.codePointCount(0, r.length());
        if (length < MIN_CHARS) {
            throw new InvalidInputException("reason", "请填写查询事由（至少 " + MIN_CHARS + " 个字），每次查询都会记录在案");
        }
        if (length > MAX_CHARS) {
            throw new InvalidInputException("reason", "查询事由最多 " + MAX_CHARS + " 个字");
        }
        return PiiProtector.redact(r);
    }
}
