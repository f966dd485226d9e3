package org.gridgov.simulator.generator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.gridgov.common.json.Json;
import org.gridgov.common.model.SourceRecord;
import org.gridgov.common.model.SourceType;

/**
 * One day's records, planted and background, buffered so they can be emitted in event-time order across all
 * sources. The buffer is the generator's only memory that grows with volume, and only with one day's volume.
 */
final class DayBatch {

    private record Entry(SourceRecord record, InvalidSchedule.Planned defect, Consumer<String> onId, int seq) {}

    private static final Comparator<Entry> EVENT_ORDER = Comparator.comparing((Entry e) -> e.record.eventTime())
            .thenComparing(e -> e.record.source())
            .thenComparingInt(e -> e.seq);

    private final List<Entry> entries = new ArrayList<>();
    private final Map<SourceType, Long> emitted = new EnumMap<>(SourceType.class);

    /**
     * @param draft  the record without its id (ids are given in time order when emitting)
     * @param defect how to break it, or null
     * @param onId   told the id once given, for planted records whose ids go into the ground truth; may be null
     */
    void add(SourceRecord draft, InvalidSchedule.Planned defect, Consumer<String> onId) {
        entries.add(new Entry(draft, defect, onId, entries.size()));
    }

    /** Sorts, gives ids, breaks the scheduled records and passes everything to the sink; then empties the batch. */
    void emit(RecordSink sink, RecordIds ids, DefectInjector injector, InvalidTally tally, SplittableRandom r)
            throws Exception {
        entries.sort(EVENT_ORDER);
        for (Entry e : entries) {
            SourceType source = e.record.source();
            String id = ids.next(source, e.record.eventTime().toLocalDate());
            SourceRecord record = RecordIds.withId(e.record, id);
            if (e.onId != null) {
                e.onId.accept(id);
            }
            if (e.defect == null) {
                sink.accept(source, id, Json.write(record));
            } else {
                DefectInjector.Broken b = injector.apply(record, e.defect.defect(), e.defect.ordinalOfKind(), r);
                tally.add(source, e.defect.defect(), b.key());
                sink.accept(source, b.key(), b.line());
            }
            emitted.merge(source, 1L, Long::sum);
        }
        entries.clear();
    }

    /** Records emitted per source by all {@link #emit} calls so far. */
    long emitted(SourceType source) {
        return emitted.getOrDefault(source, 0L);
    }
}
