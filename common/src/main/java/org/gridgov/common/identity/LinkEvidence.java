package org.gridgov.common.identity;

/**
 * One record's evidence about a phone (a {@code dwd_person_link} row): the phone's key, the person key of the ID card
 * the same record carried (null when it carried the phone alone) and the key of the name it wrote (null without one).
 */
public record LinkEvidence(String phoneKey, String evidenceId, String personKey, String nameKey) {

    public LinkEvidence {
        if (phoneKey == null || evidenceId == null) {
            throw new IllegalArgumentException("phone key and evidence id are required");
        }
    }

    /** True when the record named an ID-card person beside the phone. */
    public boolean namesAPerson() {
        return personKey != null;
    }
}
