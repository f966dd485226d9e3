package org.gridgov.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.common.testing.SampleRecords.HOTLINE_ACCEPT;
import static org.gridgov.common.testing.SampleRecords.HOTLINE_DEADLINE;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.district.District;
import org.gridgov.common.district.Grid;
import org.gridgov.common.model.CaseStatus;
import org.gridgov.common.model.HotlineCase;
import org.gridgov.common.model.SourceRecord;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.common.testing.SampleRecords;
import org.gridgov.common.validation.Decoded;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.TableRow;
import org.gridgov.warehouse.WarehouseSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OdsMapperTest {

    /** Digit runs shaped like an ID card or a mobile, not inside longer numbers (coordinates have long fractions). */
    private static final Pattern ID_CARD = Pattern.compile("(?<!\\d)\\d{17}[\\dXx](?!\\d)");

    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{32}");

    private static final District DISTRICT = District.licheng();
    private final PiiProtector pii = SampleRecords.pii();
    private final OdsMapper mapper = new OdsMapper(pii, DISTRICT, CategoryCatalog.standard());

    // ---- PII ----------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(SourceType.class)
    void rowsContainNoClearIdCardOrPhoneAnywhere(SourceType source) {
        List<TableRow> rows = mapper.rows(SampleRecords.sample(source));

        assertThat(rows).isNotEmpty();
        for (TableRow row : rows) {
            for (Map.Entry<String, String> e : values(row).entrySet()) {
                String v = e.getValue();
                if (v == null) {
                    continue;
                }
                String where = row.table + "." + e.getKey() + " = " + v;
                assertThat(ID_CARD.matcher(v).find()).as(where).isFalse();
                assertThat(MOBILE.matcher(v).find()).as(where).isFalse();
                for (String clear : SampleRecords.clearPii()) {
                    assertThat(v).as(where).doesNotContain(clear);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SourceType.class)
    void personKeysAre32HexAndEveryRowHasOne(SourceType source) {
        for (TableRow row : mapper.rows(SampleRecords.sample(source))) {
            Map<String, String> keys = new LinkedHashMap<>(values(row));
            keys.keySet().removeIf(c -> !c.endsWith("_key"));
            assertThat(keys).as(row.table).isNotEmpty().allSatisfy((c, v) -> assertThat(v)
                    .as(c)
                    .matches(KEY));
        }
    }

    @Test
    void maskedColumnsShowOnlyTheSafeParts() {
        Map<String, String> ods = values(mapper.rows(SampleRecords.hotline()).get(0));
        assertThat(ods.get("caller_name_masked")).isEqualTo("张**");
        assertThat(ods.get("caller_phone_masked")).isEqualTo("138****2345");
        assertThat(ods.get("caller_id_card_masked"))
                .isEqualTo("370112********" + SampleRecords.CALLER_ID_CARD.substring(14));
        assertThat(ods.get("content")).contains("联系电话138****2345").startsWith("市民反映：洪家楼社区");

        Map<String, String> police = values(mapper.rows(SampleRecords.police()).get(0));
        assertThat(police.get("content")).contains("当事人身份证号370102********");
    }

    @Test
    void samePersonHasTheSameKeyInEverySource() {
        // 李秀英 petitions and is later visited by her grid worker
        String petitioner = values(mapper.rows(SampleRecords.petition()).get(0)).get("person_key");
        String visited = values(mapper.rows(SampleRecords.gridRecord()).get(0)).get("person_key");
        assertThat(visited).isEqualTo(petitioner).isEqualTo(pii.idCardKey(SampleRecords.PETITIONER_ID_CARD));

        HotlineCase phoneOnly =
                SampleRecords.hotlineBuilder().callerIdCard(null).build();
        String caller = values(mapper.rows(phoneOnly).get(0)).get("caller_key");
        assertThat(caller).isEqualTo(pii.phoneKey("+86 " + SampleRecords.CALLER_PHONE));
    }

    @Test
    void anonymousCallerHasNoKeyAndNoMasks() {
        HotlineCase anonymous = SampleRecords.hotlineBuilder()
                .callerName(null)
                .callerPhone(null)
                .callerIdCard(null)
                .content("匿名反映：小区路灯不亮。")
                .build();
        Map<String, String> ods = values(mapper.rows(anonymous).get(0));
        assertThat(ods)
                .containsEntry("caller_key", null)
                .containsEntry("caller_name_masked", null)
                .containsEntry("caller_phone_masked", null)
                .containsEntry("caller_id_card_masked", null);
    }

    // ---- hotline ODS + DWD
    // -------------------------------------------------------------------------------------------

    @Test
    void hotlineCaseBecomesOdsAndDwdRowsPlacedByTheDistrict() {
        HotlineCase c = SampleRecords.hotline();

        List<TableRow> rows = mapper.rows(c);

        assertThat(rows).extracting(r -> r.table).containsExactly("ods_hotline_case", "dwd_hotline_case");
        Map<String, String> dwd = values(rows.get(1));
        Grid grid = DISTRICT.locate(c.latitude(), c.longitude()).orElseThrow();
        assertThat(dwd)
                .containsEntry("grid_code", grid.code())
                .containsEntry("community_code", grid.communityCode())
                .containsEntry("street_code", grid.streetCode())
                .containsEntry("grid_code", SampleRecords.GRID_CODE)
                .containsEntry("street_code", "370112002")
                .containsEntry("accept_date", "2024-01-15")
                .containsEntry("accept_month", "2024-01")
                .containsEntry("category_code", "C0101")
                .containsEntry("category_l1_code", "C01")
                .containsEntry("accept_time", "2024-01-15 09:30:00")
                .containsEntry("is_replied", "1")
                .containsEntry("is_closed", "1")
                .containsEntry("is_overdue", "0");
        assertThat(dwd.get("caller_key")).isEqualTo(values(rows.get(0)).get("caller_key"));
    }

    @Test
    void caseInAnotherGridIsPlacedThere() {
        Grid tangwang = DISTRICT.grids().get(DISTRICT.grids().size() - 1);
        HotlineCase c = SampleRecords.hotlineBuilder()
                .at(tangwang.anchor().getY(), tangwang.anchor().getX())
                .build();
        Map<String, String> dwd = values(mapper.rows(c).get(1));
        assertThat(dwd).containsEntry("grid_code", tangwang.code()).containsEntry("street_code", tangwang.streetCode());
        assertThat(tangwang.streetCode()).isNotEqualTo("370112002");
    }

    @Test
    void dwdDepartmentFallsBackToTheCategorysDepartment() {
        HotlineCase noDepartment = SampleRecords.hotlineBuilder()
                .department(null)
                .categoryCode("C0106")
                .build();
        assertThat(values(mapper.rows(noDepartment).get(1))).containsEntry("department", "区城乡水务局");
        assertThat(values(mapper.rows(SampleRecords.hotline()).get(1))).containsEntry("department", "区城市管理局");
    }

    @Test
    void repliedStatusCountsAsRepliedEvenWithoutAReplyTime() {
        HotlineCase replied =
                SampleRecords.hotlineBuilder().open().status(CaseStatus.REPLIED).build();
        assertThat(values(mapper.rows(replied).get(1)))
                .containsEntry("is_replied", "1")
                .containsEntry("is_closed", "0");
        HotlineCase open = SampleRecords.hotlineBuilder().open().build();
        assertThat(values(mapper.rows(open).get(1)))
                .containsEntry("is_replied", "0")
                .containsEntry("is_closed", "0");
    }

    // ---- is_overdue
    // --------------------------------------------------------------------------------------------------

    @Test
    void closedAfterTheDeadlineIsOverdue() {
        assertThat(overdue(SampleRecords.hotlineBuilder().closeTime(HOTLINE_DEADLINE.plusMinutes(1))))
                .isEqualTo("1");
    }

    @Test
    void closedInTimeIsNotOverdue() {
        assertThat(overdue(SampleRecords.hotlineBuilder().closeTime(HOTLINE_DEADLINE.minusHours(2))))
                .isEqualTo("0");
        assertThat(overdue(SampleRecords.hotlineBuilder().closeTime(HOTLINE_DEADLINE)))
                .as("on the minute")
                .isEqualTo("0");
    }

    @Test
    void closedInTimeAfterALateReplyIsNotOverdue() {
        // the close time decides once a case is closed
        assertThat(overdue(SampleRecords.hotlineBuilder()
                        .replyTime(HOTLINE_DEADLINE.plusDays(1))
                        .closeTime(HOTLINE_DEADLINE.minusDays(1))))
                .isEqualTo("0");
    }

    @Test
    void openCaseRepliedAfterTheDeadlineIsOverdue() {
        assertThat(overdue(SampleRecords.hotlineBuilder()
                        .open()
                        .status(CaseStatus.REPLIED)
                        .replyTime(HOTLINE_DEADLINE.plusHours(3))))
                .isEqualTo("1");
    }

    @Test
    void openCaseRepliedBeforeTheDeadlineIsNotYetOverdue() {
        assertThat(overdue(SampleRecords.hotlineBuilder()
                        .open()
                        .status(CaseStatus.REPLIED)
                        .replyTime(HOTLINE_ACCEPT.plusDays(1))))
                .isEqualTo("0");
        assertThat(overdue(SampleRecords.hotlineBuilder().open())).isEqualTo("0");
    }

    @Test
    void caseWithoutDeadlineIsNeverOverdue() {
        assertThat(overdue(SampleRecords.hotlineBuilder().deadline(null).closeTime(HOTLINE_ACCEPT.plusDays(60))))
                .isEqualTo("0");
        assertThat(overdue(SampleRecords.hotlineBuilder().deadline(null).open().replyTime(HOTLINE_ACCEPT.plusDays(60))))
                .isEqualTo("0");
    }

    // ---- every source -------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(SourceType.class)
    void odsRowGoesToTheSourcesOdsTableWithItsIdAndDate(SourceType source) {
        SourceRecord r = SampleRecords.sample(source);
        TableRow ods = mapper.rows(r).get(0);
        Table table = OdsMapper.odsTable(source);
        assertThat(ods.table).isEqualTo(table.name());
        assertThat(ods.values).hasSize(table.columns().size());
        assertThat(ods.value(table, table.keyColumns().get(0))).isEqualTo(r.recordId());
        assertThat(ods.value(table, table.keyColumns().get(1)))
                .isEqualTo(r.eventTime().toLocalDate().toString());
        assertThat(ods.value(table, "schema_version")).isEqualTo("1");
    }

    @ParameterizedTest
    @EnumSource(SourceType.class)
    void mappingIsDeterministicSoReplaysOverwrite(SourceType source) {
        OdsMapper another = new OdsMapper(new PiiProtector(SampleRecords.SALT), DISTRICT, CategoryCatalog.standard());
        assertThat(another.rows(SampleRecords.sample(source))).isEqualTo(mapper.rows(SampleRecords.sample(source)));
    }

    @Test
    void arrearsAmountIsWrittenAsPlainDecimal() {
        var a = SampleRecords.arrearsBuilder()
                .amountYuan(new java.math.BigDecimal("1.2E+6"))
                .build();
        assertThat(values(mapper.rows(a).get(0))).containsEntry("amount_yuan", "1200000");
    }

    // ---- dead letters
    // ------------------------------------------------------------------------------------------------

    private static final LocalDateTime RECEIVED = LocalDateTime.of(2024, 1, 15, 9, 31, 5);

    @Test
    void deadLetterHasPositionAsIdTheReasonAndARedactedPayload() {
        ObjectNode n = SampleRecords.tree(SourceType.HOTLINE).put("latitude", "abc");
        n.remove("channel");
        String payload = n.toString();
        Decoded<SourceRecord> rejected = SampleRecords.decoder().decode(SourceType.HOTLINE, payload);

        TableRow row = OdsMapper.deadLetter(
                "raw.hotline", "raw.hotline-1@4711", "RX202401150001", rejected, payload, RECEIVED);

        Map<String, String> v = values(row);
        assertThat(row.table).isEqualTo("dlq_record");
        assertThat(v)
                .containsEntry("dlq_id", "raw.hotline-1@4711")
                .containsEntry("source", "raw.hotline")
                .containsEntry("record_key", "RX202401150001")
                .containsEntry("error_field", rejected.firstField())
                .containsEntry("reason", rejected.reason())
                .containsEntry("received_time", "2024-01-15 09:31:05");
        assertThat(v.get("reason"))
                .contains("channel: required field is missing")
                .contains("latitude: expected a number, got 'abc'");
        assertThat(v.get("payload"))
                .doesNotContain(SampleRecords.CALLER_ID_CARD)
                .doesNotContain(SampleRecords.CALLER_PHONE)
                .contains(PiiProtector.maskIdCard(SampleRecords.CALLER_ID_CARD))
                .contains("138****2345")
                .contains("\"latitude\":\"abc\"");
    }

    @Test
    void deadLetterIsDeterministicForTheSamePosition() {
        Decoded<SourceRecord> rejected = SampleRecords.decoder().decode(SourceType.PETITION, "[]");
        TableRow first = OdsMapper.deadLetter("raw.petition", "raw.petition-0@12", null, rejected, "[]", RECEIVED);
        TableRow replay = OdsMapper.deadLetter("raw.petition", "raw.petition-0@12", null, rejected, "[]", RECEIVED);
        TableRow other = OdsMapper.deadLetter("raw.petition", "raw.petition-0@13", null, rejected, "[]", RECEIVED);
        assertThat(replay).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(values(first)).containsEntry("error_field", "$").containsEntry("record_key", null);
    }

    @Test
    void deadLetterOfTextThatIsNotJsonRedactsItAndTruncatesLongKeys() {
        String raw = "工单：来电人手机" + SampleRecords.CALLER_PHONE + "，身份证" + SampleRecords.CALLER_ID_CARD;
        Decoded<SourceRecord> rejected = SampleRecords.decoder().decode(SourceType.HOTLINE, raw);
        String longKey = "K".repeat(100);

        Map<String, String> v = values(OdsMapper.deadLetter(
                "hotline-2024-01.jsonl", "hotline-2024-01.jsonl:17", longKey, rejected, raw, RECEIVED));

        assertThat(v.get("payload"))
                .isEqualTo(PiiProtector.redact(raw))
                .doesNotContain(SampleRecords.CALLER_PHONE)
                .doesNotContain(SampleRecords.CALLER_ID_CARD);
        assertThat(v.get("record_key")).hasSize(64);
        assertThat(v.get("error_field")).isEqualTo("$");
    }

    @Test
    void deadLetterReasonContainsNoClearPhone() {
        ObjectNode n = SampleRecords.tree(SourceType.HOTLINE).put("caller_phone", SampleRecords.CALLER_PHONE + " 微信同号");
        Decoded<SourceRecord> rejected = SampleRecords.decoder().decode(SourceType.HOTLINE, n.toString());
        assertThat(rejected.firstField()).isEqualTo("caller_phone");

        Map<String, String> v =
                values(OdsMapper.deadLetter("raw.hotline", "raw.hotline-0@1", null, rejected, n.toString(), RECEIVED));

        assertThat(v.values())
                .allSatisfy(value -> assertThat(value == null ? "" : value).doesNotContain(SampleRecords.CALLER_PHONE));
    }

    // ---- helpers
    // -----------------------------------------------------------------------------------------------------

    private String overdue(SampleRecords.HotlineBuilder b) {
        return values(mapper.rows(b.build()).get(1)).get("is_overdue");
    }

    private static Map<String, String> values(TableRow row) {
        Table t = WarehouseSchema.table(row.table);
        Map<String, String> m = new LinkedHashMap<>();
        for (String c : t.columnNames()) {
            m.put(c, row.value(t, c));
        }
        return m;
    }
}
