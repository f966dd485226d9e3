package org.gridgov.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.YearMonth;
import java.util.Arrays;
import org.gridgov.common.district.District;
import org.gridgov.common.json.Json;
import org.gridgov.common.model.SourceRecord;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.validation.IdCardNumber;
import org.gridgov.common.validation.PhoneNumber;
import org.junit.jupiter.api.Test;

/** Guards the promises other modules rely on when they reuse the fixture. */
class SampleRecordsTest {

    @Test
    void everySampleIsInJanuary2024InsideItsGridAndValid() {
        for (SourceType s : SourceType.values()) {
            SourceRecord r = SampleRecords.sample(s);
            assertThat(r.source()).isEqualTo(s);
            assertThat(YearMonth.from(r.eventTime())).as(s.name()).isEqualTo(YearMonth.of(2024, 1));
            assertThat(r.eventTime()).isBefore(SampleRecords.NOW);
            assertThat(District.licheng().locate(r.latitude(), r.longitude()))
                    .as(s.name())
                    .hasValueSatisfying(g -> assertThat(g.code()).isEqualTo(SampleRecords.GRID_CODE));
            assertThat(SampleRecords.decoder().decode(s, SampleRecords.json(s)).violations())
                    .as(s.name())
                    .isEmpty();
        }
    }

    @Test
    void jsonIsSnakeCaseWithExportTimesAndIsStable() {
        assertThat(SampleRecords.hotlineJson())
                .isEqualTo(Json.write(SampleRecords.hotline()))
                .isEqualTo(SampleRecords.json(SourceType.HOTLINE))
                .contains(
                        "\"case_id\":\"RX202401150001\"",
                        "\"caller_id_card\":",
                        "\"channel\":\"PHONE\"",
                        "\"accept_time\":\"2024-01-15 09:30:00\"");
    }

    @Test
    void peopleHaveValidDistinctNumbers() {
        for (String id : new String[] {
            SampleRecords.CALLER_ID_CARD,
            SampleRecords.PETITIONER_ID_CARD,
            SampleRecords.COMPLAINANT_ID_CARD,
            SampleRecords.POLICE_PERSON_ID_CARD
        }) {
            assertThat(IdCardNumber.problem(id)).as(id).isEmpty();
        }
        for (String phone : new String[] {
            SampleRecords.CALLER_PHONE,
            SampleRecords.PETITIONER_PHONE,
            SampleRecords.COMPLAINANT_PHONE,
            SampleRecords.POLICE_PERSON_PHONE
        }) {
            assertThat(PhoneNumber.problem(phone)).as(phone).isEmpty();
        }
        assertThat(SampleRecords.PETITIONER_ID_CARD).endsWith("X");
        assertThat(SampleRecords.clearPii()).doesNotHaveDuplicates().hasSize(8);
        assertThat(Arrays.stream(SourceType.values())
                        .map(s -> SampleRecords.sample(s).recordId()))
                .doesNotHaveDuplicates();
    }

    @Test
    void buildersStartFromTheSampleAndChangeOnlyWhatIsSet() {
        assertThat(SampleRecords.hotlineBuilder().build()).isEqualTo(SampleRecords.hotline());

        ObjectNode changed =
                SampleRecords.tree(SampleRecords.petitionBuilder().groupSize(7).build());
        ObjectNode sample = SampleRecords.tree(SourceType.PETITION);
        assertThat(changed.get("group_size").asInt()).isEqualTo(7);
        changed.remove("group_size");
        sample.remove("group_size");
        assertThat(changed).isEqualTo(sample);

        assertThat(SampleRecords.hotlineBuilder().open().build())
                .satisfies(c -> assertThat(c.closeTime()).isNull())
                .satisfies(c -> assertThat(c.replyTime()).isNull())
                .satisfies(c -> assertThat(c.status().name()).isEqualTo("ACCEPTED"));
    }
}
