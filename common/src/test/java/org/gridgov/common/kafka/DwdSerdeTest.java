package org.gridgov.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.gridgov.common.model.DwdRecord;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.validation.Decoded;
import org.junit.jupiter.api.Test;

class DwdSerdeTest {

    private static final DwdRecord CALL = new DwdRecord(
            SourceType.HOTLINE,
            "RX-2024-000123",
            "raw.hotline:1:42",
            1_700_000_000_000L,
            1_700_000_100_000L,
            "0123456789abcdef0123456789abcdef",
            "0301",
            null,
            "G0102",
            "S01",
            1_700_000_100_000L,
            1_700_500_000_000L,
            null,
            null,
            "OPEN",
            "RX-2024-000100");
    private static final DwdRecord PETITION = new DwdRecord(
            SourceType.PETITION,
            "XF-1",
            "raw.petition:0:7",
            1_700_000_000_000L,
            1_699_999_000_000L,
            "fedcba9876543210fedcba9876543210",
            "0701",
            "历城建设（集团）有限公司",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);

    private final DwdSerde serde = (DwdSerde) Topics.dwd(SourceType.HOTLINE).valueSerde();

    @Test
    void recordsRoundTripWithEveryFieldIncludingNullsAndChineseText() {
        for (DwdRecord r : new DwdRecord[] {CALL, PETITION}) {
            byte[] bytes = serde.serialize("dwd." + r.source().code(), r);
            assertThat(serde.deserialize("dwd." + r.source().code(), bytes)).isEqualTo(r);
        }
        assertThat(CALL.duplicate()).isTrue();
        assertThat(CALL.problemId()).isEqualTo("RX-2024-000100");
        assertThat(PETITION.problemId()).isEqualTo("XF-1");
        assertThat(serde.serialize("dwd.hotline", null)).isNull();
    }

    @Test
    void everyMessageNamesItsSchemaByTheAvroSingleObjectHeader() {
        byte[] bytes = serde.serialize("dwd.hotline", CALL);
        // Avro specification, "Single-object encoding": C3 01, then the schema's CRC-64-AVRO fingerprint little-endian
        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong())
                .isEqualTo(DwdSerde.fingerprint());
        // compact: far below the JSON the raw topic carries for the same call
        assertThat(bytes.length).isLessThan(200);
    }

    @Test
    void bytesOfAnUnknownSchemaOrNoAvroAtAllAreRejectedWithAReason() {
        byte[] bytes = serde.serialize("dwd.hotline", CALL);
        byte[] otherSchema = bytes.clone();
        otherSchema[5] ^= 0x5A; // another fingerprint: a writer schema this reader does not know
        Decoded<DwdRecord> unknown = serde.decode(otherSchema);
        assertThat(unknown.isValid()).isFalse();
        assertThat(unknown.reason()).contains("not a dwd record of a known schema");
        assertThat(serde.decode("{\"case_id\":\"RX-1\"}".getBytes()).isValid()).isFalse();
        assertThat(serde.decode(Arrays.copyOf(bytes, 14)).isValid())
                .as("truncated")
                .isFalse();
        assertThatThrownBy(() -> serde.deserialize("dwd.hotline", otherSchema))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("dwd.hotline");
    }
}
