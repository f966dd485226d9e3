package org.gridgov.common.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.common.model.SourceType.GRID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.gridgov.common.json.Json;
import org.gridgov.common.model.DisputeType;
import org.gridgov.common.model.GridRecord;
import org.gridgov.common.model.GridRecordKind;
import org.gridgov.common.model.MediationOutcome;
import org.gridgov.common.model.SourceRecord;
import org.gridgov.common.model.TrackPoint;
import org.gridgov.common.testing.SampleRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Grid records of schema version 2 (issue 16): attendance, patrol tracks, mediations; and version 1 kept. */
class GridWorkRecordDecoderTest {

    private static final RecordDecoder DECODER = SampleRecords.decoder();

    @Test
    void versionTwoWorkRecordsSurviveTheJsonRoundTrip() {
        for (GridRecord r : List.of(SampleRecords.attendance(), SampleRecords.patrol(), SampleRecords.mediation())) {
            Decoded<SourceRecord> d = DECODER.decode(GRID, Json.write(r));
            assertThat(d.violations()).as(r.kind().name()).isEmpty();
            assertThat(d.value()).isEqualTo(r);
        }
    }

    @Test
    void aTrackIsWrittenAsCompactSecondLatitudeLongitudeArrays() {
        GridRecord patrol = SampleRecords.patrol();
        ObjectNode n = SampleRecords.tree(patrol);
        assertThat(n.get("schema_version").asInt()).isEqualTo(2);
        assertThat(n.get("track").get(1).toString())
                .isEqualTo("[60," + patrol.track().get(1).latitude() + "," + SampleRecords.LONGITUDE + "]");
        assertThat(patrol.endTime()).isEqualTo(patrol.recordTime().plusMinutes(30));
    }

    @Test
    void aVersionOneRecordStillDecodesAsBefore() {
        // what a v1 producer writes: no v2 field at all
        ObjectNode n = SampleRecords.tree(GRID).put("schema_version", 1).put("kind", "PATROL");
        for (String f : List.of(
                "track", "check_out_time", "check_out_latitude", "check_out_longitude", "dispute_type", "outcome")) {
            n.remove(f);
        }
        GridRecord r = (GridRecord) DECODER.decode(GRID, n.toString()).value();
        assertThat(r.schemaVersion()).isEqualTo(1);
        assertThat(r.kind()).isEqualTo(GridRecordKind.PATROL);
        assertThat(r.track()).isNull();
        assertThat(r)
                .isEqualTo(new GridRecord(
                        1,
                        r.recordId(),
                        GridRecordKind.PATROL,
                        r.gridCode(),
                        r.workerId(),
                        r.personIdCard(),
                        r.categoryCode(),
                        r.content(),
                        r.latitude(),
                        r.longitude(),
                        r.recordTime()));
    }

    @Test
    void aTrackWrittenAsTextIsReadLikeTheArray() {
        // what a DataX column or a CSV cell carries
        ObjectNode n = SampleRecords.tree(SampleRecords.patrol());
        n.put("track", n.get("track").toString());
        assertThat(DECODER.decode(GRID, n.toString()).value()).isEqualTo(SampleRecords.patrol());
        n.put("track", "[[0, 36.7, 117.1], [60, 36.7");
        assertOnly(DECODER.decode(GRID, n.toString()), "track", "not a valid JSON list");
    }

    @Test
    void aVersionTwoPatrolWithoutATrackIsValid() {
        ObjectNode n = SampleRecords.tree(SampleRecords.patrol()).putNull("track");
        GridRecord r = (GridRecord) DECODER.decode(GRID, n.toString()).value();
        assertThat(r.track()).isNull();
    }

    @Test
    void versionOneKnowsNeitherTheNewKindsNorTheNewFields() {
        ObjectNode attendance = SampleRecords.tree(SampleRecords.attendance()).put("schema_version", 1);
        Decoded<SourceRecord> d = DECODER.decode(GRID, attendance.toString());
        assertThat(d.violations())
                .extracting(Violation::field)
                .containsExactly("kind", "check_out_time", "check_out_latitude", "check_out_longitude");
        assertThat(d.violations().get(0).reason())
                .isEqualTo("ATTENDANCE records need schema_version 2 or later, got 1");

        ObjectNode patrol = SampleRecords.tree(SampleRecords.patrol()).put("schema_version", 1);
        assertOnly(
                DECODER.decode(GRID, patrol.toString()),
                "track",
                "is a field of schema_version 2 records, this one is version 1");
    }

    @Test
    void versionThreeIsNotKnown() {
        ObjectNode n = SampleRecords.tree(SampleRecords.patrol()).put("schema_version", 3);
        assertOnly(DECODER.decode(GRID, n.toString()), "schema_version", "(this reader knows 1..2)");
    }

    @Test
    void fieldsOfAnotherKindAreRefused() {
        ObjectNode n = SampleRecords.tree(SampleRecords.mediation());
        n.set("track", SampleRecords.tree(SampleRecords.patrol()).get("track"));
        assertOnly(DECODER.decode(GRID, n.toString()), "track", "only PATROL records have track, this is a MEDIATION");
    }

    @Test
    void aMediationNeedsItsDisputeTypeAndOutcome() {
        ObjectNode n =
                SampleRecords.tree(SampleRecords.mediation()).putNull("outcome").put("dispute_type", "物业纠纷");
        assertOnly(DECODER.decode(GRID, n.toString()), "outcome", "required field is missing");
        ObjectNode labels = SampleRecords.tree(SampleRecords.mediation())
                .put("dispute_type", "劳资纠纷")
                .put("outcome", "部分调解");
        GridRecord r = (GridRecord) DECODER.decode(GRID, labels.toString()).value();
        assertThat(r.disputeType()).isEqualTo(DisputeType.LABOUR);
        assertThat(r.outcome()).isEqualTo(MediationOutcome.PARTLY);
    }

    @Test
    void anAttendanceWithoutCheckOutIsValidAndACheckOutBeforeTheCheckInIsNot() {
        ObjectNode missing = SampleRecords.tree(SampleRecords.attendance())
                .putNull("check_out_time")
                .putNull("check_out_latitude")
                .putNull("check_out_longitude");
        assertThat(((GridRecord) DECODER.decode(GRID, missing.toString()).value()).checkOutTime())
                .isNull();

        ObjectNode early = SampleRecords.tree(SampleRecords.attendance()).put("check_out_time", "2024-01-10 07:00:00");
        assertOnly(DECODER.decode(GRID, early.toString()), "check_out_time", "is before the record's start time");

        ObjectNode nowhere = SampleRecords.tree(SampleRecords.attendance()).putNull("check_out_latitude");
        assertOnly(DECODER.decode(GRID, nowhere.toString()), "check_out_latitude", "required field is missing");
    }

    // ---- bad tracks: one violation naming the point ------------------------------------------------------------

    @Test
    void unorderedTimestampsAreRefusedAtTheFirstPointOutOfOrder() {
        ObjectNode n = SampleRecords.tree(SampleRecords.patrol());
        ((ArrayNode) n.get("track").get(5))
                .set(0, Json.mapper().getNodeFactory().numberNode(240));
        assertOnly(
                DECODER.decode(GRID, n.toString()),
                "track[5]",
                "time 240 s is not after the previous point's 240 s: points must be in time order");
    }

    @Test
    void aPointFarOutsideTheDistrictIsRefusedButGpsDriftAtTheBorderIsNot() {
        ObjectNode far = withPoint(7, SampleRecords.BEIJING_LATITUDE, SampleRecords.BEIJING_LONGITUDE);
        Decoded<SourceRecord> d = DECODER.decode(GRID, far.toString());
        assertOnly(d, "track[7]", "m outside 历城区");
        assertThat(d.reason()).contains("(39.9, 116.4) is 3"); // about 330 km away

        // 300 m west of the district's western edge (117.00°): drift, kept
        ObjectNode near = withPoint(7, SampleRecords.LATITUDE, 116.99664);
        assertThat(DECODER.decode(GRID, near.toString()).violations()).isEmpty();
    }

    @Test
    void moreThanFiveThousandPointsAreRefusedWithTheCount() {
        ObjectNode n = SampleRecords.tree(SampleRecords.patrol());
        ArrayNode track = n.putArray("track");
        for (int i = 0; i < 5001; i++) {
            track.addArray().add(i).add(SampleRecords.LATITUDE).add(SampleRecords.LONGITUDE);
        }
        assertOnly(DECODER.decode(GRID, n.toString()), "track", "5001 points, more than the 5000 a patrol may have");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[[0, 36.7, 117.1]]",
                "[[0, 36.7]]",
                "[[0, \"36.7\", 117.1], [60, 36.7, 117.1]]",
                "[[-5, 36.7, 117.1], [60, 36.7, 117.1]]",
                "[[0.5, 36.7, 117.1], [60, 36.7, 117.1]]",
                "\"36.7,117.1\""
            })
    void malformedTracksAreRefused(String track) throws Exception {
        ObjectNode n = SampleRecords.tree(SampleRecords.patrol());
        n.set("track", Json.mapper().readTree(track));
        Decoded<SourceRecord> d = DECODER.decode(GRID, n.toString());
        assertThat(d.isValid()).isFalse();
        assertThat(d.violations()).singleElement().satisfies(v -> assertThat(v.field())
                .startsWith("track"));
    }

    @Test
    void aPatrolEndingInTheFutureIsRefused() {
        GridRecord p = SampleRecords.gridBuilder()
                .schemaVersion(2)
                .kind(GridRecordKind.PATROL)
                .personIdCard(null)
                .recordTime(SampleRecords.NOW.minusHours(1))
                .track(List.of(
                        new TrackPoint(0, SampleRecords.LATITUDE, SampleRecords.LONGITUDE),
                        new TrackPoint(3 * 86_400 - 1, SampleRecords.LATITUDE, SampleRecords.LONGITUDE)))
                .build();
        assertOnly(DECODER.decode(GRID, Json.write(p)), "track", "more than 24 hours");
    }

    private static ObjectNode withPoint(int index, double lat, double lon) {
        ObjectNode n = SampleRecords.tree(SampleRecords.patrol());
        ArrayNode p = (ArrayNode) n.get("track").get(index);
        p.set(1, Json.mapper().getNodeFactory().numberNode(lat));
        p.set(2, Json.mapper().getNodeFactory().numberNode(lon));
        return n;
    }

    private static void assertOnly(Decoded<SourceRecord> d, String field, String... fragments) {
        assertThat(d.isValid()).as("rejected").isFalse();
        assertThat(d.violations()).as(d.reason()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo(field);
            assertThat(v.reason()).contains(fragments);
        });
    }
}
