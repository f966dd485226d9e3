package org.gridgov.streaming.alerts.input;

/** What a decoded input is. */
public enum InputKind {
    PETITION,
    HOTLINE,
    POLICE,
    CASE_EVENT,
    /** Failed validation: goes to {@code dlq_alert_input} with the reason. */
    REJECTED
}
