package org.gridgov.common.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.common.model.SourceType.ARREARS;
import static org.gridgov.common.model.SourceType.GRID;
import static org.gridgov.common.model.SourceType.HOTLINE;
import static org.gridgov.common.model.SourceType.PETITION;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import org.gridgov.common.json.Json;
import org.gridgov.common.model.ArrearsCase;
import org.gridgov.common.model.GridRecordKind;
import org.gridgov.common.model.HotlineCase;
import org.gridgov.common.model.Petition;
import org.gridgov.common.model.SourceRecord;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.testing.SampleRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class RecordDecoderTest {

    private static final RecordDecoder DECODER = SampleRecords.decoder();

    // ---- valid input ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(SourceType.class)
    void sampleSurvivesJsonRoundTrip(SourceType source) {
        SourceRecord original = SampleRecords.sample(source);

        Decoded<SourceRecord> decoded = DECODER.decode(source, Json.write(original));

        assertThat(decoded.violations()).isEmpty();
        assertThat(decoded.value()).isInstanceOf(source.recordType()).isEqualTo(original);
    }

    @Test
    void isoTimesWithTAreAcceptedLikeTheExportFormat() {
        ObjectNode n = SampleRecords.tree(HOTLINE).put("accept_time", "2024-01-15T09:30:00");
        assertThat(decode(HOTLINE, n).value()).isEqualTo(SampleRecords.hotline());
    }

    @Test
    void numbersAndCoordinatesSentAsTextAreRead() {
        ObjectNode n = SampleRecords.tree(HOTLINE)
                .put("schema_version", "1")
                .put("latitude", String.valueOf(SampleRecords.LATITUDE))
                .put("satisfaction", " 5 ");
        assertThat(decode(HOTLINE, n).value()).isEqualTo(SampleRecords.hotline());
    }

    @Test
    void idCardWithLowerCaseXAndPhoneWithCountryCodeAreNormalized() {
        ObjectNode n = SampleRecords.tree(PETITION)
                .put("person_id_card", SampleRecords.PETITIONER_ID_CARD.toLowerCase())
                .put("person_phone", "+86 159 6666 7777");
        Petition p = (Petition) decode(PETITION, n).value();
        assertThat(p.personIdCard()).isEqualTo(SampleRecords.PETITIONER_ID_CARD).endsWith("X");
        assertThat(p.personPhone()).isEqualTo("15966667777");
    }

    @Test
    void fifteenDigitAndFullWidthIdCardsDecodeToTheEighteenDigitNumber() {
        String id = SampleRecords.PETITIONER_ID_CARD;
        String fifteen = id.substring(0, 6) + id.substring(8, 17);
        StringBuilder fullWidth = new StringBuilder();
        id.chars().forEach(c -> fullWidth.append(c == 'X' ? 'ｘ' : (char) ('０' + (c - '0'))));
        for (String written :
                new String[] {fifteen, fullWidth.toString(), id.substring(0, 6) + " " + id.substring(6)}) {
            ObjectNode n =
                    SampleRecords.tree(PETITION).put("person_id_card", written).put("person_phone", "１５９ ６６６６ ７７７７");
            Petition p = (Petition) decode(PETITION, n).value();
            assertThat(p.personIdCard()).as(written).isEqualTo(id);
            assertThat(p.personPhone()).isEqualTo("15966667777");
        }
    }

    @ParameterizedTest(name = "{0}.{1} = {2}")
    @CsvSource({
        "HOTLINE,  channel,       电话热线, PHONE",
        "HOTLINE,  channel,       政民互动, GOV_INTERACTION",
        "HOTLINE,  channel,       wechat,   WECHAT",
        "HOTLINE,  status,        已办结,   CLOSED",
        "PETITION, form,          网上信访, ONLINE",
        "ARREARS,  status,        化解中,   IN_PROGRESS",
        "POLICE,   incident_type, 噪音扰民, NOISE",
        "GRID,     kind,          走访,     VISIT",
    })
    void chineseLabelsAndAnyCaseNamesDecodeToTheConstant(SourceType source, String field, String raw, String constant) {
        ObjectNode n = SampleRecords.tree(source).put(field, raw);
        Decoded<SourceRecord> d = decode(source, n);
        assertThat(d.violations()).isEmpty();
        JsonNode back = Json.mapper().valueToTree(d.value());
        assertThat(back.get(field).asText()).isEqualTo(constant);
    }

    @Test
    void contentOfExactly2000CharactersIsAccepted() {
        ObjectNode n = SampleRecords.tree(HOTLINE).put("content", "暖".repeat(2000));
        assertThat(decode(HOTLINE, n).isValid()).isTrue();
    }

    @Test
    void stampAFewHoursAheadOfTheClockIsToleratedAsClockSkew() {
        ObjectNode n = SampleRecords.tree(HOTLINE)
                .put("accept_time", "2024-02-01 12:00:00")
                .putNull("deadline")
                .putNull("reply_time")
                .putNull("close_time")
                .put("status", "ACCEPTED");
        assertThat(decode(HOTLINE, n).violations()).isEmpty();
    }

    @Test
    void patrolNeedsNeitherPersonNorCategory() {
        ObjectNode n = SampleRecords.tree(GRID).put("kind", "巡查").putNull("person_id_card");
        n.remove("category_code");
        assertThat(decode(GRID, n).violations()).isEmpty();
    }

    // ---- one problem, one violation --------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} without {1}")
    @CsvSource({
        "HOTLINE,  case_id",
        "HOTLINE,  accept_time",
        "HOTLINE,  latitude",
        "PETITION, petition_id",
        "PETITION, person_id_card",
        "ARREARS,  case_id",
        "ARREARS,  amount_yuan",
        "ARREARS,  complainant_id_card",
        "POLICE,   incident_id",
        "POLICE,   content",
        "GRID,     record_id",
        "GRID,     worker_id",
        "GRID,     schema_version",
    })
    void missingRequiredFieldIsNamed(SourceType source, String field) {
        ObjectNode absent = SampleRecords.tree(source);
        absent.remove(field);
        ObjectNode explicitNull = SampleRecords.tree(source).putNull(field);
        ObjectNode blank = SampleRecords.tree(source).put(field, "   ");

        for (ObjectNode n : new ObjectNode[] {absent, explicitNull, blank}) {
            assertOnly(decode(source, n), field, "required field is missing");
        }
    }

    @Test
    void textForACoordinateIsAWrongType() {
        ObjectNode n = SampleRecords.tree(HOTLINE).put("latitude", "abc");
        assertOnly(decode(HOTLINE, n), "latitude", "expected a number, got 'abc'");
    }

    @Test
    void objectWhereTextIsExpectedIsAWrongType() {
        ObjectNode n = SampleRecords.tree(HOTLINE);
        n.putObject("case_id").put("编号", "RX1");
        assertOnly(decode(HOTLINE, n), "case_id", "expected text, got object");
    }

    @ParameterizedTest(name = "{0}.{1}")
    @CsvSource({
        "HOTLINE,  accept_time",
        "PETITION, petition_time",
        "ARREARS,  report_time",
        "POLICE,   report_time",
        "GRID,     record_time",
    })
    void malformedTimeQuotesTheInputAndTheExpectedFormat(SourceType source, String field) {
        ObjectNode n = SampleRecords.tree(source).put(field, "2024年1月15日 9:30");
        assertOnly(decode(source, n), field, "expected a time like 2024-01-31 08:30:00", "'2024年1月15日 9:30'");
    }

    @Test
    void unknownEnumValueListsTheAcceptedNamesAndLabels() {
        ObjectNode n = SampleRecords.tree(HOTLINE).put("channel", "传真");
        assertOnly(decode(HOTLINE, n), "channel", "'传真' is not one of", "PHONE/电话热线", "WECHAT/微信");
    }

    @ParameterizedTest
    @EnumSource(
            value = SourceType.class,
            names = {"HOTLINE", "PETITION", "GRID"})
    void unknownCategoryIsRejected(SourceType source) {
        ObjectNode n = SampleRecords.tree(source).put("category_code", "C9999");
        assertOnly(decode(source, n), "category_code", "unknown category C9999");
    }

    @ParameterizedTest(name = "{0}.{1}")
    @CsvSource({
        "HOTLINE,  caller_id_card",
        "PETITION, person_id_card",
        "ARREARS,  complainant_id_card",
        "POLICE,   person_id_card",
        "GRID,     person_id_card",
    })
    void idCardWithWrongCheckCharacterIsRejected(SourceType source, String field) {
        String valid = SampleRecords.tree(source).get(field).asText();
        char wrong = valid.charAt(17) == '0' ? '1' : '0';
        ObjectNode n = SampleRecords.tree(source).put(field, valid.substring(0, 17) + wrong);
        assertOnly(decode(source, n), field, "invalid ID card number", "checksum mismatch");
    }

    @Test
    void invalidPhoneIsRejectedNamingTheField() {
        ObjectNode n = SampleRecords.tree(HOTLINE).put("caller_phone", "1385311234");
        assertOnly(decode(HOTLINE, n), "caller_phone", "invalid phone number");
    }

    @ParameterizedTest
    @EnumSource(SourceType.class)
    void coordinatesOutsideTheDistrictAreRejected(SourceType source) {
        ObjectNode n = SampleRecords.tree(source)
                .put("latitude", SampleRecords.BEIJING_LATITUDE)
                .put("longitude", SampleRecords.BEIJING_LONGITUDE);
        assertOnly(decode(source, n), "latitude", "(39.9, 116.4) is outside 历城区");
    }

    @Test
    void swappedCoordinatesAreNotACoordinate() {
        ObjectNode n = SampleRecords.tree(HOTLINE)
                .put("latitude", SampleRecords.LONGITUDE)
                .put("longitude", SampleRecords.LATITUDE);
        assertOnly(decode(HOTLINE, n), "latitude", "is not a coordinate");
    }

    @Test
    void eventTimeInTheFutureIsRejected() {
        ObjectNode n = SampleRecords.tree(HOTLINE)
                .put("accept_time", "2024-03-01 09:00:00")
                .putNull("deadline")
                .putNull("reply_time")
                .putNull("close_time")
                .put("status", "ACCEPTED");
        assertOnly(decode(HOTLINE, n), "accept_time", "2024-03-01T09:00 is in the future");
    }

    @Test
    void eventTimeBefore2000IsRejected() {
        ObjectNode n = SampleRecords.tree(PETITION).put("petition_time", "1999-12-31 23:59:59");
        assertOnly(decode(PETITION, n), "petition_time", "is before 2000-01-01");
        ObjectNode epoch = SampleRecords.tree(PETITION).put("petition_time", "1970-01-01 08:00:00");
        assertOnly(decode(PETITION, epoch), "petition_time", "is before 2000-01-01");
    }

    @Test
    void contentLongerThan2000CharactersIsRejectedWithItsLength() {
        ObjectNode n = SampleRecords.tree(HOTLINE).put("content", "暖气不热".repeat(500) + "。");
        assertOnly(decode(HOTLINE, n), "content", "longer than 2000 characters (2001)");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2})
    void unsupportedSchemaVersionSaysWhichVersionsAreKnown(int version) {
        ObjectNode n = SampleRecords.tree(HOTLINE).put("schema_version", version);
        assertOnly(
                decode(HOTLINE, n), "schema_version", "unsupported version " + version + " (this reader knows 1..1)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"case_id\": \"RX1\",", "12345热线工单", "{'case_id': 'RX1'}"})
    void textThatIsNotJsonIsRejectedAsAWhole(String raw) {
        Decoded<SourceRecord> d = DECODER.decode(HOTLINE, raw);
        assertThat(d.isValid()).isFalse();
        assertThat(d.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("$");
            assertThat(v.reason()).startsWith("not valid JSON");
        });
    }

    @Test
    void jsonArrayOrNothingIsNotARecord() {
        String array = "[" + SampleRecords.hotlineJson() + "]";
        for (String raw : new String[] {array, "\"工单\"", "", null}) {
            Decoded<SourceRecord> d = DECODER.decode(HOTLINE, raw);
            assertThat(d.violations())
                    .as("input %s", raw)
                    .containsExactly(new Violation("$", "expected a JSON object"));
        }
    }

    @Test
    void closedHotlineCaseNeedsACloseTime() {
        ObjectNode n = SampleRecords.tree(HOTLINE).putNull("close_time");
        assertOnly(decode(HOTLINE, n), "close_time", "required when status is CLOSED");
    }

    @Test
    void closeTimeBeforeAcceptTimeIsRejected() {
        ObjectNode n = SampleRecords.tree(HOTLINE).put("close_time", "2024-01-15 09:29:59");
        assertOnly(decode(HOTLINE, n), "close_time", "is before the record's start time 2024-01-15 09:30:00");
    }

    @Test
    void satisfactionOutsideOneToFiveIsRejected() {
        ObjectNode n = SampleRecords.tree(HOTLINE).put("satisfaction", 6);
        assertOnly(decode(HOTLINE, n), "satisfaction", "must be 1..5, got 6");
    }

    @Test
    void resolvedArrearsCaseNeedsAResolvedTime() {
        ObjectNode n = SampleRecords.tree(ARREARS).put("status", "已化解");
        assertOnly(decode(ARREARS, n), "resolved_time", "required when status is RESOLVED");
    }

    @Test
    void negativeArrearsAmountIsRejected() {
        ObjectNode n = SampleRecords.tree(ARREARS).put("amount_yuan", -500);
        assertOnly(decode(ARREARS, n), "amount_yuan", "must be between 0 and 10^14 yuan, got -500");
    }

    @Test
    void petitionGroupOfZeroPeopleIsRejected() {
        ObjectNode n = SampleRecords.tree(PETITION).put("group_size", 0);
        assertOnly(decode(PETITION, n), "group_size", "must be at least 1, got 0");
    }

    @Test
    void gridRecordWithUnknownGridCodeIsRejected() {
        ObjectNode n = SampleRecords.tree(GRID).put("grid_code", "37011299900101");
        assertOnly(decode(GRID, n), "grid_code", "unknown grid 37011299900101");
    }

    @Test
    void visitWithoutThePersonsIdCardIsRejected() {
        ObjectNode n = SampleRecords.tree(GRID).put("kind", GridRecordKind.VISIT.name());
        n.remove("person_id_card");
        assertOnly(decode(GRID, n), "person_id_card", "required field is missing");
    }

    @Test
    void reportWithoutCategoryIsRejected() {
        ObjectNode n = SampleRecords.tree(GRID).put("kind", "上报").putNull("category_code");
        assertOnly(decode(GRID, n), "category_code", "required field is missing");
    }

    // ---- several problems ------------------------------------------------------------------------------------------

    @Test
    void severalProblemsAreReportedTogether() {
        String validId = SampleRecords.CALLER_ID_CARD;
        ObjectNode n = SampleRecords.tree(HOTLINE)
                .put("latitude", "abc")
                .put("channel", "传真")
                .put("caller_id_card", validId.substring(0, 17) + (validId.charAt(17) == '0' ? '1' : '0'))
                .put("accept_time", "2024/01/15 09:30")
                .put("category_code", "C9999");
        n.remove("case_id");

        Decoded<SourceRecord> d = decode(HOTLINE, n);

        assertThat(d.isValid()).isFalse();
        assertThat(d.violations())
                .extracting(Violation::field)
                .containsExactlyInAnyOrder(
                        "case_id", "channel", "category_code", "caller_id_card", "latitude", "accept_time");
        assertThat(d.reason())
                .contains("case_id: required field is missing")
                .contains("latitude: expected a number, got 'abc'")
                .contains("; ");
        assertThat(d.firstField()).isEqualTo(d.violations().get(0).field());
    }

    @Test
    void placeAndTimeProblemsAreReportedTogetherWithFieldProblems() {
        ObjectNode n = SampleRecords.tree(PETITION)
                .put("person_id_card", "370112195203010000")
                .put("latitude", SampleRecords.BEIJING_LATITUDE)
                .put("longitude", SampleRecords.BEIJING_LONGITUDE)
                .put("petition_time", "2030-01-01 10:00:00");
        assertThat(decode(PETITION, n).violations())
                .extracting(Violation::field)
                .containsExactlyInAnyOrder("person_id_card", "latitude", "petition_time");
    }

    // ---- money -----------------------------------------------------------------------------------------------------

    @Test
    void amountSentAsTextKeepsItsCents() {
        ObjectNode n = SampleRecords.tree(ARREARS).put("amount_yuan", "86500.50");
        assertThat(((ArrearsCase) decode(ARREARS, n).value()).amountYuan()).isEqualTo(new BigDecimal("86500.50"));
    }

    @Test
    void arrearsCaseWithCentsSurvivesJsonRoundTrip() {
        ArrearsCase original = SampleRecords.arrearsBuilder()
                .amountYuan(new BigDecimal("86500.50"))
                .build();
        assertThat(DECODER.decode(ARREARS, Json.write(original)).value()).isEqualTo(original);
    }

    @Test
    void largeAmountIsReadExactly() {
        ObjectNode n = SampleRecords.tree(ARREARS).put("amount_yuan", new BigDecimal("99999999999999.99"));
        assertThat(((ArrearsCase) decode(ARREARS, n).value()).amountYuan())
                .isEqualByComparingTo(new BigDecimal("99999999999999.99"));
    }

    // ---- Decoded ---------------------------------------------------------------------------------------------------

    @Test
    void decodedHoldsEitherAValueOrViolations() {
        HotlineCase c = SampleRecords.hotline();
        Violation v = new Violation("case_id", "required field is missing");
        assertThat(Decoded.valid(c).reason()).isEmpty();
        assertThat(Decoded.rejected(List.of(v)).reason()).isEqualTo("case_id: required field is missing");
        assertThatThrownBy(() -> new Decoded<>(c, List.of(v))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Decoded.rejected(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static Decoded<SourceRecord> decode(SourceType source, ObjectNode n) {
        return DECODER.decode(source, n.toString());
    }

    /** The record is rejected for exactly one reason: {@code field}, with a reason containing every fragment. */
    private static void assertOnly(Decoded<SourceRecord> d, String field, String... fragments) {
        assertThat(d.isValid()).as("rejected").isFalse();
        assertThat(d.violations()).as(d.reason()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo(field);
            assertThat(v.reason()).contains(fragments);
        });
    }

    @Test
    void closeTimeInTheFutureIsRejected() {
        ObjectNode n = SampleRecords.tree(HOTLINE).put("status", "CLOSED").put("close_time", "2099-01-01 00:00:00");
        assertThat(decode(HOTLINE, n).violations()).extracting(Violation::field).contains("close_time");
    }

    @Test
    void impossibleDatesAreRejectedNotMovedToAnotherDay() {
        for (String bad : new String[] {"2023-02-29 10:00:00", "2024-01-31 24:00:00", "2024-04-31 08:00:00"}) {
            ObjectNode n = SampleRecords.tree(HOTLINE).put("accept_time", bad);
            assertThat(decode(HOTLINE, n).violations())
                    .as(bad)
                    .extracting(Violation::field)
                    .contains("accept_time");
        }
        ObjectNode possible = SampleRecords.tree(HOTLINE).put("accept_time", "2024-01-14 10:00:00");
        assertThat(decode(HOTLINE, possible).isValid()).isTrue();
    }
}
