package org.gridgov.streaming.odsloader;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.gridgov.common.model.DwdRecord;
import org.gridgov.common.model.SourceRecord;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.common.validation.RecordDecoder;
import org.gridgov.loading.LoadOutcome;
import org.gridgov.loading.OdsMapper;
import org.gridgov.loading.RawRecordMapper;
import org.gridgov.loading.RecordOrigin;
import org.gridgov.loading.identity.LinkEvidenceRows;
import org.gridgov.streaming.job.TaskSecret;
import org.gridgov.warehouse.TableRow;

/**
 * The loader's Flink step: one raw Kafka record into its warehouse rows (ODS, and DWD where there is one), or into
 * exactly one {@code dlq_record} row saying why it was rejected. Validation, PII protection, mapping and dead letters
 * are the loading module's {@link RawRecordMapper}, which the local DataX runner uses too; this function only adds
 * what is Kafka's (bytes that were not UTF-8, a topic that is no raw topic, the position and timestamp of the record)
 * and counts.
 *
 * <p>Stateless, so it needs no keyBy and no state cleanup. The mapper holds JTS spatial indexes, which are not
 * serializable, and the salt must not travel in the job graph: both are built in {@link #open}, where the
 * {@link TaskSecret} reads the salt on the TaskManager.
 */
public class RecordToRows extends ProcessFunction<RawRecord, TableRow> {

    private static final long serialVersionUID = 1L;

    /**
     * Side output: the phone-link evidence of valid records ({@code dwd_person_link}), written by the same sink but
     * kept off the main output, which stays exactly the record's own rows or its dead letter.
     */
    public static final OutputTag<TableRow> LINK_EVIDENCE = new OutputTag<>("link-evidence") {};

    /**
     * Side output (issue 15 "validate once"): each accepted record conformed as a {@link DwdRecord}, built from its
     * rows ({@link DwdRecords}), for the {@code dwd.<source>} topics the stream jobs after the loader read.
     */
    public static final OutputTag<DwdRecord> DWD_RECORDS =
            new OutputTag<>("dwd-records", TypeInformation.of(DwdRecord.class));

    /** Accumulator names; their totals are in the job's {@code JobExecutionResult}. */
    public static final String VALID = "ods-loader.valid-records";

    public static final String DEAD_LETTERS = "ods-loader.dead-letters";

    private final TaskSecret<PiiProtector> pii;

    private transient OdsMapper odsMapper;
    private transient RawRecordMapper mapper;
    private transient Counter validCounter;
    private transient Counter invalidCounter;
    private transient LongCounter validTotal;
    private transient LongCounter invalidTotal;

    /** With a given protector (tests): its salt is serialised with the function. */
    public RecordToRows(PiiProtector pii) {
        this(TaskSecret.given(pii));
    }

    public RecordToRows(TaskSecret<PiiProtector> pii) {
        this.pii = pii;
    }

    @Override
    public void open(OpenContext openContext) {
        PiiProtector protector = pii.get();
        odsMapper = RawRecordMapper.standardOdsMapper(protector);
        mapper = new RawRecordMapper(RecordDecoder.standard(), this::rows, new LinkEvidenceRows(protector)::rows);
        validCounter = getRuntimeContext().getMetricGroup().counter("validRecords");
        invalidCounter = getRuntimeContext().getMetricGroup().counter("deadLetters");
        validTotal = new LongCounter();
        invalidTotal = new LongCounter();
        getRuntimeContext().addAccumulator(VALID, validTotal);
        getRuntimeContext().addAccumulator(DEAD_LETTERS, invalidTotal);
    }

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<TableRow> out) {
        RecordOrigin origin = new RecordOrigin(source(raw), raw.position(), raw.key, raw.value, receivedTime(raw, ctx));
        LoadOutcome outcome;
        SourceType source = raw.malformedUtf8 ? null : rawTopicSource(raw.topic);
        if (raw.malformedUtf8) {
            outcome = RawRecordMapper.reject(origin, "$", "value is not valid UTF-8 (wrong encoding at the source?)");
        } else {
            outcome = source == null
                    ? RawRecordMapper.reject(origin, "$", "not a raw topic: " + raw.topic)
                    : mapper.map(source, raw.value, origin);
        }
        outcome.output().forEach(out::collect);
        outcome.evidence().forEach(row -> ctx.output(LINK_EVIDENCE, row));
        if (outcome.accepted()) {
            DwdRecords.of(source, outcome.rows(), raw.position(), raw.timestamp)
                    .ifPresent(r -> ctx.output(DWD_RECORDS, r));
        }
        if (outcome.accepted()) {
            validCounter.inc();
            validTotal.add(1L);
        } else {
            invalidCounter.inc();
            invalidTotal.add(1L);
        }
    }

    /** The warehouse rows of a valid record (package-private: tests replace it to provoke a mapping failure). */
    List<TableRow> rows(SourceRecord record) {
        return odsMapper.rows(record);
    }

    private static SourceType rawTopicSource(String topic) {
        try {
            return SourceType.ofTopic(topic);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** dlq_record.source is VARCHAR(32): a longer name would fail the whole batch in the warehouse. */
    private static String source(RawRecord raw) {
        String t = raw.topic == null ? "" : raw.topic;
        return t.length() <= 32 ? t : t.substring(0, 32);
    }

    /**
     * The Kafka timestamp (when the platform received the record) in district time, so a replay writes the same
     * dead-letter row again; processing time only when the producer set no timestamp.
     */
    private static LocalDateTime receivedTime(RawRecord raw, Context ctx) {
        long millis = raw.timestamp > 0 ? raw.timestamp : ctx.timerService().currentProcessingTime();
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), RecordDecoder.ZONE)
                .withNano(0);
    }
}
