package org.gridgov.streaming.alerts.input;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Sends each decoded input to the rules that read it: person events (petitions, identified 12345 callers, identified
 * persons in police incidents) on the main output; petitions naming a company to the group-petition rule; 12345
 * cases and lifecycle events to the overdue-case rule; rejected records to the dead-letter table. Stateless.
 *
 * <p>Counts what it saw ({@link #INPUTS}, {@link #REJECTED}); inputs that no rule can use (a police incident without
 * a person) are counted as {@link #UNUSED}, not dropped silently.
 */
public class RouteInputs extends ProcessFunction<InputEvent, PersonEvent> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<PersonEvent> COMPANY_PETITIONS = new OutputTag<>("company-petitions") {};
    public static final OutputTag<CaseSignal> CASES = new OutputTag<>("case-signals") {};
    public static final OutputTag<RejectedInput> REJECTS = new OutputTag<>("rejected-inputs") {};

    public static final String INPUTS = "alerts.inputs";
    public static final String REJECTED = "alerts.rejected";
    public static final String UNUSED = "alerts.unused";

    private transient LongCounter inputs;
    private transient LongCounter rejected;
    private transient LongCounter unused;

    @Override
    public void open(OpenContext openContext) {
        inputs = getRuntimeContext().getLongCounter(INPUTS);
        rejected = getRuntimeContext().getLongCounter(REJECTED);
        unused = getRuntimeContext().getLongCounter(UNUSED);
    }

    @Override
    public void processElement(InputEvent in, Context ctx, Collector<PersonEvent> out) {
        inputs.add(1L);
        switch (in.kind) {
            case PETITION -> {
                out.collect(PersonEvent.of(in, PersonEvent.Kind.PETITION));
                if (in.companyName != null) {
                    ctx.output(COMPANY_PETITIONS, PersonEvent.of(in, PersonEvent.Kind.PETITION));
                }
            }
            case HOTLINE -> {
                if (in.personKey != null) {
                    out.collect(PersonEvent.of(in, PersonEvent.Kind.CALL));
                }
                if (in.deadline != org.gridgov.streaming.alerts.EventTimes.NONE) {
                    ctx.output(CASES, CaseSignal.of(in));
                } else if (in.personKey == null) {
                    unused.add(1L);
                }
            }
            case POLICE -> {
                if (in.personKey != null) {
                    out.collect(PersonEvent.of(in, PersonEvent.Kind.POLICE));
                } else {
                    unused.add(1L);
                }
            }
            case CASE_EVENT -> ctx.output(CASES, CaseSignal.of(in));
            case REJECTED -> {
                rejected.add(1L);
                ctx.output(REJECTS, RejectedInput.invalid(in));
            }
            default -> throw new IllegalStateException("unknown input kind " + in.kind);
        }
    }
}
