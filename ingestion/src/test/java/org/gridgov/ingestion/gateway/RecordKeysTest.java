package org.gridgov.ingestion.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridgov.common.model.ArrearsCase;
import org.gridgov.common.model.GridRecord;
import org.gridgov.common.model.GridRecordKind;
import org.gridgov.common.model.PoliceIncident;
import org.gridgov.common.testing.SampleRecords;
import org.junit.jupiter.api.Test;

/** Kafka keys: case id for records that change state, the salted person key for records about a person. */
class RecordKeysTest {

    private final RecordKeys keys = new RecordKeys(SampleRecords.pii());

    @Test
    void casesThatChangeStateAreKeyedByCaseId() {
        assertThat(keys.key(SampleRecords.hotline()))
                .isEqualTo(SampleRecords.hotline().caseId());
        ArrearsCase a = SampleRecords.arrears();
        assertThat(keys.key(a)).isEqualTo(a.caseId());
    }

    @Test
    void recordsAboutAPersonAreKeyedByTheSaltedPersonKeyNeverTheNumber() {
        String petitioner = "person:" + SampleRecords.pii().idCardKey(SampleRecords.PETITIONER_ID_CARD);
        assertThat(keys.key(SampleRecords.petition())).isEqualTo(petitioner);
        // the visited resident of the grid sample is the petitioner: both land on the same key
        assertThat(keys.key(SampleRecords.gridRecord())).isEqualTo(petitioner);
        assertThat(keys.key(SampleRecords.police()))
                .startsWith("person:")
                .doesNotContain(SampleRecords.POLICE_PERSON_ID_CARD)
                .doesNotContain(SampleRecords.POLICE_PERSON_PHONE);
    }

    @Test
    void withoutAKnownPersonTheRecordIdIsTheKey() {
        PoliceIncident anonymous = SampleRecords.policeBuilder()
                .personIdCard(null)
                .personPhone(null)
                .personName(null)
                .build();
        assertThat(keys.key(anonymous)).isEqualTo(anonymous.incidentId());
        GridRecord patrol = SampleRecords.gridBuilder()
                .kind(GridRecordKind.PATROL)
                .personIdCard(null)
                .build();
        assertThat(keys.key(patrol)).isEqualTo(patrol.recordId());
    }
}
