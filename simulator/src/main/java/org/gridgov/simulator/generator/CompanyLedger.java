package org.gridgov.simulator.generator;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;

/**
 * Times of petitions naming each company. A background petition may name a company only if no other petition
 * names it within {@link #SEPARATION}; then every cluster of petitions about one company within 6 hours that has
 * five or more people is a planted group petition, and the group-petition ground truth is exact.
 */
final class CompanyLedger {

    /** More than the 6-hour group window, so a background petition never joins or forms a cluster. */
    static final Duration SEPARATION = Duration.ofHours(7);

    private final Map<String, TreeSet<LocalDateTime>> times = new HashMap<>();

    boolean isFree(String company, LocalDateTime t) {
        TreeSet<LocalDateTime> s = times.get(company);
        if (s == null) {
            return true;
        }
        LocalDateTime before = s.floor(t);
        LocalDateTime after = s.ceiling(t);
        return (before == null || Duration.between(before, t).compareTo(SEPARATION) > 0)
                && (after == null || Duration.between(t, after).compareTo(SEPARATION) > 0);
    }

    void register(String company, LocalDateTime t) {
        times.computeIfAbsent(company, k -> new TreeSet<>()).add(t);
    }

    /** Forgets times before {@code t}; planted times in the future are kept. */
    void forgetBefore(LocalDateTime t) {
        for (Iterator<TreeSet<LocalDateTime>> it = times.values().iterator(); it.hasNext(); ) {
            TreeSet<LocalDateTime> s = it.next();
            s.headSet(t).clear();
            if (s.isEmpty()) {
                it.remove();
            }
        }
    }
}
