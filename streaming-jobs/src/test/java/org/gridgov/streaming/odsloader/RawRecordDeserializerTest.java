package org.gridgov.streaming.odsloader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gridgov.warehouse.TableRow;
import org.junit.jupiter.api.Test;

class RawRecordDeserializerTest {

    private static RawRecord deserialize(byte[] key, byte[] value) {
        List<RawRecord> out = new ArrayList<>();
        new RawRecordDeserializer()
                .deserialize(new ConsumerRecord<>("raw.hotline", 1, 42L, key, value), new Collector<>() {
                    @Override
                    public void collect(RawRecord r) {
                        out.add(r);
                    }

                    @Override
                    public void close() {}
                });
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    @Test
    void chineseUtf8PassesThroughUnchanged() {
        RawRecord r = deserialize(TestRecords.utf8("RX1"), TestRecords.utf8("{\"content\":\"暖气不热\"}"));
        assertThat(r.value).isEqualTo("{\"content\":\"暖气不热\"}");
        assertThat(r.key).isEqualTo("RX1");
        assertThat(r.malformedUtf8).isFalse();
        assertThat(r.position()).isEqualTo("raw.hotline:1:42");
    }

    @Test
    void gbkBytesStillArriveButAreFlagged() {
        RawRecord r = deserialize(null, TestRecords.gbk(2));
        assertThat(r.malformedUtf8).isTrue();
        assertThat(r.value).contains("\uFFFD");
        assertThat(r.key).isNull();
    }

    @Test
    void tombstoneIsARecordWithNullValue() {
        RawRecord r = deserialize(TestRecords.utf8("k"), null);
        assertThat(r.value).isNull();
        assertThat(r.malformedUtf8).isFalse();
    }

    @Test
    void recordTypesArePojosSoGenericTypesCanStayDisabled() {
        assertThat(new RawRecordDeserializer().getProducedType()).isInstanceOf(PojoTypeInfo.class);
        assertThat(TypeInformation.of(TableRow.class)).isInstanceOf(PojoTypeInfo.class);
    }
}
