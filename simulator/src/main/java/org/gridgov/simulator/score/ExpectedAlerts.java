package org.gridgov.simulator.score;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.simulator.generator.GroundTruth;

/**
 * The alerts a run should raise, from the generator's {@link GroundTruth} (read from {@code ground-truth.json} with
 * its typed reader, {@link GroundTruth#read}). Persons are turned into salted person keys with the job's salt, as the
 * alerts name them:
 * <ul>
 *   <li>{@code repeat_petition}: one per repeat petitioner (ID card → person key), evidence its petitions;</li>
 *   <li>{@code group_petition}: one per group petition (company), evidence its petitions;</li>
 *   <li>{@code repeat_call}: one per repeat caller (ID card → person key), evidence the cases;</li>
 *   <li>{@code cross_source}: one per repeat petitioner seen by the police, evidence the incidents;</li>
 *   <li>{@code case_overdue}: one per overdue 12345 case.</li>
 * </ul>
 */
public final class ExpectedAlerts {

    /** One planted incident: who or what it is about and its record ids. */
    public record Item(String subject, Set<String> evidence) {}

    private final Map<ScoredRule, List<Item>> items;

    private ExpectedAlerts(Map<ScoredRule, List<Item>> items) {
        this.items = items;
    }

    public static ExpectedAlerts read(Path groundTruth, PiiProtector pii) {
        return of(GroundTruth.read(groundTruth), pii);
    }

    /**
     * A ground truth missing a scenario list (a file of another version, a hand-written one) is refused: scoring it
     * would report the missing rule as perfect.
     */
    public static ExpectedAlerts of(GroundTruth truth, PiiProtector pii) {
        required(truth.repeatPetitioners(), "repeat_petitioners");
        required(truth.groupPetitions(), "group_petitions");
        required(truth.repeatCallers(), "repeat_callers");
        required(truth.crossSourcePersons(), "cross_source_persons");
        if (truth.overdueCases() == null || truth.overdueCases().caseIds() == null) {
            throw new IllegalArgumentException("ground truth has no overdue_cases.case_ids");
        }
        Map<ScoredRule, List<Item>> m = new EnumMap<>(ScoredRule.class);
        for (ScoredRule r : ScoredRule.values()) {
            m.put(r, new ArrayList<>());
        }
        truth.repeatPetitioners().forEach(p -> m.get(ScoredRule.REPEAT_PETITION)
                .add(new Item(pii.idCardKey(p.idCard()), ids(p.petitionIds()))));
        truth.groupPetitions()
                .forEach(g -> m.get(ScoredRule.GROUP_PETITION).add(new Item(g.companyName(), ids(g.petitionIds()))));
        truth.repeatCallers().forEach(c -> m.get(ScoredRule.REPEAT_CALL)
                .add(new Item(pii.personKey(c.idCard(), c.phone()), ids(c.caseIds()))));
        truth.crossSourcePersons().forEach(x -> m.get(ScoredRule.CROSS_SOURCE)
                .add(new Item(pii.idCardKey(x.idCard()), ids(x.incidentIds()))));
        truth.overdueCases().caseIds().forEach(id -> m.get(ScoredRule.CASE_OVERDUE)
                .add(new Item(id, Set.of(id))));
        return new ExpectedAlerts(m);
    }

    public List<Item> items(ScoredRule rule) {
        return items.getOrDefault(rule, List.of());
    }

    private static void required(List<?> list, String field) {
        if (list == null) {
            throw new IllegalArgumentException("ground truth has no " + field + " list");
        }
    }

    private static Set<String> ids(List<String> ids) {
        return new LinkedHashSet<>(ids == null ? List.of() : ids);
    }
}
