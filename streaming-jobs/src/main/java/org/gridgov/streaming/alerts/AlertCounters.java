package org.gridgov.streaming.alerts;

import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.RuntimeContext;

/**
 * Accumulators of the alert operators, summed over subtasks in the job result: alerts raised per rule
 * ({@code alerts.raised.<rule>}), updates of raised alerts, late events.
 */
public final class AlertCounters {

    public static final String RAISED_PREFIX = "alerts.raised.";
    public static final String UPDATED = "alerts.updated";
    public static final String LATE = "alerts.late";

    private final Map<AlertRule, LongCounter> raised = new EnumMap<>(AlertRule.class);
    private final LongCounter updated;
    private final LongCounter late;

    public AlertCounters(RuntimeContext ctx) {
        for (AlertRule r : AlertRule.values()) {
            raised.put(r, ctx.getLongCounter(RAISED_PREFIX + r.code()));
        }
        updated = ctx.getLongCounter(UPDATED);
        late = ctx.getLongCounter(LATE);
    }

    /** Counts an emitted alert: raised when version 1, an update otherwise. */
    public void emitted(AlertRecord a) {
        if (a.version == 1) {
            raised.get(a.rule).add(1L);
        } else {
            updated.add(1L);
        }
    }

    public void late() {
        late.add(1L);
    }
}
