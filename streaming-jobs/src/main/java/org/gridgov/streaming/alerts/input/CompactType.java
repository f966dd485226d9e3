package org.gridgov.streaming.alerts.input;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.java.typeutils.runtime.PojoSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A hand-written Flink type for the events that cross the alert job's keyBy shuffles ({@link PersonEvent},
 * {@link CaseSignal}; issue 15). The POJO serializer writes every field through reflection and every string char by
 * char ({@code StringValue.writeString}): in the JFR profile of the alert benchmark string writing was the largest
 * single frame. Here fields are written in a fixed order, strings as UTF-8 bytes in one block (the JDK's intrinsic
 * fast path for ASCII, which person keys, ids and codes are). The layout is versioned by the serializer snapshot.
 *
 * @param <T> the event class
 */
public final class CompactType<T> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private final Codec<T> codec;

    /** How one event class is made, copied, written and read. Stateless. */
    public interface Codec<T> extends java.io.Serializable {
        T create();

        T copy(T from);

        void write(T value, DataOutputView out) throws IOException;

        T read(DataInputView in) throws IOException;
    }

    public CompactType(Class<T> type, Codec<T> codec) {
        this.type = Objects.requireNonNull(type);
        this.codec = Objects.requireNonNull(codec);
    }

    // ---- field helpers ------------------------------------------------------------------------------------------

    /** A string, null allowed: its UTF-8 length (-1 for null) and bytes. */
    /** Per thread: serializers are used by one task thread at a time, and a read finishes before the next. */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[256]);

    public static void writeString(String s, DataOutputView out) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    public static String readString(DataInputView in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        // read into this thread's scratch block: the String copies what it keeps, so a byte[] per string was
        // garbage (about a tenth of the alert job's allocated bytes in the benchmark's profile)
        byte[] b = SCRATCH.get();
        if (b.length < n) {
            b = new byte[Math.max(n, 2 * b.length)];
            SCRATCH.set(b);
        }
        in.readFully(b, 0, n);
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }

    /** An enum constant, null allowed, by ordinal (constants are only ever appended). */
    public static void writeEnum(Enum<?> e, DataOutputView out) throws IOException {
        out.writeByte(e == null ? -1 : e.ordinal());
    }

    public static <E extends Enum<E>> E readEnum(E[] values, DataInputView in) throws IOException {
        int i = in.readByte();
        return i < 0 ? null : values[i];
    }

    // ---- TypeInformation --------------------------------------------------------------------------------------

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<T> getTypeClass() {
        return type;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return new Serializer<>(type, codec);
    }

    @Override
    @Deprecated
    public TypeSerializer<T> createSerializer(ExecutionConfig config) {
        return new Serializer<>(type, codec);
    }

    @Override
    public String toString() {
        return "CompactType<" + type.getSimpleName() + ">";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompactType<?> c && c.type == type;
    }

    @Override
    public int hashCode() {
        return type.hashCode();
    }

    @Override
    public boolean canEqual(Object o) {
        return o instanceof CompactType;
    }

    /** The serializer: stateless, so one instance may be shared by threads. */
    public static final class Serializer<T> extends TypeSerializer<T> {
        private static final long serialVersionUID = 1L;

        private final Class<T> type;
        private final Codec<T> codec;

        Serializer(Class<T> type, Codec<T> codec) {
            this.type = type;
            this.codec = codec;
        }

        @Override
        public boolean isImmutableType() {
            return false;
        }

        @Override
        public TypeSerializer<T> duplicate() {
            return this;
        }

        @Override
        public T createInstance() {
            return codec.create();
        }

        @Override
        public T copy(T from) {
            return from == null ? null : codec.copy(from);
        }

        @Override
        public T copy(T from, T reuse) {
            return copy(from);
        }

        @Override
        public int getLength() {
            return -1;
        }

        @Override
        public void serialize(T value, DataOutputView out) throws IOException {
            codec.write(value, out);
        }

        @Override
        public T deserialize(DataInputView in) throws IOException {
            return codec.read(in);
        }

        @Override
        public T deserialize(T reuse, DataInputView in) throws IOException {
            return codec.read(in);
        }

        @Override
        public void copy(DataInputView in, DataOutputView out) throws IOException {
            codec.write(codec.read(in), out);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Serializer<?> s && s.type == type;
        }

        @Override
        public int hashCode() {
            return type.hashCode();
        }

        @Override
        public TypeSerializerSnapshot<T> snapshotConfiguration() {
            if (type == PersonEvent.class) {
                @SuppressWarnings("unchecked")
                TypeSerializerSnapshot<T> s = (TypeSerializerSnapshot<T>) new PersonEventSnapshot();
                return s;
            }
            if (type == CaseSignal.class) {
                @SuppressWarnings("unchecked")
                TypeSerializerSnapshot<T> s = (TypeSerializerSnapshot<T>) new CaseSignalSnapshot();
                return s;
            }
            throw new IllegalStateException("no serializer snapshot for " + type);
        }
    }

    /**
     * Restores the serializer of {@link PersonEvent} (needs a public no-argument constructor). The events waiting for
     * the watermark in a checkpoint taken before this type existed were written by Flink's POJO serializer (the
     * class keeps its public fields): those are read with it and migrated, so a job restores across the change.
     */
    public static final class PersonEventSnapshot extends SimpleTypeSerializerSnapshot<PersonEvent> {
        public PersonEventSnapshot() {
            super(supplier(PersonEvent.class, PersonEvent.CODEC));
        }

        @Override
        public TypeSerializerSchemaCompatibility<PersonEvent> resolveSchemaCompatibility(
                TypeSerializerSnapshot<PersonEvent> old) {
            return old instanceof PojoSerializerSnapshot
                    ? TypeSerializerSchemaCompatibility.compatibleAfterMigration()
                    : super.resolveSchemaCompatibility(old);
        }
    }

    /** Restores the serializer of {@link CaseSignal}; migrates POJO-written ones like {@link PersonEventSnapshot}. */
    public static final class CaseSignalSnapshot extends SimpleTypeSerializerSnapshot<CaseSignal> {
        public CaseSignalSnapshot() {
            super(supplier(CaseSignal.class, CaseSignal.CODEC));
        }

        @Override
        public TypeSerializerSchemaCompatibility<CaseSignal> resolveSchemaCompatibility(
                TypeSerializerSnapshot<CaseSignal> old) {
            return old instanceof PojoSerializerSnapshot
                    ? TypeSerializerSchemaCompatibility.compatibleAfterMigration()
                    : super.resolveSchemaCompatibility(old);
        }
    }

    private static <T> Supplier<TypeSerializer<T>> supplier(Class<T> type, Codec<T> codec) {
        return () -> new Serializer<>(type, codec);
    }
}
