package org.gridgov.streaming.odsloader;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.LoggerFactory;
import org.slf4j.Logger;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.district.District;
import org.gridgov.common.model.SourceRecord;
import org.gridgov.common.model.SourceType;
import org.gridgov.loading.OdsMapper;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.common.validation.Decoded;
import org.gridgov.common.validation.RecordDecoder;
import org.gridgov.common.validation.Violation;
import org.gridgov.warehouse.TableRow;

/**
 * Decodes, validates and PII-protects one raw record into its warehouse rows (ODS, and DWD where there is one), or
 * into exactly one {@code dlq_record} row saying why it was rejected. Nothing is dropped and nothing throws for a
 * single bad record: a job that dies on one record stops the whole district's feed.
 *
 * <p>Stateless, so it needs no keyBy and no state cleanup. The decoder and mapper hold JTS spatial indexes, which
 * are not serializable: they are built in {@link #open}, only the {@link PiiProtector} ships with the function.
 */
public class RecordToRows extends ProcessFunction<RawRecord, TableRow> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RecordToRows.class);

    /** Accumulator names; their totals are in the job's {@code JobExecutionResult}. */
    public static final String VALID = "ods-loader.valid-records";
    public static final String DEAD_LETTERS = "ods-loader.dead-letters";

    private final PiiProtector pii;

    private transient RecordDecoder decoder;
    private transient OdsMapper mapper;
    private transient Counter validCounter;
    private transient Counter invalidCounter;
    private transient LongCounter validTotal;
    private transient LongCounter invalidTotal;

    public RecordToRows(PiiProtector pii) {
        this.pii = pii;
    }

    @Override
    public void open(OpenContext openContext) {
        decoder = RecordDecoder.standard();
        mapper = new OdsMapper(pii, District.licheng(), CategoryCatalog.standard());
        validCounter = getRuntimeContext().getMetricGroup().counter("validRecords");
        invalidCounter = getRuntimeContext().getMetricGroup().counter("deadLetters");
        validTotal = new LongCounter();
        invalidTotal = new LongCounter();
        getRuntimeContext().addAccumulator(VALID, validTotal);
        getRuntimeContext().addAccumulator(DEAD_LETTERS, invalidTotal);
    }

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<TableRow> out) {
        if (raw.malformedUtf8) {
            deadLetter(raw, ctx, rejected("$", "value is not valid UTF-8 (wrong encoding at the source?)"), out);
            return;
        }
        SourceType source;
        try {
            source = SourceType.ofTopic(raw.topic);
        } catch (IllegalArgumentException e) {
            deadLetter(raw, ctx, rejected("$", "not a raw topic: " + raw.topic), out);
            return;
        }
        Decoded<SourceRecord> decoded;
        try {
            decoded = decoder.decode(source, raw.value);
        } catch (RuntimeException e) {
            // a decoder bug must not stop the feed; the dead letter keeps the record for a fixed replay
            LOG.warn("decoding {} failed unexpectedly", raw.position(), e);
            decoded = rejected("$", "decoding failed: " + PiiProtector.redact(String.valueOf(e)));
        }
        if (!decoded.isValid()) {
            deadLetter(raw, ctx, decoded, out);
            return;
        }
        List<TableRow> rows;
        try {
            rows = rows(decoded.value());
        } catch (RuntimeException e) {
            String why = PiiProtector.redact(String.valueOf(e.getMessage()));
            LOG.warn("mapping {} failed although it passed validation: {}", raw.position(), why);
            deadLetter(raw, ctx, rejected("$", "mapping failed: " + why), out);
            return;
        }
        rows.forEach(out::collect);
        validCounter.inc();
        validTotal.add(1L);
    }

    /** The warehouse rows of a valid record (package-private: tests replace it to provoke a mapping failure). */
    List<TableRow> rows(SourceRecord record) {
        return mapper.rows(record);
    }

    private void deadLetter(RawRecord raw, Context ctx, Decoded<?> rejected, Collector<TableRow> out) {
        out.collect(OdsMapper.deadLetter(source(raw), raw.position(), raw.key, rejected, raw.value,
                receivedTime(raw, ctx)));
        invalidCounter.inc();
        invalidTotal.add(1L);
    }

    /** dlq_record.source is VARCHAR(32): a longer name would fail the whole batch in the warehouse. */
    private static String source(RawRecord raw) {
        String t = raw.topic == null ? "" : raw.topic;
        return t.length() <= 32 ? t : t.substring(0, 32);
    }

    private static Decoded<SourceRecord> rejected(String field, String reason) {
        return Decoded.rejected(List.of(new Violation(field, reason)));
    }

    /**
     * The Kafka timestamp (when the platform received the record) in district time, so a replay writes the same
     * dead-letter row again; processing time only when the producer set no timestamp.
     */
    private static LocalDateTime receivedTime(RawRecord raw, Context ctx) {
        long millis = raw.timestamp > 0 ? raw.timestamp : ctx.timerService().currentProcessingTime();
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), RecordDecoder.ZONE).withNano(0);
    }
}
