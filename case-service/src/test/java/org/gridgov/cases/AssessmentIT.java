package org.gridgov.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gridgov.cases.assessment.WarehouseMirror;
import org.gridgov.cases.security.Role;
import org.gridgov.embedded.EmbeddedWarehouse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * 监督考核 rules and manual scores (issue 16 part 3) through the API, with the attacker's cases: the wrong role or
 * area, a subject outside the area, a month that has begun, weights that do not make 100, a 65-character name, a 10 MB
 * body, a stale version, 16 edits of one version at once; the warehouse copies; and the score card read from the
 * warehouse; rules per street: a street leader publishes and withdraws their own street's rules only, a district
 * leader any street's. Publishes the district's COMMUNITY and STREET rules, and the own rules of streets 001-003
 * (AssessmentBrowserIT edits DEPARTMENT's and street 004's).
 */
class AssessmentIT extends ServiceIT {

    static final String GRID = "37011200100102";
    static final String WORKER_ID = "W00100102";
    static final String OTHER_STREET_WORKER = "W00200101";

    Api.Session leader;
    Api.Session streetLeader;
    Api.Session otherStreetLeader;
    Api.Session communityLeader;
    Api.Session worker;
    Api.Session command;
    Api.Session gridCenter;
    JdbcTemplate warehouse;

    @org.springframework.beans.factory.annotation.Autowired
    WarehouseMirror mirror;

    @BeforeEach
    void users() {
        user("as_leader", Role.LEADER, "370112", null);
        user("as_street_leader", Role.LEADER, "370112001", null);
        user("as_street2_leader", Role.LEADER, "370112002", null);
        user("as_community_leader", Role.LEADER, "370112001001", null);
        user("as_worker", Role.GRID_WORKER, GRID, null);
        user("as_command", Role.COMMAND_CENTER, "370112", null);
        user("as_gridcenter", Role.GRID_CENTER, "370112001", null);
        leader = login("as_leader");
        streetLeader = login("as_street_leader");
        otherStreetLeader = login("as_street2_leader");
        communityLeader = login("as_community_leader");
        worker = login("as_worker");
        command = login("as_command");
        gridCenter = login("as_gridcenter");
        warehouse = new JdbcTemplate(new DriverManagerDataSource(
                TestStack.warehouse().jdbcUrl(), EmbeddedWarehouse.USER, EmbeddedWarehouse.PASSWORD));
    }

    // ---------------------------------------------------------------- helpers

    static Map<String, Object> item(String code, String name, double weight, double target, String method) {
        Map<String, Object> m = new HashMap<>();
        m.put("item_code", code);
        m.put("item_name", name);
        m.put("weight", weight);
        m.put("target", target);
        m.put("method", method);
        return m;
    }

    /** COMMUNITY or STREET rules whose first weight is {@code first} (60 makes 100). */
    static List<Map<String, Object>> items(double first, String firstName) {
        return List.of(
                item("SATISFACTION", firstName, first, 0.9, "RATIO_TO_TARGET"),
                item("OVERDUE_COUNT", "超期事件数", 25, 3, "INVERSE_COUNT"),
                item("MEDIATIONS", "调处成功数", 15, 2, "THRESHOLD"));
    }

    static Map<String, Object> rules(String level, String from, Object base, List<Map<String, Object>> items) {
        Map<String, Object> m = new HashMap<>();
        m.put("level", level);
        m.put("valid_from", from);
        m.put("base_version", base);
        m.put("note", "测试调整");
        m.put("items", items);
        return m;
    }

    JsonNode newest(String level) {
        Api.Response r = leader.get("/api/assessment/rules/history?level=" + level);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body().get(0);
    }

    /** The newest version of a street's own rules, null before its first. */
    JsonNode newestIn(String level, String scope) {
        Api.Response r = leader.get("/api/assessment/rules/history?level=" + level + "&scope=" + scope);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body().isEmpty() ? null : r.body().get(0);
    }

    int baseIn(String level, String scope) {
        JsonNode n = newestIn(level, scope);
        return n == null ? 0 : n.get("rule_version").asInt();
    }

    /** The first month a new version of a street's own rules may start. */
    String nextFromIn(String level, String scope) {
        JsonNode n = newestIn(level, scope);
        YearMonth next = YearMonth.now(clock).plusMonths(1);
        if (n == null) {
            return next.toString();
        }
        YearMonth newestFrom = YearMonth.parse(n.get("valid_from").asText().substring(0, 7));
        return (newestFrom.isBefore(next) ? next : newestFrom.plusMonths(1)).toString();
    }

    static Map<String, Object> scoped(String scope, Map<String, Object> body) {
        body.put("scope", scope);
        return body;
    }

    /** GRID_WORKER rules (weights 100) whose VISITS target is {@code visits}. */
    static List<Map<String, Object>> workerItems(double visits) {
        return List.of(
                item("EVENTS_REPORTED", "上报事件数", 30, 20, "RATIO_TO_TARGET"),
                item("VISITS", "入户走访数", 40, visits, "RATIO_TO_TARGET"),
                item("ATTENDANCE", "出勤率", 30, 0.95, "RATIO_TO_TARGET"));
    }

    /** The first month a new version of the level may start: after this month and after the newest version's. */
    String nextFrom(String level) {
        YearMonth newestFrom =
                YearMonth.parse(newest(level).get("valid_from").asText().substring(0, 7));
        YearMonth next = YearMonth.now(clock).plusMonths(1);
        return (newestFrom.isBefore(next) ? next : newestFrom.plusMonths(1)).toString();
    }

    int audits(String action, String outcome, String user) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_log WHERE action = ? AND outcome = ? AND username = ?",
                Integer.class,
                action,
                outcome,
                user);
    }

    // ---------------------------------------------------------------- rules

    @Test
    void everyMonthSinceTwentyTwentyFiveHasTheSeededRulesAndTheWarehouseHasThem() throws InterruptedException {
        Api.Response r = worker.get("/api/assessment/rules?month=2025-03&level=GRID_WORKER");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().get("rule_version").asInt()).isEqualTo(1);
        assertThat(r.text("valid_from")).isEqualTo("2020-01-01");
        double sum = 0;
        for (JsonNode i : r.get("items")) {
            sum += i.get("weight").asDouble();
        }
        assertThat(sum).isEqualTo(100.0);
        assertThat(r.get("items")).hasSize(11);
        assertThat(leader.get("/api/assessment/rules?month=2019-12&level=STREET")
                        .status())
                .isEqualTo(404);
        // the seeded versions are in the warehouse after start (the copy at start runs in the background)
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (warehouse.queryForObject(
                                "SELECT COUNT(*) FROM dim_assessment_rule WHERE rule_version = 1"
                                        + " AND scope_code = '370112'",
                                Integer.class)
                        < 33
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(warehouse.queryForObject(
                        "SELECT SUM(weight) FROM dim_assessment_rule WHERE rule_version = 1"
                                + " AND level = 'GRID_WORKER' AND scope_code = '370112'",
                        Double.class))
                .isEqualTo(100.0);
        assertThat(warehouse.queryForObject(
                        "SELECT COUNT(*) FROM dim_assessment_rule WHERE rule_version = 1"
                                + " AND scope_code = '370112'",
                        Integer.class))
                .isEqualTo(33);
    }

    @Test
    void aNewVersionStartsInALaterMonthAndNeverChangesAPastOne() {
        JsonNode before = newest("COMMUNITY");
        int base = before.get("rule_version").asInt();
        String from = nextFrom("COMMUNITY");
        Api.Response r = leader.post("/api/assessment/rules", rules("COMMUNITY", from, base, items(60, "回访满意率")));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.body().get("rule_version").asInt()).isEqualTo(base + 1);
        assertThat(r.text("valid_from")).isEqualTo(from + "-01");
        // this month keeps its rules; the new month gets the new ones; the old version ends the day before
        String thisMonth = YearMonth.now(clock).toString();
        assertThat(leader.get("/api/assessment/rules?level=COMMUNITY&month=" + thisMonth)
                        .body()
                        .get("rule_version")
                        .asInt())
                .isLessThanOrEqualTo(base);
        assertThat(leader.get("/api/assessment/rules?level=COMMUNITY&month=" + from)
                        .body()
                        .get("rule_version")
                        .asInt())
                .isEqualTo(base + 1);
        JsonNode history =
                leader.get("/api/assessment/rules/history?level=COMMUNITY").body();
        assertThat(history.get(0).get("rule_version").asInt()).isEqualTo(base + 1);
        assertThat(history.get(1).get("valid_to").asText())
                .isEqualTo(YearMonth.parse(from).atDay(1).minusDays(1).toString());
        assertThat(r.text("scope")).isEqualTo("370112");
        assertThat(audits("ASSESSMENT_RULES", "OK", "as_leader")).isPositive();
        // the warehouse has the new version and the old one's end
        assertThat(warehouse.queryForObject(
                        "SELECT SUM(weight) FROM dim_assessment_rule WHERE level = 'COMMUNITY'"
                                + " AND scope_code = '370112' AND rule_version = ?",
                        Double.class,
                        base + 1))
                .isEqualTo(100.0);
        assertThat(warehouse.queryForList(
                        "SELECT DISTINCT valid_to FROM dim_assessment_rule WHERE level ="
                                + " 'COMMUNITY' AND scope_code = '370112' AND rule_version = ?",
                        String.class,
                        base))
                .containsExactly(YearMonth.parse(from).atDay(1).minusDays(1).toString());
    }

    @Test
    void everyRefusalHasItsStatusAndReason() {
        int base = newest("STREET").get("rule_version").asInt();
        String from = nextFrom("STREET");
        int deniedBefore = audits("ASSESSMENT_RULES", "DENIED", "as_street_leader");
        // wrong role or area
        assertThat(worker.post("/api/assessment/rules", rules("GRID_WORKER", from, 1, items(60, "x")))
                        .status())
                .isEqualTo(403);
        assertThat(command.post("/api/assessment/rules", rules("STREET", from, base, items(60, "x")))
                        .status())
                .isEqualTo(403);
        Api.Response street = streetLeader.post("/api/assessment/rules", rules("STREET", from, base, items(60, "x")));
        assertThat(street.status()).isEqualTo(403);
        assertThat(street.text("detail")).contains("街道和部门的考核由区领导负责");
        assertThat(audits("ASSESSMENT_RULES", "DENIED", "as_street_leader")).isEqualTo(deniedBefore + 1);
        assertThat(communityLeader
                        .post(
                                "/api/assessment/rules",
                                rules(
                                        "COMMUNITY",
                                        nextFrom("COMMUNITY"),
                                        newest("COMMUNITY").get("rule_version").asInt(),
                                        items(60, "x")))
                        .status())
                .isEqualTo(403);
        // a month that has begun
        Api.Response past = leader.post(
                "/api/assessment/rules", rules("STREET", YearMonth.now(clock).toString(), base, items(60, "x")));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.text("detail")).contains("不晚于本月");
        assertThat(leader.post(
                                "/api/assessment/rules",
                                rules(
                                        "STREET",
                                        YearMonth.now(clock).minusMonths(2).toString(),
                                        base,
                                        items(60, "x")))
                        .status())
                .isEqualTo(400);
        // weights that do not make 100
        Api.Response weights = leader.post("/api/assessment/rules", rules("STREET", from, base, items(59, "x")));
        assertThat(weights.status()).isEqualTo(400);
        assertThat(weights.text("detail")).isEqualTo("各项分值合计须为 100，现为 99");
        assertThat(weights.text("error")).isEqualTo(weights.text("detail"));
        // a 65-character name (64 are fine: checked by the publication further down)
        Api.Response name =
                leader.post("/api/assessment/rules", rules("STREET", from, base, items(60, "满".repeat(65))));
        assertThat(name.status()).isEqualTo(400);
        assertThat(name.text("detail")).isEqualTo("第 1 项：名称不能超过 64 个字");
        // unknown method, level, code; zero target
        List<Map<String, Object>> odd = List.of(
                item("SATISFACTION", "x", 60, 0.9, "GUESS"),
                item("PARKING", "x", 25, 3, "INVERSE_COUNT"),
                item("MEDIATIONS", "x", 15, 0, "THRESHOLD"));
        Api.Response many = leader.post("/api/assessment/rules", rules("STREET", from, base, odd));
        assertThat(many.status()).isEqualTo(400);
        assertThat(many.text("detail")).contains("计分方法须为", "PARKING 不在考核项清单中", "目标值须大于 0");
        assertThat(leader.post("/api/assessment/rules", rules("MAYOR", from, base, items(60, "x")))
                        .status())
                .isEqualTo(400);
        // a wrong type is a 400 naming the field, not a class
        Map<String, Object> typed = rules("STREET", from, base, items(60, "x"));
        typed.put("base_version", "one");
        Api.Response type = leader.post("/api/assessment/rules", typed);
        assertThat(type.status()).isEqualTo(400);
        assertThat(type.raw()).doesNotContain("java.", "Exception");
        // 10 MB
        Api.Response huge = leader.post(
                "/api/assessment/rules", rules("STREET", from, base, items(60, "满".repeat(10 * 1024 * 1024 / 3))));
        assertThat(huge.status()).isEqualTo(413);
        // a stale version
        Api.Response stale = leader.post("/api/assessment/rules", rules("STREET", from, base + 7, items(60, "x")));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text("detail")).contains("规则已被修改");
        // nothing above was published
        assertThat(newest("STREET").get("rule_version").asInt()).isEqualTo(base);
        // and the limit is 64: accepted
        Api.Response ok = leader.post("/api/assessment/rules", rules("STREET", from, base, items(60, "满".repeat(64))));
        assertThat(ok.status()).as(ok.raw()).isEqualTo(201);
        // a version cannot start with or before the newest one
        Api.Response same = leader.post("/api/assessment/rules", rules("STREET", from, base + 1, items(60, "x")));
        assertThat(same.status()).isEqualTo(409);
        assertThat(same.text("detail")).contains("新版本须晚于该月");
    }

    @Test
    void sixteenParallelEditsOfOneVersionMakeOneNewVersion() throws Exception {
        JsonNode before = newest("STREET");
        int base = before.get("rule_version").asInt();
        String from = nextFrom("STREET");
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            calls.add(() -> leader.post("/api/assessment/rules", rules("STREET", from, base, items(60, "满意率")))
                    .status());
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(15);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM assessment_rule_version WHERE level = 'STREET'" + " AND version > ?",
                        Integer.class,
                        base))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM assessment_rule_version WHERE level = 'STREET'" + " AND valid_to IS NULL",
                        Integer.class))
                .isEqualTo(1);
    }

    // ---------------------------------------------------------------- rules per street (分级考核)

    @Test
    void aStreetLeaderSetsOnlyTheirOwnStreetsRulesAndTheDistrictLeaderAnyStreets() {
        String s1 = "370112001";
        String s2 = "370112002";
        String from = nextFromIn("GRID_WORKER", s1);
        int districtBase = newest("GRID_WORKER").get("rule_version").asInt();
        int deniedBefore = audits("ASSESSMENT_RULES", "DENIED", "as_street_leader");
        int s2Before = baseIn("GRID_WORKER", s2);
        // another street's rules, the district's, a level only the district sets: 403 with the reason
        Api.Response other = streetLeader.post(
                "/api/assessment/rules",
                scoped(s2, rules("GRID_WORKER", from, baseIn("GRID_WORKER", s2), workerItems(25))));
        assertThat(other.status()).as(other.raw()).isEqualTo(403);
        assertThat(other.text("detail")).contains("规则范围 370112002 不是本街道 370112001");
        Api.Response district = streetLeader.post(
                "/api/assessment/rules", rules("GRID_WORKER", nextFrom("GRID_WORKER"), districtBase, workerItems(25)));
        assertThat(district.status()).isEqualTo(403);
        assertThat(district.text("detail")).contains("区级考核规则由区领导设定");
        Api.Response explicitDistrict = streetLeader.post(
                "/api/assessment/rules",
                scoped(
                        "370112",
                        rules(
                                "COMMUNITY",
                                nextFrom("COMMUNITY"),
                                newest("COMMUNITY").get("rule_version").asInt(),
                                items(60, "x"))));
        assertThat(explicitDistrict.status()).isEqualTo(403);
        Api.Response streetLevel = streetLeader.post(
                "/api/assessment/rules",
                scoped(
                        s1,
                        rules(
                                "STREET",
                                nextFrom("STREET"),
                                newest("STREET").get("rule_version").asInt(),
                                items(60, "x"))));
        assertThat(streetLevel.status()).isEqualTo(403);
        assertThat(streetLevel.text("detail")).contains("街道和部门的考核由区领导负责");
        assertThat(audits("ASSESSMENT_RULES", "DENIED", "as_street_leader")).isEqualTo(deniedBefore + 4);
        assertThat(baseIn("GRID_WORKER", s2)).isEqualTo(s2Before);
        assertThat(newest("GRID_WORKER").get("rule_version").asInt()).isEqualTo(districtBase);

        // their own street: the next version of the street's own rules
        int base = baseIn("GRID_WORKER", s1);
        Api.Response own = streetLeader.post(
                "/api/assessment/rules", scoped(s1, rules("GRID_WORKER", from, base, workerItems(25))));
        assertThat(own.status()).as(own.raw()).isEqualTo(201);
        assertThat(own.text("scope")).isEqualTo(s1);
        assertThat(own.get("rule_version").asInt()).isEqualTo(base + 1);
        assertThat(audits("ASSESSMENT_RULES", "OK", "as_street_leader")).isPositive();
        // the month is scored with the street's own rules in s1, the district's elsewhere and before it
        Api.Response inS1 = worker.get("/api/assessment/rules?level=GRID_WORKER&scope=" + s1 + "&month=" + from);
        assertThat(inS1.status()).as(inS1.raw()).isEqualTo(200);
        assertThat(inS1.text("scope")).isEqualTo(s1);
        assertThat(inS1.get("items")).hasSize(3);
        Api.Response inS2 = leader.get("/api/assessment/rules?level=GRID_WORKER&scope=" + s2 + "&month=" + from);
        assertThat(inS2.text("scope")).isEqualTo("370112");
        assertThat(inS2.get("rule_version").asInt()).isEqualTo(districtBase);
        assertThat(leader.get("/api/assessment/rules?level=GRID_WORKER&month=" + from)
                        .text("scope"))
                .isEqualTo("370112");
        if (base == 0) {
            assertThat(leader.get("/api/assessment/rules?level=GRID_WORKER&scope=" + s1 + "&month="
                                    + YearMonth.now(clock))
                            .text("scope"))
                    .isEqualTo("370112");
        }
        // in the warehouse under the street's scope; the district's rows untouched
        assertThat(warehouse.queryForObject(
                        "SELECT SUM(weight) FROM dim_assessment_rule WHERE level = 'GRID_WORKER'"
                                + " AND scope_code = ? AND rule_version = ?",
                        Double.class,
                        s1,
                        base + 1))
                .isEqualTo(100.0);
        assertThat(warehouse.queryForObject(
                        "SELECT COUNT(*) FROM dim_assessment_rule WHERE level = 'GRID_WORKER'"
                                + " AND scope_code = '370112' AND rule_version = ?",
                        Integer.class,
                        districtBase))
                .isEqualTo(newest("GRID_WORKER").get("items").size());

        // the district's leader sets any street's
        Api.Response byDistrict = leader.post(
                "/api/assessment/rules",
                scoped(s2, rules("GRID_WORKER", nextFromIn("GRID_WORKER", s2), s2Before, workerItems(30))));
        assertThat(byDistrict.status()).as(byDistrict.raw()).isEqualTo(201);
        assertThat(byDistrict.text("scope")).isEqualTo(s2);
        assertThat(byDistrict.get("rule_version").asInt()).isEqualTo(s2Before + 1);
        // but a street scope exists for COMMUNITY and GRID_WORKER only, and only for a street of the district
        Api.Response streetScopedStreet = leader.post(
                "/api/assessment/rules",
                scoped(
                        s1,
                        rules(
                                "STREET",
                                nextFrom("STREET"),
                                newest("STREET").get("rule_version").asInt(),
                                items(60, "x"))));
        assertThat(streetScopedStreet.status()).isEqualTo(400);
        assertThat(streetScopedStreet.text("detail")).contains("只有区级规则");
        assertThat(leader.post(
                                "/api/assessment/rules",
                                scoped("370112999", rules("GRID_WORKER", from, 0, workerItems(25))))
                        .status())
                .isEqualTo(400);
        assertThat(leader.get("/api/assessment/rules/history?level=GRID_WORKER&scope=370112999")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aStreetsRulesAreWithdrawnFromALaterMonthKeepingTheirHistory() {
        String s2 = "370112002";
        String from = nextFromIn("COMMUNITY", s2);
        int base = baseIn("COMMUNITY", s2);
        Api.Response published = otherStreetLeader.post(
                "/api/assessment/rules", scoped(s2, rules("COMMUNITY", from, base, items(60, "回访满意率"))));
        assertThat(published.status()).as(published.raw()).isEqualTo(201);
        int v = published.get("rule_version").asInt();
        String until = YearMonth.parse(from).plusMonths(1).toString();
        Map<String, Object> body = new HashMap<>();
        body.put("level", "COMMUNITY");
        body.put("scope", s2);
        body.put("valid_from", until);
        body.put("base_version", v);
        body.put("note", "统一执行区级规则");
        // refused: another street's leader, the district's scope, a month that has begun, a stale version
        Api.Response notTheirs = streetLeader.post("/api/assessment/rules/withdraw", body);
        assertThat(notTheirs.status()).isEqualTo(403);
        assertThat(notTheirs.text("detail")).contains("不是本街道");
        Map<String, Object> district = new HashMap<>(body);
        district.put("scope", "370112");
        district.put("base_version", newest("COMMUNITY").get("rule_version").asInt());
        assertThat(leader.post("/api/assessment/rules/withdraw", district).text("detail"))
                .contains("区级规则不能撤销");
        assertThat(otherStreetLeader
                        .post("/api/assessment/rules/withdraw", district)
                        .status())
                .isEqualTo(403);
        Map<String, Object> begun = new HashMap<>(body);
        begun.put("valid_from", YearMonth.now(clock).toString());
        assertThat(otherStreetLeader
                        .post("/api/assessment/rules/withdraw", begun)
                        .status())
                .isEqualTo(400);
        Map<String, Object> stale = new HashMap<>(body);
        stale.put("base_version", v - 1);
        assertThat(otherStreetLeader
                        .post("/api/assessment/rules/withdraw", stale)
                        .status())
                .isEqualTo(409);

        Api.Response withdrawn = otherStreetLeader.post("/api/assessment/rules/withdraw", body);
        assertThat(withdrawn.status()).as(withdrawn.raw()).isEqualTo(200);
        String end = YearMonth.parse(from).atEndOfMonth().toString();
        assertThat(withdrawn.text("valid_to")).isEqualTo(end);
        assertThat(withdrawn.text("withdrawn_by")).isEqualTo("as_street2_leader");
        // its month keeps the street's rules; from the withdrawal on the district's
        assertThat(leader.get("/api/assessment/rules?level=COMMUNITY&scope=" + s2 + "&month=" + from)
                        .text("scope"))
                .isEqualTo(s2);
        assertThat(leader.get("/api/assessment/rules?level=COMMUNITY&scope=" + s2 + "&month=" + until)
                        .text("scope"))
                .isEqualTo("370112");
        assertThat(audits("ASSESSMENT_RULES", "OK", "as_street2_leader")).isGreaterThanOrEqualTo(2);
        assertThat(warehouse.queryForList(
                        "SELECT DISTINCT valid_to FROM dim_assessment_rule WHERE level ="
                                + " 'COMMUNITY' AND scope_code = ? AND rule_version = ?",
                        String.class,
                        s2,
                        v))
                .containsExactly(end);
        // twice is a conflict: nothing holds any more
        assertThat(otherStreetLeader
                        .post("/api/assessment/rules/withdraw", body)
                        .status())
                .isEqualTo(409);

        // a later version of the street's own rules: the withdrawn one keeps its end, nothing is deleted
        String again = YearMonth.parse(until).plusMonths(1).toString();
        Api.Response next = otherStreetLeader.post(
                "/api/assessment/rules", scoped(s2, rules("COMMUNITY", again, v, items(60, "满意率"))));
        assertThat(next.status()).as(next.raw()).isEqualTo(201);
        JsonNode history = leader.get("/api/assessment/rules/history?level=COMMUNITY&scope=" + s2)
                .body();
        assertThat(history.get(0).get("rule_version").asInt()).isEqualTo(v + 1);
        assertThat(history.get(1).get("valid_to").asText()).isEqualTo(end);
        assertThat(history.get(1).get("withdrawn_by").asText()).isEqualTo("as_street2_leader");
        assertThat(history).hasSize(v + 1);
        assertThat(leader.get("/api/assessment/rules?level=COMMUNITY&scope=" + s2 + "&month=" + until)
                        .text("scope"))
                .isEqualTo("370112");
        assertThat(leader.get("/api/assessment/rules?level=COMMUNITY&scope=" + s2 + "&month=" + again)
                        .text("scope"))
                .isEqualTo(s2);
    }

    @Test
    void parallelEditsOfOneStreetsVersionMakeOneNewVersion() throws Exception {
        String s3 = "370112003";
        user("as_street3_leader", Role.LEADER, s3, null);
        Api.Session street3 = login("as_street3_leader");
        if (newestIn("COMMUNITY", s3) == null) {
            assertThat(street3.post(
                                    "/api/assessment/rules",
                                    scoped(s3, rules("COMMUNITY", nextFromIn("COMMUNITY", s3), 0, items(60, "满意率"))))
                            .status())
                    .isEqualTo(201);
        }
        int base = baseIn("COMMUNITY", s3);
        String from = nextFromIn("COMMUNITY", s3);
        int districtBefore = newest("COMMUNITY").get("rule_version").asInt();
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> street3.post(
                            "/api/assessment/rules", scoped(s3, rules("COMMUNITY", from, base, items(60, "满意率"))))
                    .status());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(statuses).filteredOn(st -> st == 201).hasSize(1);
        assertThat(statuses).filteredOn(st -> st == 409).hasSize(7);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM assessment_rule_version WHERE level = 'COMMUNITY'"
                                + " AND scope_code = ? AND version > ?",
                        Integer.class,
                        s3,
                        base))
                .isEqualTo(1);
        assertThat(newest("COMMUNITY").get("rule_version").asInt()).isEqualTo(districtBefore);
    }

    @Test
    void workersAndDepartmentsReadOnlyTheirOwnLevel() {
        assertThat(worker.get("/api/assessment/rules?level=STREET").status()).isEqualTo(403);
        assertThat(worker.get("/api/assessment/rules?level=GRID_WORKER").status())
                .isEqualTo(200);
        assertThat(gridCenter.get("/api/assessment/rules?level=DEPARTMENT").status())
                .isEqualTo(200);
        assertThat(leader.get("/api/assessment/rules?level=GRID_WORKER&month=25-01")
                        .status())
                .isEqualTo(400);
        assertThat(leader.get("/api/assessment/rules?level=NOBODY").status()).isEqualTo(400);
    }

    // ---------------------------------------------------------------- manual scores

    static Map<String, Object> score(String month, String level, String subject, Object points, String reason) {
        Map<String, Object> m = new HashMap<>();
        m.put("month", month);
        m.put("level", level);
        m.put("subject_code", subject);
        m.put("points", points);
        m.put("reason", reason);
        return m;
    }

    @Test
    void manualScoresInScopeWithAReasonRevocableByTheAuthorUntilTheMonthCloses() {
        String month = YearMonth.now(clock).toString();
        Api.Response added = streetLeader.post(
                "/api/assessment/manual-scores",
                score(month, "GRID_WORKER", WORKER_ID, 5.5, "暴雨夜连续巡查，及时转移群众，联系电话13812345678"));
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        String scoreId = added.text("score_id");
        long id = added.get("id").asLong();
        assertThat(added.get("points").asDouble()).isEqualTo(5.5);
        // in the warehouse, the phone number masked
        Map<String, Object> row = warehouse.queryForMap("SELECT * FROM dwd_manual_score WHERE score_id = ?", scoreId);
        assertThat(row.get("subject_code")).isEqualTo(WORKER_ID);
        assertThat(row.get("month")).isEqualTo(month);
        assertThat(((Number) row.get("points")).doubleValue()).isEqualTo(5.5);
        assertThat((String) row.get("reason")).doesNotContain("13812345678").contains("暴雨夜连续巡查");
        assertThat(audits("MANUAL_SCORE", "OK", "as_street_leader")).isPositive();
        // listed for the street and for the worker, not for another street
        assertThat(streetLeader
                        .get("/api/assessment/manual-scores?month=" + month)
                        .body()
                        .findValuesAsText("score_id"))
                .contains(scoreId);
        assertThat(worker.get("/api/assessment/manual-scores?month=" + month)
                        .body()
                        .findValuesAsText("score_id"))
                .contains(scoreId);
        assertThat(otherStreetLeader
                        .get("/api/assessment/manual-scores?month=" + month)
                        .body()
                        .findValuesAsText("score_id"))
                .doesNotContain(scoreId);

        // refusals: role, area, level, values
        assertThat(worker.post("/api/assessment/manual-scores", score(month, "GRID_WORKER", WORKER_ID, 5, "自评"))
                        .status())
                .isEqualTo(403);
        assertThat(gridCenter
                        .post("/api/assessment/manual-scores", score(month, "GRID_WORKER", WORKER_ID, 5, "好"))
                        .status())
                .isEqualTo(403);
        Api.Response outside = streetLeader.post(
                "/api/assessment/manual-scores", score(month, "GRID_WORKER", OTHER_STREET_WORKER, 5, "外街道"));
        assertThat(outside.status()).isEqualTo(403);
        assertThat(outside.text("detail")).contains("不在辖区 370112001");
        assertThat(streetLeader
                        .post("/api/assessment/manual-scores", score(month, "STREET", "370112001", 5, "本街道"))
                        .status())
                .isEqualTo(403);
        assertThat(streetLeader
                        .post("/api/assessment/manual-scores", score(month, "GRID_WORKER", WORKER_ID, 25, "太多"))
                        .status())
                .isEqualTo(400);
        assertThat(streetLeader
                        .post("/api/assessment/manual-scores", score(month, "GRID_WORKER", WORKER_ID, -3, " "))
                        .text("detail"))
                .isEqualTo("手工打分须写明理由");
        assertThat(streetLeader
                        .post("/api/assessment/manual-scores", score(month, "GRID_WORKER", "W99999999", 3, "无此人"))
                        .status())
                .isEqualTo(400);
        assertThat(streetLeader
                        .post(
                                "/api/assessment/manual-scores",
                                score(YearMonth.now(clock).plusMonths(1).toString(), "GRID_WORKER", WORKER_ID, 3, "预支"))
                        .status())
                .isEqualTo(400);
        assertThat(leader.post("/api/assessment/manual-scores", score(month, "DEPARTMENT", "NO_SUCH_DEPT", 3, "x"))
                        .status())
                .isEqualTo(400);

        // only the author revokes
        Api.Response notMine = leader.post("/api/assessment/manual-scores/" + id + "/revoke", null);
        assertThat(notMine.status()).isEqualTo(403);
        assertThat(notMine.text("detail")).isEqualTo("只有打分人本人可以撤销手工打分");
        assertThat(streetLeader
                        .post("/api/assessment/manual-scores/999999999/revoke", null)
                        .status())
                .isEqualTo(404);
        Api.Response revoked = streetLeader.post("/api/assessment/manual-scores/" + id + "/revoke", null);
        assertThat(revoked.status()).as(revoked.raw()).isEqualTo(200);
        assertThat(revoked.text("revoked_by")).isEqualTo("as_street_leader");
        assertThat(warehouse.queryForObject(
                        "SELECT COUNT(*) FROM dwd_manual_score WHERE score_id = ?", Integer.class, scoreId))
                .isZero();
        assertThat(streetLeader
                        .post("/api/assessment/manual-scores/" + id + "/revoke", null)
                        .status())
                .isEqualTo(409);

        // a closed month takes neither scores nor revocations
        Api.Response kept = streetLeader.post(
                "/api/assessment/manual-scores", score(month, "COMMUNITY", "370112001001", -2, "矛盾纠纷排查不到位"));
        assertThat(kept.status()).isEqualTo(201);
        clock.advance(Duration.ofDays(40));
        try {
            // signed in again: 40 days outlive the 8 h token
            Api.Session later = login("as_street_leader");
            assertThat(later.post(
                                    "/api/assessment/manual-scores/"
                                            + kept.get("id").asLong() + "/revoke",
                                    null)
                            .text("detail"))
                    .contains("已结账");
            assertThat(later.post("/api/assessment/manual-scores", score(month, "COMMUNITY", "370112001001", 1, "补记"))
                            .status())
                    .isEqualTo(409);
        } finally {
            clock.reset();
        }
        assertThat(warehouse.queryForObject(
                        "SELECT COUNT(*) FROM dwd_manual_score WHERE score_id = ?",
                        Integer.class,
                        kept.text("score_id")))
                .isEqualTo(1);
    }

    @Test
    void theWarehouseCopyIsIdempotentAndItsCountsReconcile() throws Exception {
        streetLeader.post(
                "/api/assessment/manual-scores",
                score(YearMonth.now(clock).toString(), "GRID_WORKER", WORKER_ID, 1, "对账"));
        WarehouseMirror.Copy first = mirror.copy();
        WarehouseMirror.Copy second = mirror.copy();
        assertThat(second).isEqualTo(first);
        int items = jdbc.queryForObject("SELECT COUNT(*) FROM assessment_rule_item", Integer.class);
        int active = jdbc.queryForObject(
                "SELECT COUNT(*) FROM assessment_manual_score WHERE revoked_at IS NULL", Integer.class);
        int revoked = jdbc.queryForObject(
                "SELECT COUNT(*) FROM assessment_manual_score WHERE revoked_at IS NOT NULL", Integer.class);
        assertThat(first.ruleRows()).isEqualTo(items);
        assertThat(first.scoreRows()).isEqualTo(active);
        assertThat(first.removedScores()).isEqualTo(revoked);
        assertThat(warehouse.queryForObject("SELECT COUNT(*) FROM dim_assessment_rule", Integer.class))
                .isEqualTo(items);
        assertThat(warehouse.queryForObject("SELECT COUNT(*) FROM dwd_manual_score", Integer.class))
                .isEqualTo(active);
    }

    // ---------------------------------------------------------------- score cards

    void assessed(String month, String workerId, String grid, double total, int rank, String flags) {
        AssessmentFixture.assessed(warehouse, month, workerId, grid, total, rank, flags);
    }

    @Test
    void aWorkerSeesTheirOwnCardAndLeadersTheRankingsOfTheirArea() {
        String month = YearMonth.now(clock).minusMonths(1).toString();
        assessed(month, WORKER_ID, GRID, 81.25, 3, "STAYS_IN_ONE_PLACE,MISSING_CHECKOUT");
        assessed(month, OTHER_STREET_WORKER, "37011200200101", 92.5, 1, "");
        Api.Response own = worker.get("/api/assessment/card?month=" + month);
        assertThat(own.status()).as(own.raw()).isEqualTo(200);
        assertThat(own.get("assessed").asBoolean()).isTrue();
        JsonNode card = own.get("card");
        assertThat(card.get("worker_id").asText()).isEqualTo(WORKER_ID);
        assertThat(card.get("total").asDouble()).isEqualTo(81.25);
        assertThat(card.get("rank").asInt()).isEqualTo(3);
        assertThat(card.get("anomalies").toString()).contains("STAYS_IN_ONE_PLACE", "MISSING_CHECKOUT");
        // the items of rule version 1, with the job's raw values and points where it wrote them
        JsonNode first = card.get("items").get(0);
        assertThat(first.get("code").asText()).isEqualTo("EVENTS_REPORTED");
        assertThat(first.get("raw").asDouble()).isEqualTo(10);
        assertThat(first.get("points").asDouble()).isEqualTo(7.5);
        assertThat(card.get("items")).hasSize(11);
        // another worker's card, a ranking: refused
        assertThat(worker.get("/api/assessment/card?month=" + month + "&worker_id=" + OTHER_STREET_WORKER)
                        .status())
                .isEqualTo(403);
        assertThat(worker.get("/api/assessment/ranking?month=" + month).status())
                .isEqualTo(403);
        // a month without results
        Api.Response none = worker.get("/api/assessment/card?month=2025-02");
        assertThat(none.get("assessed").asBoolean()).isFalse();
        // the street's ranking holds its worker and not the other street's; the district's both, best first
        JsonNode street =
                streetLeader.get("/api/assessment/ranking?month=" + month).get("rows");
        assertThat(street.findValuesAsText("code")).contains(WORKER_ID).doesNotContain(OTHER_STREET_WORKER);
        JsonNode district = leader.get("/api/assessment/ranking?month=" + month).get("rows");
        assertThat(district.findValuesAsText("code")).containsSubsequence(OTHER_STREET_WORKER, WORKER_ID);
        assertThat(streetLeader
                        .get("/api/assessment/card?month=" + month + "&worker_id=" + OTHER_STREET_WORKER)
                        .status())
                .isEqualTo(403);
        assertThat(streetLeader
                        .get("/api/assessment/card?month=" + month + "&worker_id=" + WORKER_ID)
                        .get("card")
                        .get("total")
                        .asDouble())
                .isEqualTo(81.25);
        assertThat(command.get("/api/assessment/ranking?month=" + month).status())
                .isEqualTo(403);
        assertThat(streetLeader
                        .get("/api/assessment/ranking?month=" + month + "&level=DEPARTMENT")
                        .status())
                .isEqualTo(403);
    }
}
