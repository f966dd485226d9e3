package org.gridgov.streaming.alerts.input;

import java.io.IOException;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.gridgov.streaming.alerts.EventTimes;

/**
 * What the overdue-case rule learns about a case: a {@link Type#SNAPSHOT} (a 12345 case as its platform exports it:
 * accept time, deadline, and the reply and close times reached so far) or one lifecycle step from
 * {@code case.events}. Keyed by case id.
 */
@TypeInfo(CaseSignal.Factory.class)
public final class CaseSignal {

    /** Written field by field, strings as UTF-8 blocks ({@link CompactType}): crosses the keyBy case shuffle. */
    static final CompactType.Codec<CaseSignal> CODEC = new CompactType.Codec<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public CaseSignal create() {
            return new CaseSignal();
        }

        @Override
        public CaseSignal copy(CaseSignal f) {
            CaseSignal s = new CaseSignal();
            s.caseId = f.caseId;
            s.origin = f.origin;
            s.type = f.type;
            s.time = f.time;
            s.acceptTime = f.acceptTime;
            s.deadline = f.deadline;
            s.replyTime = f.replyTime;
            s.closeTime = f.closeTime;
            s.responseDeadline = f.responseDeadline;
            s.recordId = f.recordId;
            s.inputId = f.inputId;
            s.topic = f.topic;
            s.receivedTime = f.receivedTime;
            return s;
        }

        @Override
        public void write(CaseSignal s, DataOutputView out) throws IOException {
            CompactType.writeString(s.caseId, out);
            CompactType.writeString(s.origin, out);
            CompactType.writeEnum(s.type, out);
            out.writeLong(s.time);
            out.writeLong(s.acceptTime);
            out.writeLong(s.deadline);
            out.writeLong(s.replyTime);
            out.writeLong(s.closeTime);
            out.writeLong(s.responseDeadline);
            CompactType.writeString(s.recordId, out);
            CompactType.writeString(s.inputId, out);
            CompactType.writeString(s.topic, out);
            out.writeLong(s.receivedTime);
        }

        @Override
        public CaseSignal read(DataInputView in) throws IOException {
            CaseSignal s = new CaseSignal();
            s.caseId = CompactType.readString(in);
            s.origin = CompactType.readString(in);
            s.type = CompactType.readEnum(TYPES, in);
            s.time = in.readLong();
            s.acceptTime = in.readLong();
            s.deadline = in.readLong();
            s.replyTime = in.readLong();
            s.closeTime = in.readLong();
            s.responseDeadline = in.readLong();
            s.recordId = CompactType.readString(in);
            s.inputId = CompactType.readString(in);
            s.topic = CompactType.readString(in);
            s.receivedTime = in.readLong();
            return s;
        }
    };

    private static final Type[] TYPES = Type.values();

    /** Flink's type for it (found through {@link TypeInfo}). */
    public static final class Factory extends TypeInfoFactory<CaseSignal> {
        @Override
        public TypeInformation<CaseSignal> createTypeInfo(
                java.lang.reflect.Type t, Map<String, TypeInformation<?>> generics) {
            return new CompactType<>(CaseSignal.class, CODEC);
        }
    }

    public enum Type {
        SNAPSHOT,
        CREATED,
        CLOSED,
        PAUSED,
        RESUMED,
        RESPONDED,
        MERGED,
        UNMERGED,
        OTHER
    }

    public String caseId;
    public String origin;
    public Type type;
    /** Event time: the accept time of a snapshot, the step's time of a lifecycle event. */
    public long time;

    public long acceptTime = EventTimes.NONE;
    public long deadline = EventTimes.NONE;
    public long replyTime = EventTimes.NONE;
    public long closeTime = EventTimes.NONE;
    /** The 接诉即办 response deadline a case-service event states; NONE without one (and for 12345 snapshots). */
    public long responseDeadline = EventTimes.NONE;
    /** The 12345 case id of a snapshot, the event id of a lifecycle event. */
    public String recordId;

    public String inputId;
    public String topic;
    public long receivedTime;

    public CaseSignal() {}

    /** The latest moment this signal proves the case has lived to. */
    public long latestKnown() {
        return Math.max(time, Math.max(replyTime, closeTime));
    }

    static CaseSignal of(InputEvent in) {
        CaseSignal s = new CaseSignal();
        s.inputId = in.inputId;
        s.topic = in.topic;
        s.receivedTime = in.receivedTime;
        s.time = in.eventTime;
        if (in.kind == InputKind.HOTLINE) {
            s.caseId = in.recordId;
            s.origin = "hotline";
            s.type = Type.SNAPSHOT;
            s.acceptTime = in.acceptTime;
            s.deadline = in.deadline;
            s.replyTime = in.replyTime;
            s.closeTime = in.closeTime;
            s.recordId = in.recordId;
        } else {
            s.caseId = in.caseId;
            s.origin = in.origin;
            s.type = switch (in.caseEventType) {
                case "CREATED" -> Type.CREATED;
                case "CLOSED", "CONVERTED_TO_DISPUTE" -> Type.CLOSED;
                case "PAUSED" -> Type.PAUSED;
                case "RESUMED" -> Type.RESUMED;
                case "RESPONDED" -> Type.RESPONDED;
                case "MERGED" -> Type.MERGED;
                case "UNMERGED" -> Type.UNMERGED;
                default -> Type.OTHER;
            };
            s.deadline = in.deadline;
            s.responseDeadline = in.responseDeadline;
            s.recordId = in.recordId;
        }
        return s;
    }

    @Override
    public String toString() {
        return "CaseSignal[" + caseId + " " + type + " @" + time + "]";
    }
}
