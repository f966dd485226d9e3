package org.gridgov.streaming.alerts.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.java.typeutils.runtime.PojoSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class CompactTypeTest {

    @Test
    void personEventsSurviveTheShuffleFieldForField() throws Exception {
        PersonEvent e =
                new PersonEvent("k3f9a", PersonEvent.Kind.PETITION, "BX17", 1_700_000_000_000L, "C07", "济南（历城）建工集团");
        e.inputId = "dwd.petition:1:42";
        e.topic = "dwd.petition";
        e.receivedTime = 1_700_000_001_000L;
        PersonEvent call = new PersonEvent("k1", PersonEvent.Kind.CALL, "BH9", 5L, null, null);
        call.problemId = "BH3";
        for (PersonEvent x : new PersonEvent[] {e, call, new PersonEvent()}) {
            PersonEvent back = roundTrip(TypeInformation.of(PersonEvent.class), x);
            assertThat(back).usingRecursiveComparison().isEqualTo(x);
            assertThat(back).isNotSameAs(x);
            assertThat(TypeInformation.of(PersonEvent.class)
                            .createSerializer(new SerializerConfigImpl())
                            .copy(x))
                    .usingRecursiveComparison()
                    .isEqualTo(x);
        }
    }

    @Test
    void caseSignalsSurviveTheShuffleFieldForField() throws Exception {
        CaseSignal s = new CaseSignal();
        s.caseId = "C-2024-001";
        s.origin = "case-service";
        s.type = CaseSignal.Type.UNMERGED;
        s.time = 10L;
        s.deadline = 20L;
        s.responseDeadline = 15L;
        s.recordId = "ev-9";
        s.inputId = "case.events:0:3";
        s.topic = "case.events";
        s.receivedTime = 11L;
        for (CaseSignal x : new CaseSignal[] {s, new CaseSignal()}) {
            assertThat(roundTrip(TypeInformation.of(CaseSignal.class), x))
                    .usingRecursiveComparison()
                    .isEqualTo(x);
        }
    }

    @Test
    void aRestoredSerializerIsCompatibleAsIs() throws Exception {
        TypeSerializer<PersonEvent> ser =
                TypeInformation.of(PersonEvent.class).createSerializer(new SerializerConfigImpl());
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, ser.snapshotConfiguration());
        TypeSerializerSnapshot<PersonEvent> read = TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());
        assertThat(read.restoreSerializer()).isEqualTo(ser);
        assertThat(ser.snapshotConfiguration().resolveSchemaCompatibility(read).isCompatibleAsIs())
                .isTrue();
    }

    @Test
    void pendingEventsCheckpointedByThePojoSerializerAreMigrated() throws Exception {
        // what a checkpoint taken before CompactType holds for the waiting events: Flink's POJO serializer
        Map<String, TypeInformation<?>> fields = new LinkedHashMap<>();
        for (Field f : PersonEvent.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                fields.put(
                        f.getName(),
                        f.getType() == long.class
                                ? Types.LONG
                                : f.getType() == String.class ? Types.STRING : Types.ENUM(PersonEvent.Kind.class));
            }
        }
        TypeSerializer<PersonEvent> pojo =
                Types.POJO(PersonEvent.class, fields).createSerializer(new SerializerConfigImpl());
        assertThat(pojo).isInstanceOf(PojoSerializer.class);
        TypeSerializer<PersonEvent> compact =
                TypeInformation.of(PersonEvent.class).createSerializer(new SerializerConfigImpl());
        assertThat(compact.snapshotConfiguration()
                        .resolveSchemaCompatibility(pojo.snapshotConfiguration())
                        .isCompatibleAfterMigration())
                .isTrue();
        // and the old bytes still read as the same event
        PersonEvent e = new PersonEvent("k1", PersonEvent.Kind.POLICE, "BJ1", 7L, null, null);
        DataOutputSerializer out = new DataOutputSerializer(64);
        pojo.serialize(e, out);
        assertThat(pojo.deserialize(new DataInputDeserializer(out.getCopyOfBuffer())))
                .usingRecursiveComparison()
                .isEqualTo(e);
    }

    private static <T> T roundTrip(TypeInformation<T> info, T value) throws Exception {
        TypeSerializer<T> ser = info.createSerializer(new SerializerConfigImpl());
        DataOutputSerializer out = new DataOutputSerializer(64);
        ser.serialize(value, out);
        ser.serialize(value, out);
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        T first = ser.deserialize(in);
        assertThat(first).usingRecursiveComparison().isEqualTo(ser.deserialize(in));
        assertThat(in.available()).isZero();
        return first;
    }
}
