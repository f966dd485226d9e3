package org.gridgov.common.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Every Kafka topic of the platform with the record type its values hold (JSON in the snake_case form of
 * {@link org.gridgov.common.json.Json}). Producers and jobs take names from here, never from string literals.
 */
public final class Topics {

    /** A topic and the type of its values; the key is always the record's id as UTF-8 text. */
    public record Topic(String name, Class<?> valueType, String description) {
    }

    public static final Topic CASE_EVENTS = new Topic("case.events", CaseEvent.class,
            "case lifecycle steps from the hotline platform and the case service, keyed by case id");
    public static final Topic ALERTS = new Topic("alerts", Alert.class,
            "warnings for leaders, keyed by alert id");

    private Topics() {
    }

    public static Topic raw(SourceType source) {
        return new Topic(source.rawTopic(), source.recordType(), "validated raw " + source.label() + " records");
    }

    public static Topic deadLetter(SourceType source) {
        return new Topic(source.dlqTopic(), String.class, source.label() + " records rejected at intake, with the reason");
    }

    /** All topics, for creating them on a new cluster or the embedded broker. */
    public static List<Topic> all() {
        List<Topic> all = new ArrayList<>();
        for (SourceType s : SourceType.values()) {
            all.add(raw(s));
            all.add(deadLetter(s));
        }
        all.add(CASE_EVENTS);
        all.add(ALERTS);
        return all;
    }
}
