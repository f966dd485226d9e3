package org.gridgov.streaming.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.common.validation.IdCardNumber;
import org.gridgov.streaming.alerts.input.InputDecoder;
import org.gridgov.streaming.alerts.input.InputEvent;
import org.gridgov.streaming.alerts.input.InputKind;
import org.junit.jupiter.api.Test;

/** The benchmark's synthetic records are valid, so it measures the job, not the dead-letter path. */
class BenchRecordsTest {

    @Test
    void everyKindOfRecordPassesTheJobsValidation() {
        BenchRecords records = new BenchRecords(300_000);
        InputDecoder decoder = new InputDecoder(new PiiProtector("bench-test-salt-0123456789"));
        LocalDateTime t = LocalDateTime.of(2024, 3, 5, 14, 30, 7);
        Map<SourceType, Integer> kinds = new EnumMap<>(SourceType.class);
        for (long i = 0; i < 2_000; i++) {
            SourceType s = records.source(i);
            kinds.merge(s, 1, Integer::sum);
            byte[] json = records.json(i, s, records.person(i), t, BenchRecords.closedOnTime(i))
                    .getBytes(StandardCharsets.UTF_8);
            InputEvent e = decoder.decode(s.rawTopic(), 0, i, 0, records.id(i), json);
            assertThat(e.kind).as(e.reason).isNotEqualTo(InputKind.REJECTED);
            assertThat(e.personKey).hasSize(32);
        }
        assertThat(kinds.get(SourceType.HOTLINE)).isBetween(1_300, 1_500);
        assertThat(kinds.get(SourceType.POLICE)).isBetween(300, 500);
        assertThat(kinds.get(SourceType.PETITION)).isBetween(100, 300);
    }

    @Test
    void idCardsAndPhonesAreRealLooking() {
        for (int p : new int[] {0, 7, 999, 1_000, 123_456, 299_999}) {
            assertThat(BenchRecords.idCard(p))
                    .isEqualTo(
                            IdCardNumber.of("370112", LocalDate.of(1950, 1, 1).plusDays(p / 1000), p % 1000));
            assertThat(IdCardNumber.isValid(BenchRecords.idCard(p))).isTrue();
            assertThat(BenchRecords.phone(p)).hasSize(11).startsWith("139");
        }
    }
}
