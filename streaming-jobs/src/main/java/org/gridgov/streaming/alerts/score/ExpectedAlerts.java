package org.gridgov.streaming.alerts.score;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridgov.common.json.Json;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.streaming.alerts.AlertRule;

/**
 * The alerts a run should raise, read from the generator's {@code ground-truth.json} (GroundTruth of the ingestion
 * module, in its JSON form, so this reader needs no generator on the classpath). Persons are turned into salted
 * person keys with the job's salt, as the alerts name them:
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
    public record Item(String subject, Set<String> evidence) {
    }

    private final Map<AlertRule, List<Item>> items;

    private ExpectedAlerts(Map<AlertRule, List<Item>> items) {
        this.items = items;
    }

    public static ExpectedAlerts read(Path groundTruth, PiiProtector pii) {
        try {
            return of(Json.mapper().readTree(Files.readString(groundTruth)), pii);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ground truth " + groundTruth, e);
        }
    }

    public static ExpectedAlerts of(JsonNode truth, PiiProtector pii) {
        Map<AlertRule, List<Item>> m = new EnumMap<>(AlertRule.class);
        for (AlertRule r : scored()) {
            m.put(r, new ArrayList<>());
        }
        for (JsonNode p : required(truth, "repeat_petitioners")) {
            m.get(AlertRule.REPEAT_PETITION).add(new Item(pii.idCardKey(p.path("id_card").asText()),
                    ids(p.path("petition_ids"))));
        }
        for (JsonNode g : required(truth, "group_petitions")) {
            m.get(AlertRule.GROUP_PETITION).add(new Item(g.path("company_name").asText(), ids(g.path("petition_ids"))));
        }
        for (JsonNode c : required(truth, "repeat_callers")) {
            String idCard = c.hasNonNull("id_card") ? c.get("id_card").asText() : null;
            String phone = c.hasNonNull("phone") ? c.get("phone").asText() : null;
            m.get(AlertRule.REPEAT_CALL).add(new Item(pii.personKey(idCard, phone), ids(c.path("case_ids"))));
        }
        for (JsonNode x : required(truth, "cross_source_persons")) {
            m.get(AlertRule.CROSS_SOURCE).add(new Item(pii.idCardKey(x.path("id_card").asText()),
                    ids(x.path("incident_ids"))));
        }
        JsonNode overdue = truth.path("overdue_cases").path("case_ids");
        if (!overdue.isArray()) {
            throw new IllegalArgumentException("ground truth has no overdue_cases.case_ids");
        }
        for (JsonNode id : overdue) {
            m.get(AlertRule.CASE_OVERDUE).add(new Item(id.asText(), Set.of(id.asText())));
        }
        return new ExpectedAlerts(m);
    }

    /** The rules a ground truth defines. */
    public static List<AlertRule> scored() {
        return List.of(AlertRule.REPEAT_PETITION, AlertRule.GROUP_PETITION, AlertRule.REPEAT_CALL,
                AlertRule.CROSS_SOURCE, AlertRule.CASE_OVERDUE);
    }

    public List<Item> items(AlertRule rule) {
        return items.getOrDefault(rule, List.of());
    }

    private static JsonNode required(JsonNode truth, String field) {
        JsonNode n = truth.path(field);
        if (!n.isArray()) {
            throw new IllegalArgumentException("ground truth has no " + field + " list");
        }
        return n;
    }

    private static Set<String> ids(JsonNode array) {
        Set<String> s = new LinkedHashSet<>();
        array.forEach(n -> s.add(n.asText()));
        return s;
    }
}
