package org.gridgov.streaming.alerts.person;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.gridgov.common.json.Json;
import org.gridgov.common.model.AlertLevel;
import org.gridgov.common.pii.PiiProtector;

/**
 * One entry of the key-person registry (重点人员) as published on the compacted registry topic, keyed by person key:
 * {@code {"person_key": "<32 hex>", "action": "ADD"|"REMOVE", "level": "RED"|..., "reason": "..."}}. A tombstone
 * (null value) removes the key. Only salted person keys travel; whoever lists a person computes the key with the
 * platform's salt ({@link KeyPersonRegistry}).
 */
public final class KeyPersonUpdate {

    public String personKey;
    /** ADD or REMOVE; {@code null} for an unreadable record, which then has {@link #invalidReason}. */
    public String action;
    /** Level of cross-source alerts about this person; null = the rule's default (橙). */
    public AlertLevel level;

    public String reason;
    public String invalidReason;
    public String inputId;
    public long receivedTime;

    public KeyPersonUpdate() {}

    public static KeyPersonUpdate add(String personKey, AlertLevel level, String reason) {
        KeyPersonUpdate u = new KeyPersonUpdate();
        u.personKey = personKey;
        u.action = "ADD";
        u.level = level;
        u.reason = reason;
        return u;
    }

    public static KeyPersonUpdate remove(String personKey) {
        KeyPersonUpdate u = new KeyPersonUpdate();
        u.personKey = personKey;
        u.action = "REMOVE";
        return u;
    }

    public boolean isAdd() {
        return "ADD".equals(action);
    }

    public String toJson() {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("person_key", personKey);
        n.put("action", action);
        if (level != null) {
            n.put("level", level.name());
        }
        if (reason != null) {
            n.put("reason", reason);
        }
        return n.toString();
    }

    /** Reads a registry record; never throws: an unreadable one has {@link #invalidReason} set. */
    public static KeyPersonUpdate parse(String inputId, long receivedTime, byte[] key, byte[] value) {
        KeyPersonUpdate u = new KeyPersonUpdate();
        u.inputId = inputId;
        u.receivedTime = receivedTime;
        String k = key == null ? null : new String(key, StandardCharsets.UTF_8);
        try {
            if (value == null) {
                // tombstone of a compacted topic: the key leaves the registry
                u.personKey = k;
                u.action = "REMOVE";
            } else {
                JsonNode n = Json.mapper().readTree(new String(value, StandardCharsets.UTF_8));
                u.personKey = n.path("person_key").asText(k);
                u.action = n.path("action").asText("ADD").trim().toUpperCase();
                String level = n.path("level").asText("");
                u.level =
                        level.isBlank() ? null : AlertLevel.valueOf(level.trim().toUpperCase());
                u.reason = n.hasNonNull("reason")
                        ? PiiProtector.redact(n.get("reason").asText())
                        : null;
            }
            if (u.personKey == null || !u.personKey.matches("[0-9a-f]{32}")) {
                return invalid(u, "person_key must be a salted person key (32 lower-case hex), not a clear id");
            }
            if (!u.action.equals("ADD") && !u.action.equals("REMOVE")) {
                return invalid(u, "action must be ADD or REMOVE, got " + u.action);
            }
            return u;
        } catch (Exception e) {
            return invalid(u, "not a registry record: " + e.getClass().getSimpleName());
        }
    }

    private static KeyPersonUpdate invalid(KeyPersonUpdate u, String why) {
        u.invalidReason = why;
        u.action = null;
        u.personKey = u.personKey != null && u.personKey.matches("[0-9a-f]{32}") ? u.personKey : null;
        return u;
    }
}
