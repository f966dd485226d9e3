package org.gridgov.streaming.alerts;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.gridgov.streaming.alerts.cases.CaseDeadlineTimers;
import org.gridgov.streaming.alerts.fanout.AlertRows;
import org.gridgov.streaming.alerts.input.InputEvent;
import org.gridgov.streaming.alerts.input.RejectedInput;
import org.gridgov.streaming.alerts.input.RouteInputs;
import org.gridgov.streaming.alerts.person.GroupPetitionRule;
import org.gridgov.streaming.alerts.person.KeyPersonRules;
import org.gridgov.streaming.alerts.person.KeyPersonUpdate;
import org.gridgov.warehouse.TableRow;

/**
 * The alert graph, independent of where inputs come from and where alerts go:
 * <pre>
 *  inputs ─ route-inputs ─┬─ person events ──keyBy person──► key-person-rules ◄── registry (broadcast)
 *                         ├─ company petitions ─keyBy company─► group-petition-rule
 *                         ├─ case signals ──keyBy case──► case-deadline-timers
 *                         └─ rejected ─────────────────────────────────────────┐
 *  alerts (union) ──► Kafka alerts topic │ keyBy alert id → warehouse rows ◄──── rejected + late
 *                 └─► webhook (parallelism 1)
 * </pre>
 */
public final class AlertTopology {

    /** What the rules produce. */
    public record Outputs(DataStream<AlertRecord> alerts, DataStream<RejectedInput> rejected) {}

    /** Where alerts go; a null sink is left out. */
    public record Sinks(Sink<AlertRecord> kafka, Sink<TableRow> warehouse, Sink<AlertRecord> webhook) {}

    private AlertTopology() {}

    public static Outputs build(DataStream<InputEvent> inputs, DataStream<KeyPersonUpdate> registry, RuleParams p) {
        SingleOutputStreamOperator<org.gridgov.streaming.alerts.input.PersonEvent> routed =
                inputs.process(new RouteInputs()).name("route-inputs").uid("route-inputs");
        BroadcastStream<KeyPersonUpdate> broadcast = registry.broadcast(KeyPersonRules.REGISTRY);

        SingleOutputStreamOperator<AlertRecord> personAlerts = routed.keyBy(e -> e.personKey, Types.STRING)
                .connect(broadcast)
                .process(new KeyPersonRules(p), TypeInformation.of(AlertRecord.class))
                .name("key-person-rules")
                .uid("key-person-rules");
        SingleOutputStreamOperator<AlertRecord> groupAlerts = routed.getSideOutput(RouteInputs.COMPANY_PETITIONS)
                .keyBy(e -> e.companyName, Types.STRING)
                .process(new GroupPetitionRule(p), TypeInformation.of(AlertRecord.class))
                .name("group-petition-rule")
                .uid("group-petition-rule");
        SingleOutputStreamOperator<AlertRecord> caseAlerts = routed.getSideOutput(RouteInputs.CASES)
                .keyBy(s -> s.caseId, Types.STRING)
                .process(new CaseDeadlineTimers(p), TypeInformation.of(AlertRecord.class))
                .name("case-deadline-timers")
                .uid("case-deadline-timers");

        DataStream<AlertRecord> alerts = personAlerts.union(groupAlerts, caseAlerts);
        DataStream<RejectedInput> rejected = routed.getSideOutput(RouteInputs.REJECTS)
                .union(
                        personAlerts.getSideOutput(KeyPersonRules.LATE),
                        personAlerts.getSideOutput(KeyPersonRules.REGISTRY_REJECTS),
                        groupAlerts.getSideOutput(GroupPetitionRule.LATE),
                        caseAlerts.getSideOutput(CaseDeadlineTimers.LATE));
        return new Outputs(alerts, rejected);
    }

    /**
     * Connects the sinks. Warehouse rows of one alert id always pass the same sink subtask (keyBy), so versions of an
     * alert are written in the order they were raised and the last one wins.
     */
    public static void attach(Outputs o, Sinks sinks) {
        if (sinks.kafka() != null) {
            o.alerts().sinkTo(sinks.kafka()).name("alerts-topic").uid("alerts-topic");
        }
        if (sinks.warehouse() != null) {
            DataStream<TableRow> alertRows = o.alerts()
                    .keyBy(a -> a.alertId, Types.STRING)
                    .map(AlertRows::alert, TypeInformation.of(TableRow.class))
                    .name("alert-rows")
                    .uid("alert-rows");
            DataStream<TableRow> rejectedRows = o.rejected()
                    .map(AlertRows::rejected, TypeInformation.of(TableRow.class))
                    .name("rejected-input-rows")
                    .uid("rejected-input-rows");
            alertRows
                    .union(rejectedRows)
                    .sinkTo(sinks.warehouse())
                    .name("alert-warehouse")
                    .uid("alert-warehouse");
        }
        if (sinks.webhook() != null) {
            o.alerts()
                    .sinkTo(sinks.webhook())
                    .setParallelism(1)
                    .name("alert-webhook")
                    .uid("alert-webhook");
        }
    }
}
