package org.gridgov.simulator.evaluation;

import java.time.LocalDateTime;
import org.gridgov.common.model.SourceType;

/**
 * One record of the evaluation set as a source system delivers it: its JSON exactly as written (with the source's
 * spelling of ID cards, phones, names and companies), its event time and when it arrives, which may be minutes (out of
 * order) or days (late) after the event.
 */
public record EvaluationRecord(
        SourceType source, String key, String json, LocalDateTime eventTime, LocalDateTime arrivalTime) {}
