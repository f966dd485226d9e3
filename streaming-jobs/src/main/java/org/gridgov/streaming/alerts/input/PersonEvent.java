package org.gridgov.streaming.alerts.input;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Something a person did, keyed by the salted person key: a petition, a 12345 call or a police incident. Petitions
 * naming a company also travel keyed by company to the group-petition rule.
 */
@TypeInfo(PersonEvent.Factory.class)
public final class PersonEvent {

    /** Written field by field, strings as UTF-8 blocks ({@link CompactType}): crosses two keyBy shuffles. */
    static final CompactType.Codec<PersonEvent> CODEC = new CompactType.Codec<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public PersonEvent create() {
            return new PersonEvent();
        }

        @Override
        public PersonEvent copy(PersonEvent f) {
            PersonEvent e = new PersonEvent(f.personKey, f.kind, f.recordId, f.time, f.categoryCode, f.companyName);
            e.problemId = f.problemId;
            e.inputId = f.inputId;
            e.topic = f.topic;
            e.receivedTime = f.receivedTime;
            return e;
        }

        @Override
        public void write(PersonEvent e, DataOutputView out) throws IOException {
            CompactType.writeString(e.personKey, out);
            CompactType.writeEnum(e.kind, out);
            CompactType.writeString(e.recordId, out);
            out.writeLong(e.time);
            CompactType.writeString(e.categoryCode, out);
            CompactType.writeString(e.companyName, out);
            CompactType.writeString(e.problemId, out);
            CompactType.writeString(e.inputId, out);
            CompactType.writeString(e.topic, out);
            out.writeLong(e.receivedTime);
        }

        @Override
        public PersonEvent read(DataInputView in) throws IOException {
            PersonEvent e = new PersonEvent();
            e.personKey = CompactType.readString(in);
            e.kind = CompactType.readEnum(KINDS, in);
            e.recordId = CompactType.readString(in);
            e.time = in.readLong();
            e.categoryCode = CompactType.readString(in);
            e.companyName = CompactType.readString(in);
            e.problemId = CompactType.readString(in);
            e.inputId = CompactType.readString(in);
            e.topic = CompactType.readString(in);
            e.receivedTime = in.readLong();
            return e;
        }
    };

    private static final Kind[] KINDS = Kind.values();

    /** Flink's type for it (found through {@link TypeInfo}). */
    public static final class Factory extends TypeInfoFactory<PersonEvent> {
        @Override
        public TypeInformation<PersonEvent> createTypeInfo(Type t, Map<String, TypeInformation<?>> generics) {
            return new CompactType<>(PersonEvent.class, CODEC);
        }
    }

    public enum Kind {
        PETITION,
        CALL,
        POLICE
    }

    public String personKey;
    public Kind kind;
    public String recordId;
    public long time;
    public String categoryCode;
    public String companyName;
    /**
     * The problem a call is about: the loader's master case for a repeat call of an open problem, else the call's
     * own id (null for petitions and incidents). repeat_call counts problems, not calls.
     */
    public String problemId;

    public String inputId;
    public String topic;
    public long receivedTime;

    public PersonEvent() {}

    public PersonEvent(
            String personKey, Kind kind, String recordId, long time, String categoryCode, String companyName) {
        this.personKey = personKey;
        this.kind = kind;
        this.recordId = recordId;
        this.time = time;
        this.categoryCode = categoryCode;
        this.companyName = companyName;
    }

    static PersonEvent of(InputEvent in, Kind kind) {
        PersonEvent e = new PersonEvent(in.personKey, kind, in.recordId, in.eventTime, in.categoryCode, in.companyName);
        e.inputId = in.inputId;
        if (kind == Kind.CALL) {
            e.problemId = in.masterCaseId != null ? in.masterCaseId : in.recordId;
        }
        e.topic = in.topic;
        e.receivedTime = in.receivedTime;
        return e;
    }

    @Override
    public String toString() {
        return "PersonEvent[" + kind + " " + recordId + " @" + time + "]";
    }
}
