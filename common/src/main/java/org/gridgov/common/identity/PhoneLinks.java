package org.gridgov.common.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides which phone keys stand for an ID-card person, from the loader's link evidence ({@code dwd_person_link}).
 * A record that carries only a phone (a police record, an anonymous 12345 call) is keyed by the phone; it may be
 * linked to the person whose ID card was seen with that phone elsewhere, but only when that person is the only one
 * ever seen with it and no phone-only record wrote a different name. Names are evidence against a link, never for one:
 * two 张伟 are two people. Nothing is merged in the sources' rows; callers that want the linked view ask
 * {@link #resolve} and can show {@link PhoneLink#evidenceIds()} for it. Decisions depend on the evidence as a set,
 * not on its order, so a rerun or a late record decides the same.
 */
public final class PhoneLinks {

    private final Map<String, List<LinkEvidence>> byPhone = new LinkedHashMap<>();

    public PhoneLinks add(LinkEvidence evidence) {
        byPhone.computeIfAbsent(evidence.phoneKey(), k -> new ArrayList<>()).add(evidence);
        return this;
    }

    public PhoneLinks addAll(Iterable<LinkEvidence> evidence) {
        evidence.forEach(this::add);
        return this;
    }

    /** The decision for one phone key. */
    public PhoneLink decide(String phoneKey) {
        List<LinkEvidence> all = byPhone.getOrDefault(phoneKey, List.of());
        Set<String> persons = new TreeSet<>();
        Set<String> names = new LinkedHashSet<>();
        List<String> withId = new ArrayList<>();
        for (LinkEvidence e : all) {
            if (e.namesAPerson()) {
                persons.add(e.personKey());
                withId.add(e.evidenceId());
                if (e.nameKey() != null) {
                    names.add(e.nameKey());
                }
            }
        }
        withId.sort(null);
        if (persons.isEmpty()) {
            return new PhoneLink(phoneKey, PhoneLink.Status.NO_EVIDENCE, null, List.of(), List.of());
        }
        if (persons.size() > 1) {
            return new PhoneLink(phoneKey, PhoneLink.Status.SHARED_PHONE, null, withId, List.of());
        }
        List<String> conflicting = new ArrayList<>();
        for (LinkEvidence e : all) {
            if (!e.namesAPerson() && e.nameKey() != null && !names.isEmpty() && !names.contains(e.nameKey())) {
                conflicting.add(e.evidenceId());
            }
        }
        conflicting.sort(null);
        PhoneLink.Status status = conflicting.isEmpty() ? PhoneLink.Status.LINKED : PhoneLink.Status.NAME_CONFLICT;
        return new PhoneLink(
                phoneKey, status, conflicting.isEmpty() ? persons.iterator().next() : null, withId, conflicting);
    }

    /** The person key a record keyed by {@code key} belongs to: the linked ID-card person's, else the key itself. */
    public String resolve(String key) {
        PhoneLink link = decide(key);
        return link.linked() ? link.personKey() : key;
    }

    /** Every phone's decision, in the order phones were first seen. */
    public List<PhoneLink> decisions() {
        return byPhone.keySet().stream().map(this::decide).toList();
    }
}
