package org.gridgov.loading;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.district.District;
import org.gridgov.common.model.SourceRecord;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.common.validation.Decoded;
import org.gridgov.common.validation.RecordDecoder;
import org.gridgov.common.validation.Violation;
import org.gridgov.loading.identity.LinkEvidenceRows;
import org.gridgov.loading.identity.PersonKeys;
import org.gridgov.loading.write.TableBuffer;
import org.gridgov.warehouse.TableRow;
import org.gridgov.warehouse.WarehouseSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a raw record (its JSON text, as a raw topic carries it) is decoded, validated, PII-protected and
 * mapped into its warehouse rows, or turned into exactly one {@code dlq_record} row saying why it was rejected. The
 * Flink ODS loader and the local DataX runner both call it, so a record is accepted or rejected, and protected, the
 * same way on every path. Nothing is dropped and nothing throws for a single bad record: a loader that dies on one
 * record stops the whole district's feed.
 *
 * <p>Thread-safe. Holds JTS spatial indexes (not serializable): a Flink function builds it in {@code open}.
 */
public final class RawRecordMapper {

    private static final Logger LOG = LoggerFactory.getLogger(RawRecordMapper.class);

    private final RecordDecoder decoder;
    private final Function<SourceRecord, List<TableRow>> rows;
    private final Function<SourceRecord, List<TableRow>> evidence;
    private final Runnable mapped;

    /**
     * @param rows a valid record's warehouse rows, ODS first: {@link OdsMapper#rows} (tests pass one that fails, to
     *             provoke the "mapping failed" dead letter)
     */
    public RawRecordMapper(RecordDecoder decoder, Function<SourceRecord, List<TableRow>> rows) {
        this(decoder, rows, r -> List.of());
    }

    /**
     * @param evidence a valid record's identity-evidence rows ({@link LinkEvidenceRows#rows}), written beside its rows
     */
    public RawRecordMapper(
            RecordDecoder decoder,
            Function<SourceRecord, List<TableRow>> rows,
            Function<SourceRecord, List<TableRow>> evidence) {
        this(decoder, rows, evidence, () -> {});
    }

    /**
     * @param mapped runs on the mapping thread after each valid record's rows and evidence, thrown or not: the
     *               {@link PersonKeys#forget} of the keys both share, so no clear number outlives its record
     */
    public RawRecordMapper(
            RecordDecoder decoder,
            Function<SourceRecord, List<TableRow>> rows,
            Function<SourceRecord, List<TableRow>> evidence,
            Runnable mapped) {
        this.decoder = decoder;
        this.rows = rows;
        this.evidence = evidence;
        this.mapped = mapped;
    }

    /** The district's validation and mapping with the given salt, with the phone-link evidence of each record. */
    public static RawRecordMapper standard(PiiProtector pii) {
        // one PersonKeys for both: a record's ODS row and its link evidence key the same card and phone
        PersonKeys keys = new PersonKeys(pii);
        return new RawRecordMapper(
                RecordDecoder.standard(),
                standardOdsMapper(keys)::rows,
                new LinkEvidenceRows(keys)::rows,
                keys::forget);
    }

    public static OdsMapper standardOdsMapper(PiiProtector pii) {
        return standardOdsMapper(new PersonKeys(pii));
    }

    /** The district's mapping with keys shared with the link evidence ({@link PersonKeys}). */
    public static OdsMapper standardOdsMapper(PersonKeys keys) {
        return new OdsMapper(keys, District.licheng(), CategoryCatalog.standard());
    }

    /** Decodes, validates and maps {@code json}, a record of {@code source}. */
    public LoadOutcome map(SourceType source, String json, RecordOrigin origin) {
        return map(source, json, List.of(), origin);
    }

    /**
     * Like {@link #map(SourceType, String, RecordOrigin)}, with problems found before decoding (a DataX column whose
     * date did not match its format): they come first, and the decoder's complaints about the same fields (now
     * missing) are dropped.
     */
    public LoadOutcome map(SourceType source, String json, List<Violation> earlier, RecordOrigin origin) {
        return map(decode(origin, () -> decoder.decode(source, json)), earlier, origin);
    }

    /**
     * Like {@link #map(SourceType, String, List, RecordOrigin)}, for a record held as a JSON object tree of the same
     * fields (the local DataX runner's: a CSV row paired with its field names), not as text: the same decoding, without
     * writing the text and parsing it again.
     */
    public LoadOutcome map(SourceType source, ObjectNode record, List<Violation> earlier, RecordOrigin origin) {
        return map(decode(origin, () -> decoder.decode(source, record)), earlier, origin);
    }

    private LoadOutcome map(Decoded<SourceRecord> decoded, List<Violation> earlier, RecordOrigin origin) {
        if (!earlier.isEmpty()) {
            decoded = merge(earlier, decoded);
        }
        if (!decoded.isValid()) {
            return deadLetter(origin, decoded);
        }
        List<TableRow> out;
        List<TableRow> links;
        try {
            out = rows.apply(decoded.value());
            links = evidence.apply(decoded.value());
        } catch (RuntimeException e) {
            String why = PiiProtector.redact(String.valueOf(e.getMessage()));
            LOG.warn("mapping {} failed although it passed validation: {}", origin.position(), why);
            return reject(origin, "$", "mapping failed: " + why);
        } finally {
            mapped.run();
        }
        TableRow ods = out.get(0);
        return new LoadOutcome(out, null, TableBuffer.key(WarehouseSchema.table(ods.table), ods), links);
    }

    /** A record rejected before decoding (not UTF-8, not a raw topic, unreadable line): its dead letter. */
    public static LoadOutcome reject(RecordOrigin origin, String field, String reason) {
        return deadLetter(origin, Decoded.rejected(List.of(new Violation(field, reason))));
    }

    private static LoadOutcome deadLetter(RecordOrigin origin, Decoded<?> rejected) {
        TableRow dlq = OdsMapper.deadLetter(
                origin.source(),
                origin.position(),
                origin.recordKey(),
                rejected,
                origin.payload(),
                origin.receivedTime());
        return new LoadOutcome(List.of(), dlq, origin.position());
    }

    private static Decoded<SourceRecord> decode(RecordOrigin origin, Supplier<Decoded<SourceRecord>> decoding) {
        try {
            return decoding.get();
        } catch (RuntimeException e) {
            // a decoder bug must not stop the feed; the dead letter keeps the record for a fixed replay
            LOG.warn("decoding {} failed unexpectedly", origin.position(), e);
            return Decoded.rejected(
                    List.of(new Violation("$", "decoding failed: " + PiiProtector.redact(String.valueOf(e)))));
        }
    }

    private static Decoded<SourceRecord> merge(List<Violation> earlier, Decoded<SourceRecord> decoded) {
        Set<String> fields = new HashSet<>();
        earlier.forEach(v -> fields.add(v.field()));
        List<Violation> all = new ArrayList<>(earlier);
        for (Violation v : decoded.violations()) {
            if (!fields.contains(v.field())) {
                all.add(v);
            }
        }
        return Decoded.rejected(all);
    }
}
