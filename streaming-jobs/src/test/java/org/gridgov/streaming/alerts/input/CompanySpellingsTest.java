package org.gridgov.streaming.alerts.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.testing.SampleRecords;
import org.gridgov.common.validation.IdCardNumber;
import org.gridgov.streaming.alerts.AlertRecord;
import org.gridgov.streaming.alerts.AlertRule;
import org.gridgov.streaming.alerts.EventTimes;
import org.gridgov.streaming.alerts.RuleParams;
import org.gridgov.streaming.alerts.person.GroupPetitionRule;
import org.junit.jupiter.api.Test;

/**
 * Group petitions whose petitioners write their employer two ways (spaces, half-width parentheses, an ideographic
 * space) or their cards two ways are decoded to one company and one person each, so the group rule sees one 集访;
 * two companies that differ in a character stay two. State and timers are gone once everything expired.
 */
class CompanySpellingsTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2024, 1, 9, 8, 30);
    private static final String REGISTERED = "山东鼎盛（集团）建设有限公司";
    private static final String[] WRITTEN = {
        REGISTERED, "山东鼎盛 (集团) 建设有限公司", "山东鼎盛(集团)建设有限公司", "山东鼎盛（集团）建设有限公司\u3000", "山东 鼎盛（集团）建设有限公司"
    };

    private final InputDecoder decoder = new InputDecoder(SampleRecords.pii(), SampleRecords.CLOCK);

    private PersonEvent petition(int n, String company, String idCard) {
        String json = SampleRecords.json(SampleRecords.petitionBuilder()
                .petitionId("XF-G" + n)
                .personIdCard(idCard)
                .companyName(company)
                .petitionTime(T0.plusMinutes(40L * n))
                .build());
        InputEvent e = decoder.decode(
                SourceType.PETITION.rawTopic(),
                0,
                n,
                1_700_000_000_000L,
                "XF-G" + n,
                json.getBytes(StandardCharsets.UTF_8));
        assertThat(e.kind).as(e.reason).isEqualTo(InputKind.PETITION);
        return PersonEvent.of(e, PersonEvent.Kind.PETITION);
    }

    private static String card(int n) {
        return IdCardNumber.of("370112", LocalDate.of(1960 + n, 1, 1), 10 + n);
    }

    @Test
    void fivePersonsWritingTheirEmployerFiveWaysAreOneGroupPetition() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, PersonEvent, AlertRecord> harness = harness();
        for (int n = 0; n < WRITTEN.length; n++) {
            // the fifth person writes the card as its 15-digit first-generation form: still one person each
            String id = n == 4 ? card(n).substring(0, 6) + card(n).substring(8, 17) : card(n);
            PersonEvent e = petition(n, WRITTEN[n], id);
            assertThat(e.companyName).isEqualTo(REGISTERED);
            harness.processElement(e, e.time);
        }
        harness.processWatermark(EventTimes.millis(T0.plusHours(6)));
        assertThat(harness.extractOutputValues()).singleElement().satisfies(a -> {
            assertThat(a.rule).isEqualTo(AlertRule.GROUP_PETITION);
            assertThat(a.subjectKey).isEqualTo(REGISTERED);
            assertThat(a.evidenceIds).hasSize(5);
        });
        harness.processWatermark(EventTimes.millis(T0.plusDays(30)));
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void companiesThatDifferInACharacterAreNoGroup() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, PersonEvent, AlertRecord> harness = harness();
        List<String> companies = List.of(REGISTERED, "山东鼎盛（集团）建材有限公司");
        for (int n = 0; n < 6; n++) {
            PersonEvent e = petition(n, companies.get(n % 2), card(n));
            harness.processElement(e, e.time);
        }
        harness.processWatermark(EventTimes.millis(T0.plusDays(30)));
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, PersonEvent, AlertRecord> harness() throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new GroupPetitionRule(RuleParams.defaults()), e -> e.companyName, Types.STRING);
    }
}
