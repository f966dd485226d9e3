package org.gridgov.streaming.alerts.input;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.district.District;
import org.gridgov.common.identity.CompanyNames;
import org.gridgov.common.kafka.Topics;
import org.gridgov.common.model.CaseEvent;
import org.gridgov.common.model.HotlineCase;
import org.gridgov.common.model.Petition;
import org.gridgov.common.model.PoliceIncident;
import org.gridgov.common.model.SourceRecord;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.common.validation.Decoded;
import org.gridgov.common.validation.EventDecoder;
import org.gridgov.common.validation.RecordDecoder;
import org.gridgov.streaming.alerts.EventTimes;
import org.gridgov.streaming.job.TaskSecret;

/**
 * Turns one Kafka record of an input topic into an {@link InputEvent}: validated with the platform's decoders (the
 * same checks as the ODS loader), ID cards and phones replaced by salted person keys at once, so no clear PII goes
 * further than this method. Never throws: a bad record becomes a {@link InputKind#REJECTED} event with the reason.
 *
 * <p>Runs inside the Kafka source, because the event time it extracts drives per-partition watermarks there. The
 * record decoder holds JTS indexes that do not serialize: it is built on first use in each task.
 *
 * <p>The job's decoder ({@link #dwd()}) holds no salt: the dwd topics carry the loader's person keys and the registry
 * carries person keys too, so the alert job never computes one and does not need {@code GRIDGOV_PII_SALT} (least
 * privilege, issue 15). Only the raw reading ({@link #decode}: the benchmark's "before" path, tests) keys persons.
 */
public final class InputDecoder implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int MAX_REASON = 1000;

    /**
     * The raw topics the alert rules read before issue 15 (petitions, 12345 cases, police incidents, case lifecycle
     * events): the benchmark's "before" path and tests of the full decoder. The job reads {@link #DWD_TOPICS}.
     */
    public static final List<String> TOPICS = List.of(
            Topics.raw(SourceType.PETITION).name(),
            Topics.raw(SourceType.HOTLINE).name(),
            Topics.raw(SourceType.POLICE).name(),
            Topics.CASE_EVENTS.name());

    /**
     * What the alert job reads since issue 15 ("validate once"): the loader's conformed petitions, 12345 cases and
     * police incidents (Avro, no clear PII: this job never sees an ID card number) and the case lifecycle events.
     */
    public static final List<String> DWD_TOPICS = List.of(
            Topics.dwd(SourceType.PETITION).name(),
            Topics.dwd(SourceType.HOTLINE).name(),
            Topics.dwd(SourceType.POLICE).name(),
            Topics.CASE_EVENTS.name());

    /** Null for the job's dwd reader, which computes no person key. */
    private final TaskSecret<PiiProtector> piiSource;

    private final Clock clock;
    private transient RecordDecoder decoder;
    private transient PiiProtector pii;

    /** With a given protector (tests, benchmarks): its salt is serialised with the decoder. */
    public InputDecoder(PiiProtector pii) {
        this(pii, null);
    }

    /** With a fixed clock for the decoder's "not in the future" checks (tests with fixed dates); null = system. */
    public InputDecoder(PiiProtector pii, Clock clock) {
        this(TaskSecret.given(Objects.requireNonNull(pii)), clock);
    }

    private InputDecoder(TaskSecret<PiiProtector> pii, Clock clock) {
        this.piiSource = pii;
        this.clock = clock;
    }

    /**
     * The job's: reads the dwd topics and case events ({@link #decodeDwd}), which need no salt. A raw record given to
     * its {@link #decode} is rejected (it cannot compute person keys).
     */
    public static InputDecoder dwd() {
        return new InputDecoder((TaskSecret<PiiProtector>) null, null);
    }

    public InputEvent decode(String topic, int partition, long offset, long kafkaTimestamp, String key, byte[] value) {
        InputEvent e = new InputEvent();
        e.inputId = topic + ":" + partition + ":" + offset;
        e.topic = topic;
        e.receivedTime = kafkaTimestamp;
        e.eventTime = kafkaTimestamp;
        try {
            if (value == null) {
                return reject(e, key, "$: no value (tombstone)");
            }
            String json = utf8(value);
            if (json == null) {
                return reject(e, key, "$: value is not valid UTF-8 (wrong encoding at the source?)");
            }
            if (Topics.CASE_EVENTS.name().equals(topic)) {
                return caseEvent(e, key, EventDecoder.caseEvent(json));
            }
            SourceType source;
            try {
                source = SourceType.ofTopic(topic);
            } catch (IllegalArgumentException x) {
                return reject(e, key, "$: not an input topic of the alert job: " + topic);
            }
            if (!TOPICS.contains(topic)) {
                return reject(e, key, "$: no alert rule reads " + topic);
            }
            Decoded<SourceRecord> d = decoder().decode(source, json);
            if (!d.isValid()) {
                return reject(e, key, d.reason());
            }
            return record(e, key, d.value());
        } catch (RuntimeException x) {
            // a decoder bug must not stop the alerts; the row keeps the position for a fixed replay
            return reject(e, key, "$: decoding failed: " + x);
        }
    }

    /**
     * One record of {@link #DWD_TOPICS}: a dwd record is the loader's, already validated and keyed, and becomes an
     * event with no check beyond its schema, read with only the fields the rules use ({@link DwdEventReader}); its
     * input id is the raw record's position (so dead-letter and late rows keep their ids), plus the loader's 重复来电
     * marking of a 12345 call. Bytes that are no dwd record of a known schema are a rejected event. Case lifecycle
     * events are decoded as by {@link #decode}. Never throws.
     */
    public InputEvent decodeDwd(
            String topic, int partition, long offset, long kafkaTimestamp, String key, byte[] value) {
        if (Topics.CASE_EVENTS.name().equals(topic)) {
            return decode(topic, partition, offset, kafkaTimestamp, key, value);
        }
        if (value != null && DWD_TOPICS.contains(topic)) {
            try {
                InputEvent e = DwdEventReader.read(value);
                if (e.kind != InputKind.REJECTED) {
                    return e;
                }
                return reject(e, e.recordId, e.reason);
            } catch (DwdEventReader.NotADwdRecord x) {
                return reject(positioned(topic, partition, offset, kafkaTimestamp), key, "$: " + x.getMessage());
            }
        }
        InputEvent e = positioned(topic, partition, offset, kafkaTimestamp);
        return reject(
                e, key, value == null ? "$: no value (tombstone)" : "$: not an input topic of the alert job: " + topic);
    }

    /** An event that knows only where it was read (a record that is rejected before its content is known). */
    private static InputEvent positioned(String topic, int partition, long offset, long kafkaTimestamp) {
        InputEvent e = new InputEvent();
        e.inputId = topic + ":" + partition + ":" + offset;
        e.topic = topic;
        e.receivedTime = kafkaTimestamp;
        e.eventTime = kafkaTimestamp;
        return e;
    }

    private InputEvent record(InputEvent e, String key, SourceRecord r) {
        e.recordId = r.recordId();
        e.eventTime = EventTimes.millis(r.eventTime());
        if (r instanceof Petition p) {
            e.kind = InputKind.PETITION;
            e.personKey = pii().personKey(p.personIdCard(), p.personPhone());
            e.categoryCode = p.categoryCode();
            // one company however a source spaced or parenthesised it: group petitions are counted per company
            e.companyName = CompanyNames.canonical(p.companyName());
        } else if (r instanceof HotlineCase c) {
            e.kind = InputKind.HOTLINE;
            e.personKey = pii().personKey(c.callerIdCard(), c.callerPhone());
            e.categoryCode = c.categoryCode();
            e.acceptTime = EventTimes.millis(c.acceptTime());
            e.deadline = EventTimes.millis(c.deadline());
            e.replyTime = EventTimes.millis(c.replyTime());
            e.closeTime = EventTimes.millis(c.closeTime());
        } else if (r instanceof PoliceIncident i) {
            e.kind = InputKind.POLICE;
            e.personKey = pii().personKey(i.personIdCard(), i.personPhone());
        } else {
            return reject(e, key, "$: no alert rule reads " + r.source());
        }
        return e;
    }

    private static InputEvent caseEvent(InputEvent e, String key, Decoded<CaseEvent> d) {
        if (!d.isValid()) {
            return reject(e, key, d.reason());
        }
        CaseEvent c = d.value();
        e.kind = InputKind.CASE_EVENT;
        e.recordId = c.eventId();
        e.caseId = c.caseId();
        e.origin = c.origin();
        e.caseEventType = c.type().name();
        e.eventTime = EventTimes.millis(c.eventTime());
        e.deadline = EventTimes.millis(c.deadline());
        e.responseDeadline = EventTimes.millis(c.responseDeadline());
        return e;
    }

    private static InputEvent reject(InputEvent e, String key, String reason) {
        e.kind = InputKind.REJECTED;
        // the Kafka key is the record id, but a broken record's key may be anything: redacted, shortened
        e.recordId = key == null ? null : truncate(PiiProtector.redact(key), 64);
        e.reason = truncate(PiiProtector.redact(reason), MAX_REASON);
        return e;
    }

    private PiiProtector pii() {
        if (pii == null) {
            if (piiSource == null) {
                throw new IllegalStateException("the dwd reader holds no salt and reads no raw record");
            }
            pii = piiSource.get();
        }
        return pii;
    }

    private RecordDecoder decoder() {
        if (decoder == null) {
            decoder = clock == null
                    ? RecordDecoder.standard()
                    : new RecordDecoder(District.licheng(), CategoryCatalog.standard(), clock);
        }
        return decoder;
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /**
     * The text of strict UTF-8 bytes, or null when they are not UTF-8. The JDK's lenient decoding is much faster and
     * only differs when it had to replace something, which leaves U+FFFD; only then is the strict decoder asked
     * (a record may also contain a genuine U+FFFD).
     */
    static String utf8(byte[] bytes) {
        String lenient = new String(bytes, StandardCharsets.UTF_8);
        if (lenient.indexOf('\uFFFD') < 0) {
            return lenient;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
