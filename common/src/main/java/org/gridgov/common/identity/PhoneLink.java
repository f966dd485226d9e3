package org.gridgov.common.identity;

import java.util.List;

/**
 * What {@link PhoneLinks} decided for one phone, with the evidence the decision rests on: the records that carried
 * the phone beside an ID card ({@code evidenceIds}) and, for a refusal, the ones that contradict it.
 */
public record PhoneLink(
        String phoneKey, Status status, String personKey, List<String> evidenceIds, List<String> conflictingIds) {

    public enum Status {
        /** Exactly one ID-card person was seen with the phone and no phone-only record names someone else. */
        LINKED,
        /** No record carried the phone beside an ID card: the phone stays its own person key. */
        NO_EVIDENCE,
        /** Two or more ID-card persons share the phone (a family or office phone): never a link. */
        SHARED_PHONE,
        /** One ID-card person, but a phone-only record wrote a name that is none of that person's names. */
        NAME_CONFLICT
    }

    public PhoneLink {
        evidenceIds = List.copyOf(evidenceIds);
        conflictingIds = List.copyOf(conflictingIds);
    }

    public boolean linked() {
        return status == Status.LINKED;
    }
}
