package org.gridgov.loading.identity;

import java.util.Objects;
import org.gridgov.common.pii.PiiProtector;

/**
 * The salted person keys of {@link PiiProtector}, remembering on each thread the last card's and the last phone's key:
 * a record's ODS row, its DWD row and its link evidence all key the same card or phone, and each key is an HMAC, so the
 * mappers that share one instance compute a record's keys once (issue 15: a hotline caller's key was computed twice).
 * A key is a function of the number alone, so a remembered key is never stale; a different number is hashed afresh.
 * The memo holds clear numbers: a mapper calls {@link #forget} once a record is mapped, so none outlives its record.
 * Thread-safe: the memo is per thread (a load maps each record on one thread).
 */
public final class PersonKeys {

    /** The last card and phone keyed on a thread, with their keys. */
    private static final class Last {
        String idCard;
        String idCardKey;
        String phone;
        String phoneKey;
    }

    private final PiiProtector pii;
    private final ThreadLocal<Last> last = ThreadLocal.withInitial(Last::new);

    public PersonKeys(PiiProtector pii) {
        this.pii = Objects.requireNonNull(pii);
    }

    /** {@link PiiProtector#idCardKey}. */
    public String idCardKey(String idCard) {
        if (idCard == null) {
            return null;
        }
        Last l = last.get();
        if (!idCard.equals(l.idCard)) {
            l.idCardKey = pii.idCardKey(idCard);
            l.idCard = idCard;
        }
        return l.idCardKey;
    }

    /** {@link PiiProtector#phoneKey}. */
    public String phoneKey(String phone) {
        if (phone == null) {
            return null;
        }
        Last l = last.get();
        if (!phone.equals(l.phone)) {
            l.phoneKey = pii.phoneKey(phone);
            l.phone = phone;
        }
        return l.phoneKey;
    }

    /** {@link PiiProtector#personKey}: the card's key when known, else the phone's. */
    public String personKey(String idCard, String phone) {
        return idCard != null ? idCardKey(idCard) : phoneKey(phone);
    }

    /**
     * Forgets this thread's remembered numbers and keys (least privilege: a clear ID number stays no longer than the
     * record that carried it). The mapper that shares this instance calls it after each record.
     */
    public void forget() {
        Last l = last.get();
        l.idCard = null;
        l.idCardKey = null;
        l.phone = null;
        l.phoneKey = null;
    }

    /** Whether this thread remembers a clear number (for tests of {@link #forget}). */
    boolean remembersANumber() {
        Last l = last.get();
        return l.idCard != null || l.phone != null;
    }

    /** {@link PiiProtector#nameKey}: not remembered, only the link evidence keys a name. */
    public String nameKey(String evidenceName) {
        return pii.nameKey(evidenceName);
    }
}
