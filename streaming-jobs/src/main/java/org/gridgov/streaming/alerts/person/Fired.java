package org.gridgov.streaming.alerts.person;

import org.gridgov.common.model.AlertLevel;
import org.gridgov.streaming.alerts.AlertRule;

/** An alert raised for a person, remembered for the escalation rule. */
public final class Fired {

    public AlertRule rule;
    public String alertId;
    public AlertLevel level;
    public long time;
    public String[] evidence;

    public Fired() {}

    Fired(AlertRule rule, String alertId, AlertLevel level, long time, String[] evidence) {
        this.rule = rule;
        this.alertId = alertId;
        this.level = level;
        this.time = time;
        this.evidence = evidence;
    }
}
