package org.gridgov.loading.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.common.identity.LinkEvidence;
import org.gridgov.common.identity.PhoneLink;
import org.gridgov.common.identity.PhoneLinks;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.common.testing.SampleRecords;
import org.gridgov.loading.LoadOutcome;
import org.gridgov.loading.RawRecordMapper;
import org.gridgov.loading.RecordOrigin;
import org.gridgov.warehouse.IdentityTables;
import org.gridgov.warehouse.TableRow;
import org.gridgov.warehouse.WarehouseSchema;
import org.junit.jupiter.api.Test;

/**
 * One person seen in three sources under three spellings of the ID card and name ends under one key; look-alikes
 * (the same name on another card, a shared phone, a phone-only record with another name) stay apart.
 */
class PersonIdentityTest {

    private static final LocalDateTime RECEIVED = LocalDateTime.of(2024, 1, 31, 18, 0);
    /** 陳國強, born 1958: an ID card ending in X, so the lower-case x spelling is possible. */
    private static final String ID = SampleRecords.idCardEndingInX("370112", LocalDate.of(1958, 6, 1), 35);

    private static final String FIFTEEN = ID.substring(0, 6) + ID.substring(8, 17);
    private static final String PHONE = "13905310001";
    /** Another 陈国强: same name, another card, another phone. */
    private static final String NAMESAKE_ID = SampleRecords.idCardEndingInX("370112", LocalDate.of(1971, 2, 1), 88);

    private final PiiProtector pii = SampleRecords.pii();
    private final RawRecordMapper mapper = RawRecordMapper.standard(pii);

    @Test
    void aPersonInThreeSourcesUnderThreeSpellingsEndsUnderOneKey() {
        LoadOutcome petition = load(
                SourceType.PETITION,
                SampleRecords.tree(SourceType.PETITION)
                        .put("petition_id", "XF-1")
                        .put("person_id_card", ID)
                        .put("person_name", "陈国强")
                        .put("person_phone", PHONE));
        LoadOutcome arrears = load(
                SourceType.ARREARS,
                SampleRecords.tree(SourceType.ARREARS)
                        .put("case_id", "QQ-1")
                        .put("complainant_id_card", FIFTEEN)
                        .put("complainant_name", "陳國強")
                        .put("complainant_phone", "+86 139 0531 0001"));
        LoadOutcome hotline = load(
                SourceType.HOTLINE,
                SampleRecords.tree(SourceType.HOTLINE)
                        .put("case_id", "RX-1")
                        .put("caller_id_card", fullWidthLowerX(ID))
                        .put("caller_name", "陈 国强")
                        .put("caller_phone", "１３９０５３１０００１"));

        String key = pii.idCardKey(ID);
        assertThat(value(petition, "person_key")).isEqualTo(key);
        assertThat(value(arrears, "complainant_key")).isEqualTo(key);
        assertThat(value(hotline, "caller_key")).isEqualTo(key);
        assertThat(hotline.rows().get(1).value(WarehouseSchema.DWD_HOTLINE_CASE, "caller_key"))
                .isEqualTo(key);
        // the three records' link evidence names the same phone, person and (normalised) name
        assertThat(List.of(petition, arrears, hotline)).allSatisfy(o -> {
            assertThat(o.evidence()).singleElement().satisfies(e -> {
                assertThat(e.value(IdentityTables.DWD_PERSON_LINK, "phone_key")).isEqualTo(pii.phoneKey(PHONE));
                assertThat(e.value(IdentityTables.DWD_PERSON_LINK, "person_key"))
                        .isEqualTo(key);
                assertThat(e.value(IdentityTables.DWD_PERSON_LINK, "name_key")).isEqualTo(pii.nameKey("陈国强"));
            });
        });
    }

    @Test
    void aSameNamedPersonWithAnotherCardIsAnotherPerson() {
        LoadOutcome one = load(
                SourceType.PETITION,
                SampleRecords.tree(SourceType.PETITION)
                        .put("petition_id", "XF-1")
                        .put("person_id_card", ID)
                        .put("person_name", "陈国强"));
        LoadOutcome namesake = load(
                SourceType.PETITION,
                SampleRecords.tree(SourceType.PETITION)
                        .put("petition_id", "XF-2")
                        .put("person_id_card", NAMESAKE_ID)
                        .put("person_name", "陈国强"));

        assertThat(value(namesake, "person_key")).isNotEqualTo(value(one, "person_key"));
    }

    @Test
    void aPhoneOnlyPoliceRecordIsLinkedWithItsEvidenceNotMerged() {
        List<LinkEvidence> evidence = new ArrayList<>();
        evidence.add(evidence(
                SourceType.PETITION,
                SampleRecords.tree(SourceType.PETITION)
                        .put("petition_id", "XF-1")
                        .put("person_id_card", ID)
                        .put("person_name", "陈国强")
                        .put("person_phone", PHONE)));
        evidence.add(evidence(
                SourceType.ARREARS,
                SampleRecords.tree(SourceType.ARREARS)
                        .put("case_id", "QQ-1")
                        .put("complainant_id_card", FIFTEEN)
                        .put("complainant_name", "陳國強")
                        .put("complainant_phone", PHONE)));
        ObjectNode police = SampleRecords.tree(SourceType.POLICE)
                .put("incident_id", "JQ-1")
                .put("person_name", "陳 國強")
                .put("person_phone", PHONE);
        police.remove("person_id_card");
        LoadOutcome loaded = load(SourceType.POLICE, police);
        evidence.add(evidence(SourceType.POLICE, police));

        // the police row keeps its own key: the phone's, not silently the person's
        String phoneKey = pii.phoneKey(PHONE);
        assertThat(value(loaded, "person_key")).isEqualTo(phoneKey);
        PhoneLink link = new PhoneLinks().addAll(evidence).decide(phoneKey);
        assertThat(link.status()).isEqualTo(PhoneLink.Status.LINKED);
        assertThat(link.personKey()).isEqualTo(pii.idCardKey(ID));
        assertThat(link.evidenceIds()).containsExactly("ARREARS:QQ-1", "PETITION:XF-1");
        assertThat(new PhoneLinks().addAll(evidence).resolve(phoneKey)).isEqualTo(pii.idCardKey(ID));
    }

    @Test
    void aPhoneSharedByTwoCardHoldersIsNeverALink() {
        PhoneLinks links = new PhoneLinks()
                .add(evidence(
                        SourceType.PETITION,
                        SampleRecords.tree(SourceType.PETITION)
                                .put("petition_id", "XF-1")
                                .put("person_id_card", ID)
                                .put("person_name", "陈国强")
                                .put("person_phone", PHONE)))
                .add(evidence(
                        SourceType.PETITION,
                        SampleRecords.tree(SourceType.PETITION)
                                .put("petition_id", "XF-2")
                                .put("person_id_card", NAMESAKE_ID)
                                .put("person_name", "陈国强")
                                .put("person_phone", PHONE)));

        PhoneLink link = links.decide(pii.phoneKey(PHONE));
        assertThat(link.status()).isEqualTo(PhoneLink.Status.SHARED_PHONE);
        assertThat(link.personKey()).isNull();
        assertThat(link.evidenceIds()).containsExactly("PETITION:XF-1", "PETITION:XF-2");
        assertThat(links.resolve(pii.phoneKey(PHONE))).isEqualTo(pii.phoneKey(PHONE));
    }

    @Test
    void aPhoneOnlyRecordWithAnotherNameBlocksTheLink() {
        ObjectNode police = SampleRecords.tree(SourceType.POLICE)
                .put("incident_id", "JQ-2")
                .put("person_name", "王芳")
                .put("person_phone", PHONE);
        police.remove("person_id_card");
        PhoneLinks links = new PhoneLinks()
                .add(evidence(
                        SourceType.PETITION,
                        SampleRecords.tree(SourceType.PETITION)
                                .put("petition_id", "XF-1")
                                .put("person_id_card", ID)
                                .put("person_name", "陈国强")
                                .put("person_phone", PHONE)))
                .add(evidence(SourceType.POLICE, police));

        PhoneLink link = links.decide(pii.phoneKey(PHONE));
        assertThat(link.status()).isEqualTo(PhoneLink.Status.NAME_CONFLICT);
        assertThat(link.conflictingIds()).containsExactly("POLICE:JQ-2");
        assertThat(links.resolve(pii.phoneKey(PHONE))).isEqualTo(pii.phoneKey(PHONE));
    }

    @Test
    void aPhoneNeverSeenBesideACardStaysItsOwnPerson() {
        PhoneLink link = new PhoneLinks().decide(pii.phoneKey(PHONE));
        assertThat(link.status()).isEqualTo(PhoneLink.Status.NO_EVIDENCE);
        assertThat(link.evidenceIds()).isEmpty();
    }

    @Test
    void namesAreComparedSimplifiedAndWithoutSpacesButAreNeverKeys() {
        assertThat(PersonNames.evidenceForm("陳 國強")).isEqualTo("陈国强");
        assertThat(PersonNames.evidenceForm("歐陽\u3000華")).isEqualTo("欧阳华");
        assertThat(PersonNames.evidenceForm("阿依古丽·买买提")).isEqualTo("阿依古丽买买提");
        assertThat(PersonNames.evidenceForm(" ")).isNull();
        assertThat(PersonNames.evidenceForm(null)).isNull();
    }

    @Test
    void recordsWithoutAPhoneGiveNoEvidenceAndTheRecordsRowsStayTheirOwn() {
        ObjectNode petition = SampleRecords.tree(SourceType.PETITION).put("petition_id", "XF-3");
        petition.remove("person_phone");
        LoadOutcome o = load(SourceType.PETITION, petition);
        assertThat(o.evidence()).isEmpty();
        assertThat(o.output()).extracting(r -> r.table).containsExactly("ods_petition");
        assertThat(load(SourceType.GRID, SampleRecords.tree(SourceType.GRID)).evidence())
                .isEmpty();
    }

    private LoadOutcome load(SourceType source, ObjectNode json) {
        LoadOutcome o = mapper.map(source, json.toString(), new RecordOrigin("test", "test:1", "k", "", RECEIVED));
        assertThat(o.accepted()).as(String.valueOf(o.deadLetter())).isTrue();
        return o;
    }

    private LinkEvidence evidence(SourceType source, ObjectNode json) {
        var decoded = SampleRecords.decoder().decode(source, json.toString());
        assertThat(decoded.isValid()).as(decoded.reason()).isTrue();
        return new LinkEvidenceRows(pii).evidence(decoded.value());
    }

    private static String value(LoadOutcome o, String column) {
        TableRow ods = o.rows().get(0);
        return ods.value(WarehouseSchema.table(ods.table), column);
    }

    private static String fullWidthLowerX(String id) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            sb.append(c == 'X' ? 'x' : (char) ('０' + (c - '0')));
            if (i == 5 || i == 13) {
                sb.append(' ');
            }
        }
        return sb.toString();
    }
}
