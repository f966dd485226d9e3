package org.gridgov.cases.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gridgov.cases.Api;
import org.gridgov.cases.ServiceIT;
import org.gridgov.cases.TestStack;
import org.gridgov.cases.security.Role;
import org.gridgov.common.district.District;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.simulator.generator.GroundTruth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * 综合查询 over the demo's generated data (issue 17 parts 1–3): a planted person's file holds every record the raw
 * source data gives that person and nothing of anyone else; by phone, the repeat caller's card holder; a company's
 * group petitioners; refusals by role and area, audited; a reason on every look-up; the leaders' report; and the
 * clear ID-card and phone numbers in no log line and no table of either database.
 */
@ExtendWith(OutputCaptureExtension.class)
class PersonLookupIT extends ServiceIT {

    static final String REASON = "核查信访人诉求办理情况";
    /** The page size the busy-grid test reads a place's file with. */
    static final int AREA_PAGE = 100;

    static PlantedPersons data;

    @org.springframework.beans.factory.annotation.Autowired
    org.gridgov.cases.casefile.ReporterKeys reporterKeys;

    @BeforeEach
    void setUp() throws Exception {
        data = PlantedPersons.load(TestStack.warehouse());
        user("lk_leader", Role.LEADER, District.CODE, null);
        user("lk_command", Role.COMMAND_CENTER, District.CODE, null);
        user("lk_worker", Role.GRID_WORKER, "37011200100101", null);
        user("lk_admin", Role.ADMIN, District.CODE, null);
    }

    @Test
    void aPlantedCrossSourcePersonsFileHoldsAllTheirRecordsAndNobodyElses() throws Exception {
        GroundTruth.CrossSourcePerson planted =
                data.truth().crossSourcePersons().get(0);
        String key = PlantedPersons.pii().idCardKey(planted.idCard());
        String other = PlantedPersons.pii()
                .idCardKey(data.truth().repeatPetitioners().stream()
                        .filter(p -> !p.idCard().equals(planted.idCard()))
                        .findFirst()
                        .orElseThrow()
                        .idCard());
        String alertId = "lk-alert-" + System.nanoTime();
        try (Connection c = TestStack.warehouse().connect()) {
            insertAlert(c, alertId, key, "同一人跨信访、警情多源出现");
            insertAlert(c, alertId + "-other", other, "别人的预警");
        }
        Api.Session leader = login("lk_leader");

        Api.Response found =
                leader.post("/api/lookup/persons/search", Map.of("id_card", planted.idCard(), "reason", REASON));
        assertThat(found.status()).as(found.raw()).isEqualTo(200);
        assertThat(found.get("candidates")).hasSize(1);
        JsonNode hit = found.get("candidates").get(0);
        assertThat(hit.get("ref").asText()).isEqualTo(key);
        assertThat(hit.get("id_card_masked").asText())
                .contains("*")
                .isEqualTo(PiiProtector.maskIdCard(planted.idCard()));
        assertThat(found.text("query_masked")).doesNotContain(planted.idCard());

        Set<String> expected = data.recordsOf(planted.idCard()).stream()
                .map(r -> r.source() + ":" + r.recordId())
                .collect(Collectors.toSet());
        Set<String> shown = new LinkedHashSet<>();
        JsonNode file = null;
        for (int page = 1; page < 100; page++) {
            file = leader.get("/api/lookup/persons/" + key + "?page_size=3&page=" + page + "&reason=" + enc(REASON))
                    .body();
            for (JsonNode r : file.get("records")) {
                assertThat(shown.add(r.get("source").asText() + ":"
                                + r.get("record_id").asText()))
                        .isTrue();
            }
            if (page * 3 >= file.get("total").asLong()) {
                break;
            }
        }
        // every record of the person in the source data, from every source, and nothing else
        assertThat(shown).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(shown)
                .containsAll(planted.petitionIds().stream()
                        .map(id -> "PETITION:" + id)
                        .toList())
                .containsAll(
                        planted.incidentIds().stream().map(id -> "POLICE:" + id).toList());
        assertThat(file.get("hidden_outside_scope").asLong()).isZero();
        assertThat(file.get("by_source").get("PETITION").asLong())
                .isEqualTo(
                        expected.stream().filter(s -> s.startsWith("PETITION:")).count());
        List<String> alerts = new ArrayList<>();
        file.get("alerts").forEach(a -> alerts.add(a.get("alert_id").asText()));
        assertThat(alerts).containsExactly(alertId);

        // each row drills to its record, from its source table, keys left out
        String petition = planted.petitionIds().get(0);
        Api.Response detail =
                leader.get("/api/lookup/persons/" + key + "/records/PETITION/" + petition + "?reason=" + enc(REASON));
        assertThat(detail.status()).as(detail.raw()).isEqualTo(200);
        assertThat(detail.text("petition_id")).isEqualTo(petition);
        assertThat(detail.body().fieldNames()).toIterable().noneMatch(f -> f.endsWith("_key"));
        // another person's record is not this person's
        String foreign = data.truth().repeatPetitioners().stream()
                .filter(p -> !p.idCard().equals(planted.idCard()))
                .findFirst()
                .orElseThrow()
                .petitionIds()
                .get(0);
        assertThat(leader.get("/api/lookup/persons/" + key + "/records/PETITION/" + foreign + "?reason=" + enc(REASON))
                        .status())
                .isEqualTo(404);

        assertThat(lookupRows("lk_leader", "PERSON", key)).contains("OK|" + REASON);
    }

    @Test
    void aRepeatCallerSearchedByPhoneIsTheCardHolderWithTheirCalls() {
        GroundTruth.RepeatCaller caller = data.truth().repeatCallers().get(0);
        Api.Session command = login("lk_command");
        Api.Response found =
                command.post("/api/lookup/persons/search", Map.of("phone", " " + caller.phone(), "reason", REASON));
        assertThat(found.status()).as(found.raw()).isEqualTo(200);
        String key = PlantedPersons.pii().idCardKey(caller.idCard());
        List<String> refs = new ArrayList<>();
        found.get("candidates").forEach(c -> refs.add(c.get("ref").asText()));
        assertThat(refs).contains(key);
        JsonNode file = command.get("/api/lookup/persons/" + key + "?page_size=100&reason=" + enc(REASON))
                .body();
        Set<String> calls = new HashSet<>();
        file.get("records").forEach(r -> {
            if (r.get("source").asText().equals("HOTLINE")) {
                calls.add(r.get("record_id").asText());
            }
        });
        assertThat(calls).containsAll(caller.caseIds());
    }

    @Test
    void aPersonsFileListsTheCasesTheyReportedHereByTheirLinkedPhoneAndNobodyElses() {
        GroundTruth.RepeatCaller caller = data.truth().repeatCallers().get(0);
        String key = PlantedPersons.pii().idCardKey(caller.idCard());
        String myStreet = data.recordsOf(caller.idCard()).stream()
                .map(PlantedPersons.SourceRef::gridCode)
                .filter(g -> g != null)
                .findFirst()
                .orElseThrow()
                .substring(0, 9);
        // the case lies in another street than one where the person has records
        String caseGrid = District.licheng().grids().stream()
                .filter(g -> !g.code().startsWith(myStreet))
                .findFirst()
                .orElseThrow()
                .code();
        Api.Session command = login("lk_command");
        Api.Response mine = command.post(
                "/api/cases",
                Map.of(
                        "description",
                        "综合查询测试：楼道堆物无人清理",
                        "channel",
                        "HOTLINE",
                        "category_code",
                        "C0101",
                        "grid_code",
                        caseGrid,
                        "reporter_name",
                        "来电人",
                        "reporter_phone",
                        caller.phone()));
        assertThat(mine.status()).as(mine.raw()).isEqualTo(201);
        Api.Response someoneElses = command.post(
                "/api/cases",
                Map.of(
                        "description",
                        "综合查询测试：别人的来电",
                        "channel",
                        "HOTLINE",
                        "category_code",
                        "C0101",
                        "grid_code",
                        caseGrid,
                        "reporter_phone",
                        "13700001717"));
        assertThat(someoneElses.status()).as(someoneElses.raw()).isEqualTo(201);
        // the stored key is the warehouse's key of the phone, never the number
        assertThat(jdbc.queryForObject(
                        "SELECT reporter_key FROM case_record WHERE id = ?", String.class, mine.text("id")))
                .isEqualTo(PlantedPersons.pii().phoneKey(caller.phone()));

        // found by ID card: the file keyed by the card lists the case its linked phone reported, and not the other
        Api.Session leader = login("lk_leader");
        JsonNode file = leader.get("/api/lookup/persons/" + key + "?reason=" + enc(REASON))
                .body();
        List<String> cases = file.get("cases").findValuesAsText("id");
        assertThat(cases).contains(mine.text("id")).doesNotContain(someoneElses.text("id"));
        // found by phone: the search lists it too
        Api.Response byPhone =
                leader.post("/api/lookup/persons/search", Map.of("phone", caller.phone(), "reason", REASON));
        assertThat(byPhone.get("cases").findValuesAsText("id"))
                .contains(mine.text("id"))
                .doesNotContain(someoneElses.text("id"));
        // another person's file never shows it
        String otherKey = PlantedPersons.pii()
                .idCardKey(data.truth().repeatCallers().get(1).idCard());
        assertThat(leader.get("/api/lookup/persons/" + otherKey + "?reason=" + enc(REASON))
                        .get("cases")
                        .findValuesAsText("id"))
                .doesNotContain(mine.text("id"));

        // scoped: a street that may open the person but not the case does not see it
        user("lk_cases_" + myStreet, Role.GRID_CENTER, myStreet, null);
        JsonNode streetFile = login("lk_cases_" + myStreet)
                .get("/api/lookup/persons/" + key + "?reason=" + enc(REASON))
                .body();
        assertThat(streetFile.get("cases").findValuesAsText("id")).doesNotContain(mine.text("id"));

        // a case stored before V21 (no key) is keyed at start-up by the back-fill, and listed again
        jdbc.update("UPDATE case_record SET reporter_key = NULL WHERE id = ?", mine.text("id"));
        assertThat(leader.get("/api/lookup/persons/" + key + "?reason=" + enc(REASON))
                        .get("cases")
                        .findValuesAsText("id"))
                .doesNotContain(mine.text("id"));
        assertThat(reporterKeys.backfill()).isGreaterThanOrEqualTo(1);
        assertThat(leader.get("/api/lookup/persons/" + key + "?reason=" + enc(REASON))
                        .get("cases")
                        .findValuesAsText("id"))
                .contains(mine.text("id"));
    }

    @Test
    void aCompanysFileListsItsPetitionsAndThePersonsInThemMasked() {
        GroundTruth.GroupPetition group = data.truth().groupPetitions().get(0);
        Api.Session leader = login("lk_leader");
        Api.Response file =
                leader.get("/api/lookup/companies?name=" + enc(group.companyName()) + "&reason=" + enc(REASON));
        assertThat(file.status()).as(file.raw()).isEqualTo(200);
        Set<String> petitions = new HashSet<>();
        file.get("records").forEach(r -> {
            if (r.get("source").asText().equals("PETITION")) {
                petitions.add(r.get("record_id").asText());
            }
        });
        assertThat(petitions).containsAll(group.petitionIds());
        Set<String> persons = new HashSet<>();
        file.get("persons").forEach(p -> {
            persons.add(p.get("ref").asText());
            assertThat(p.get("name_masked").asText()).contains("*");
        });
        assertThat(persons)
                .containsAll(group.personIdCards().stream()
                        .map(id -> PlantedPersons.pii().idCardKey(id))
                        .toList());
        assertThat(file.raw()).doesNotContain(group.personIdCards().get(0));
    }

    @Test
    void aGridsFileHoldsThePlantedPersonsRecordsThereAndAnotherStreetIsRefused() {
        GroundTruth.CrossSourcePerson planted =
                data.truth().crossSourcePersons().get(0);
        String key = PlantedPersons.pii().idCardKey(planted.idCard());
        String grid = data.recordsOf(planted.idCard()).stream()
                .map(PlantedPersons.SourceRef::gridCode)
                .filter(g -> g != null)
                .findFirst()
                .orElseThrow();
        long theirs = data.recordsOf(planted.idCard()).stream()
                .filter(r -> grid.equals(r.gridCode()))
                .count();
        Api.Session leader = login("lk_leader");
        Api.Response file = leader.get("/api/lookup/areas/" + grid + "?reason=" + enc(REASON));
        assertThat(file.status()).as(file.raw()).isEqualTo(200);
        JsonNode person = null;
        for (JsonNode p : file.get("persons")) {
            if (p.get("ref").asText().equals(key)) {
                person = p;
            }
        }
        assertThat(person).as("the planted person among the grid's persons").isNotNull();
        assertThat(person.get("records").asLong()).isEqualTo(theirs);
        long sum = 0;
        for (JsonNode month : file.get("by_month")) {
            for (JsonNode n : month) {
                sum += n.asLong();
            }
        }
        assertThat(sum).isEqualTo(file.get("total").asLong());
        file.get("latest").forEach(r -> assertThat(r.get("grid_code").asText()).startsWith(grid));
        assertThat(file.raw()).doesNotContain(planted.idCard());

        String otherStreet = District.licheng().streets().stream()
                .map(s -> s.code())
                .filter(s -> !grid.startsWith(s))
                .findFirst()
                .orElseThrow();
        user("lk_area_" + otherStreet, Role.GRID_CENTER, otherStreet, null);
        assertThat(login("lk_area_" + otherStreet)
                        .get("/api/lookup/areas/" + grid + "?reason=" + enc(REASON))
                        .status())
                .isEqualTo(403);
        assertThat(lookupRows("lk_area_" + otherStreet, "AREA", grid)).contains("DENIED|" + REASON);
        assertThat(leader.get("/api/lookup/areas/370112?reason=" + enc(REASON)).status())
                .isEqualTo(400);
    }

    @Test
    void aBusyGridsFileCountsEveryRecordAndPagesThemNewestFirstWithoutGapsOrRepeats() throws Exception {
        org.gridgov.common.district.Grid grid = District.licheng().grids().get(3);
        LocalDateTime base = PlantedPersons.SPEC.periodEnd().minusDays(2);
        try (Connection c = TestStack.warehouse().connect()) {
            c.createStatement().execute("DELETE FROM dwd_hotline_case WHERE case_id LIKE 'LK-BUSY-%'");
            c.createStatement().execute("DELETE FROM ods_petition WHERE petition_id LIKE 'LK-BUSY-%'");
            try (PreparedStatement call = c.prepareStatement("INSERT INTO dwd_hotline_case (case_id, accept_date,"
                    + " accept_month, street_code, community_code, grid_code, channel, category_code,"
                    + " category_l1_code, caller_key, accept_time, status, is_replied, is_closed, is_overdue,"
                    + " is_duplicate, content) VALUES (?, ?, ?, ?, ?, ?, 'PHONE', 'C0101', 'C01', ?, ?, 'CLOSED', 1,"
                    + " 1, 0, 0, '测试')")) {
                // more than two pages, in threes at the same minute (ties are ordered by id)
                for (int i = 0; i < 230; i++) {
                    LocalDateTime t = base.minusMinutes(i / 3).minusDays(i / 100 * 40L);
                    call.setString(1, String.format("LK-BUSY-%03d", i));
                    call.setObject(2, t.toLocalDate());
                    call.setString(3, t.toString().substring(0, 7));
                    call.setString(4, grid.streetCode());
                    call.setString(5, grid.communityCode());
                    call.setString(6, grid.code());
                    call.setString(7, "busy-caller-" + i % 7);
                    call.setObject(8, t);
                    call.addBatch();
                }
                call.executeBatch();
            }
            try (PreparedStatement pet = c.prepareStatement("INSERT INTO ods_petition (petition_id, petition_date,"
                    + " schema_version, person_key, person_name_masked, form, category_code, content, group_size,"
                    + " latitude, longitude, petition_time) VALUES (?, ?, 1, ?, '李*', 'VISIT', 'C0101', '测试', 1,"
                    + " ?, ?, ?)")) {
                for (int i = 0; i < 12; i++) {
                    LocalDateTime t = base.minusHours(i * 7L);
                    pet.setString(1, "LK-BUSY-P" + i);
                    pet.setObject(2, t.toLocalDate());
                    pet.setString(3, "busy-petitioner-" + i % 3);
                    pet.setDouble(4, grid.anchor().getY());
                    pet.setDouble(5, grid.anchor().getX());
                    pet.setObject(6, t);
                    pet.addBatch();
                }
                pet.executeBatch();
            }
        }
        // the answer from the tables themselves: grid sources by their grid, point sources placed by JTS here
        Set<String> expected = new HashSet<>();
        Connection wc = TestStack.warehouse().connect();
        org.springframework.jdbc.core.JdbcTemplate warehouse = new org.springframework.jdbc.core.JdbcTemplate(
                new org.springframework.jdbc.datasource.SingleConnectionDataSource(wc, true));
        for (String[] t : new String[][] {
            {"HOTLINE", "case_id", "dwd_hotline_case"},
            {"GRID", "record_id", "ods_grid_record"},
            {"CASE", "case_id", "dwd_case"}
        }) {
            warehouse
                    .queryForList(
                            "SELECT " + t[1] + " FROM " + t[2] + " WHERE grid_code = ?", String.class, grid.code())
                    .forEach(id -> expected.add(t[0] + ":" + id));
        }
        for (String[] t : new String[][] {
            {"PETITION", "petition_id", "ods_petition"},
            {"POLICE", "incident_id", "ods_police_incident"},
            {"ARREARS", "case_id", "ods_arrears_case"}
        }) {
            for (Map<String, Object> r :
                    warehouse.queryForList("SELECT " + t[1] + " AS id, latitude, longitude FROM " + t[2])) {
                if (District.licheng()
                        .locate(((Number) r.get("latitude")).doubleValue(), ((Number) r.get("longitude")).doubleValue())
                        .filter(g -> g.code().equals(grid.code()))
                        .isPresent()) {
                    expected.add(t[0] + ":" + r.get("id"));
                }
            }
        }
        wc.close();
        assertThat(expected.size()).isGreaterThan(2 * AREA_PAGE);

        Api.Session leader = login("lk_leader");
        Set<String> shown = new LinkedHashSet<>();
        List<String> times = new ArrayList<>();
        JsonNode file = null;
        for (int page = 1; page <= 20; page++) {
            file = leader.get("/api/lookup/areas/" + grid.code() + "?page_size=" + AREA_PAGE + "&page=" + page
                            + "&reason=" + enc(REASON))
                    .body();
            for (JsonNode r : file.get("latest")) {
                assertThat(shown.add(r.get("source").asText() + ":"
                                + r.get("record_id").asText()))
                        .as("no record on two pages")
                        .isTrue();
                times.add(r.get("time").asText());
            }
            if (page * AREA_PAGE >= file.get("total").asLong()) {
                break;
            }
        }
        assertThat(file.get("total").asLong()).isEqualTo(expected.size());
        assertThat(shown).containsExactlyInAnyOrderElementsOf(expected);
        List<String> newestFirst = new ArrayList<>(times);
        newestFirst.sort(java.util.Comparator.reverseOrder());
        assertThat(times).isEqualTo(newestFirst);
        long sum = 0;
        for (JsonNode month : file.get("by_month")) {
            for (JsonNode n : month) {
                sum += n.asLong();
            }
        }
        assertThat(sum).isEqualTo(expected.size());
        // persons counted from every record: the busy caller with 230/7 calls rounded up, the petitioner with 4
        Map<String, Long> persons = new HashMap<>();
        file.get("persons")
                .forEach(
                        p -> persons.put(p.get("ref").asText(), p.get("records").asLong()));
        assertThat(persons).containsEntry("busy-caller-0", 33L).containsEntry("busy-petitioner-0", 4L);
        // the same page twice is the same page
        assertThat(leader.get("/api/lookup/areas/" + grid.code() + "?page_size=50&page=2&reason=" + enc(REASON))
                        .raw())
                .isEqualTo(leader.get("/api/lookup/areas/" + grid.code() + "?page_size=50&page=2&reason=" + enc(REASON))
                        .raw());
        assertThat(leader.get("/api/lookup/areas/" + grid.code() + "?page_size=100&page=101&reason=" + enc(REASON))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void lookUpsOutsideTheRoleOrTheAreaAreRefusedAndAudited() throws Exception {
        GroundTruth.CrossSourcePerson planted =
                data.truth().crossSourcePersons().get(0);
        String key = PlantedPersons.pii().idCardKey(planted.idCard());
        Map<String, Long> byStreet = new HashMap<>();
        for (PlantedPersons.SourceRef r : data.recordsOf(planted.idCard())) {
            if (r.gridCode() != null) {
                byStreet.merge(r.gridCode().substring(0, 9), 1L, Long::sum);
            }
        }
        String mine = byStreet.keySet().iterator().next();
        String elsewhere = District.licheng().streets().stream()
                .map(s -> s.code())
                .filter(s -> !byStreet.containsKey(s))
                .findFirst()
                .orElseThrow();
        user("lk_street_" + mine, Role.GRID_CENTER, mine, null);
        user("lk_street_" + elsewhere, Role.GRID_CENTER, elsewhere, null);

        // a street with none of the person's records: refused, in the audit log and the look-up log
        Api.Response refused = login("lk_street_" + elsewhere)
                .post("/api/lookup/persons/search", Map.of("id_card", planted.idCard(), "reason", REASON));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("detail")).contains("没有记录");
        assertThat(lookupRows("lk_street_" + elsewhere, "SEARCH", key)).contains("DENIED|" + REASON);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM audit_log WHERE username = ? AND action = 'LOOKUP'"
                                + " AND outcome = 'DENIED' AND target_id = ?",
                        Integer.class,
                        "lk_street_" + elsewhere,
                        key))
                .isPositive();
        assertThat(login("lk_street_" + elsewhere)
                        .get("/api/lookup/persons/" + key + "?reason=" + enc(REASON))
                        .status())
                .isEqualTo(403);

        // a street with some: only those records, the rest counted as hidden
        JsonNode file = login("lk_street_" + mine)
                .get("/api/lookup/persons/" + key + "?page_size=100&reason=" + enc(REASON))
                .body();
        assertThat(file.get("total").asLong()).isEqualTo(byStreet.get(mine));
        assertThat(file.get("hidden_outside_scope").asLong())
                .isEqualTo(data.recordsOf(planted.idCard()).size() - byStreet.get(mine));
        file.get("records").forEach(r -> assertThat(r.get("grid_code").asText()).startsWith(mine));

        // roles without 综合查询
        for (String who : List.of("lk_worker", "lk_admin")) {
            Api.Response r = login(who)
                    .post("/api/lookup/persons/search", Map.of("id_card", planted.idCard(), "reason", REASON));
            assertThat(r.status()).as(who).isEqualTo(403);
            assertThat(r.text("detail")).isEqualTo("综合查询仅限领导、指挥中心、网格中心");
            assertThat(lookupRows(who, "SEARCH", null)).isNotEmpty();
        }

        // no reason, no look-up: 400 in the problem format, before anything is read
        Api.Session leader = login("lk_leader");
        Api.Response noReason = leader.post("/api/lookup/persons/search", Map.of("id_card", planted.idCard()));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.text("detail")).contains("查询事由");
        assertThat(noReason.text("title")).isNotBlank();
        assertThat(leader.get("/api/lookup/persons/" + key).status()).isEqualTo(400);
        assertThat(leader.get("/api/lookup/companies?name=x").status()).isEqualTo(400);
        Api.Response badCard =
                leader.post("/api/lookup/persons/search", Map.of("id_card", "37011219800101123", "reason", REASON));
        assertThat(badCard.status()).isEqualTo(400);
        assertThat(badCard.raw()).doesNotContain("37011219800101123");
        Api.Response two = leader.post(
                "/api/lookup/persons/search",
                Map.of("id_card", planted.idCard(), "phone", "13800000000", "reason", REASON));
        assertThat(two.status()).isEqualTo(400);

        // the leaders' report: who looked up whom, masked
        Api.Response report = leader.get("/api/lookup/log?user=lk_street_" + elsewhere);
        assertThat(report.status()).isEqualTo(200);
        List<String> kinds = new ArrayList<>();
        report.body().forEach(e -> {
            kinds.add(e.get("kind").asText() + " " + e.get("outcome").asText());
            assertThat(e.get("subject_label").asText()).doesNotContain(planted.idCard());
        });
        assertThat(kinds).containsExactly("PERSON DENIED", "SEARCH DENIED");
        assertThat(report.body().get(1).get("query_masked").asText())
                .isEqualTo("身份证 " + PiiProtector.maskIdCard(planted.idCard()));
        assertThat(login("lk_command").get("/api/lookup/log").status()).isEqualTo(403);
    }

    @Test
    void theClearNumbersAppearInNoLogLineAndNoTable(CapturedOutput output) throws Exception {
        GroundTruth.RepeatCaller caller = data.truth().repeatCallers().get(1);
        Api.Session leader = login("lk_leader");
        assertThat(leader.post(
                                "/api/lookup/persons/search",
                                Map.of("id_card", caller.idCard(), "reason", "核对来电人 " + caller.idCard()))
                        .status())
                .isEqualTo(200);
        assertThat(leader.post("/api/lookup/persons/search", Map.of("phone", caller.phone(), "reason", REASON))
                        .status())
                .isEqualTo(200);
        // refused and malformed look-ups too
        login("lk_worker").post("/api/lookup/persons/search", Map.of("phone", caller.phone(), "reason", REASON));
        leader.post("/api/lookup/persons/search", Map.of("id_card", caller.idCard() + "9", "reason", REASON));

        String id = caller.idCard();
        String phone = caller.phone();
        assertThat(output.getAll()).doesNotContain(id).doesNotContain(phone);
        for (String db : List.of("gridgov_case", "gridgov")) {
            assertThat(tablesContaining(db, id)).as("clear ID in " + db).isEmpty();
            assertThat(tablesContaining(db, phone)).as("clear phone in " + db).isEmpty();
        }
        // the reason was kept, masked
        assertThat(lookupRows("lk_leader", "SEARCH", PlantedPersons.pii().idCardKey(id)))
                .contains("OK|核对来电人 " + PiiProtector.maskIdCard(id));
    }

    // ---------------------------------------------------------------- helpers

    /** outcome|reason of the user's look-ups of this kind and subject. */
    private List<String> lookupRows(String user, String kind, String ref) {
        return jdbc.queryForList(
                "SELECT CONCAT(outcome, '|', reason) FROM lookup_log WHERE username = ? AND kind = ?"
                        + " AND (? IS NULL OR subject_ref = ?) ORDER BY id",
                String.class,
                user,
                kind,
                ref,
                ref);
    }

    /** table.column of every text column of the schema holding {@code value}. */
    private static List<String> tablesContaining(String schema, String value) throws Exception {
        List<String> hits = new ArrayList<>();
        try (Connection c = TestStack.warehouse().connect()) {
            List<String[]> columns = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT table_name, column_name FROM"
                    + " information_schema.columns WHERE table_schema = ? AND data_type IN ('char', 'varchar',"
                    + " 'text', 'mediumtext', 'longtext', 'tinytext')")) {
                ps.setString(1, schema);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        columns.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
            }
            for (String[] col : columns) {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT COUNT(*) FROM `" + schema + "`.`" + col[0] + "` WHERE `" + col[1] + "` LIKE ?")) {
                    ps.setString(1, "%" + value + "%");
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            hits.add(col[0] + "." + col[1]);
                        }
                    }
                }
            }
        }
        assertThat(hits).isNotNull();
        return hits;
    }

    private static void insertAlert(Connection c, String id, String subjectKey, String message) throws Exception {
        LocalDateTime t = PlantedPersons.SPEC.periodEnd().minusDays(1);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ads_alert_event (alert_id, rule, level,"
                + " level_label, subject_type, subject_key, evidence_ids, evidence_count, message, event_time,"
                + " last_evidence_time, version) VALUES (?, 'cross_source', 'ORANGE', '橙', 'PERSON', ?, 'x', 1, ?,"
                + " ?, ?, 1)")) {
            ps.setString(1, id);
            ps.setString(2, subjectKey);
            ps.setString(3, message);
            ps.setObject(4, t);
            ps.setObject(5, t);
            ps.executeUpdate();
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
