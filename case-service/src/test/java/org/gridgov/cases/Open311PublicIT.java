package org.gridgov.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.gridgov.cases.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 2: the public Open311 GET shows only citizen-channel cases whose reporter consented, without personal
 * data, a bounded page at a time with one query per page.
 */
class Open311PublicIT extends ServiceIT {

    /** Personal data as a scan of public output looks for it. */
    static final List<Pattern> LEAKS = List.of(
            Pattern.compile("(?<!\\d)1[3-9]\\d(?:[\\s-]?\\d){8}(?!\\d)"),
            Pattern.compile("(?<!\\d)0\\d{2,3}[\\s)）-]*\\d{3,4}[\\s-]?\\d{4}(?!\\d)"),
            Pattern.compile("(?<!\\d)\\d{17}[\\dXx]"),
            Pattern.compile("\\d+号楼|\\d+单元|\\d+室"),
            Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"),
            Pattern.compile("wxid_|鲁A\\d"));

    Api.Session worker;
    Api.Session command;

    @BeforeEach
    void users() {
        user("op_worker", Role.GRID_WORKER, WorkflowIT.GRID, null);
        user("op_command", Role.COMMAND_CENTER, "370112", null);
        worker = login("op_worker");
        command = login("op_command");
    }

    Api.Response publicGet(String path) {
        return api.send("GET", path, null, null);
    }

    static Map<String, Object> hotline(String description, String address, Boolean consent) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("description", description);
        m.put("channel", "HOTLINE");
        m.put("category_code", "C0101");
        m.put("grid_code", WorkflowIT.GRID);
        m.put("address", address);
        m.put("reporter_name", "王建国");
        m.put("reporter_phone", "13912345678");
        if (consent != null) {
            m.put("publish_consent", consent);
        }
        return m;
    }

    @Test
    void internalAndUnconsentedCasesAreNotPublic() {
        String patrol = worker.post("/api/cases", WorkflowIT.report("网格巡查发现井盖缺失", "C0101", false))
                .text("id");
        String unconsented =
                command.post("/api/cases", hotline("市民反映路灯不亮", "山大路社区", null)).text("id");
        String declined =
                command.post("/api/cases", hotline("市民反映路灯不亮", "山大路社区", false)).text("id");
        for (String id : List.of(patrol, unconsented, declined)) {
            Api.Response one = publicGet("/open311/v2/requests/" + id + ".json");
            assertThat(one.status()).as(id).isEqualTo(404);
            assertThat(one.body().get(0).get("code").asInt()).isEqualTo(404);
            assertThat(publicGet("/open311/v2/requests.json?service_request_id=" + id)
                            .body()
                            .size())
                    .isZero();
        }
        JsonNode list = publicGet("/open311/v2/requests.json?service_code=C0101&page_size=100")
                .body();
        assertThat(list.findValuesAsText("service_request_id")).doesNotContain(patrol, unconsented, declined);

        String consented =
                command.post("/api/cases", hotline("市民反映路灯不亮", "山大路社区", true)).text("id");
        assertThat(publicGet("/open311/v2/requests/" + consented + ".json").status())
                .isEqualTo(200);
    }

    @Test
    void publicOutputCarriesNoPersonalData() {
        String description = "市民王建国反映：家住山大路社区12号楼2单元301室，楼上李女士家漏水，联系电话 139 1234 5678，"
                + "座机（0531）8888 6666，微信 wxid_abc12345，邮箱 wjg@example.com，身份证370112199001011234，"
                + "车牌鲁A12345长期占用消防通道";
        String id = command.post("/api/cases", hotline(description, "历城区山大路社区12号楼2单元301室 王建国家", true))
                .text("id");
        JsonNode one = publicGet("/open311/v2/requests/" + id + ".json").body().get(0);
        String shown =
                one.get("description").asText() + " | " + one.get("address").asText();
        System.out.println("public Open311: " + shown);
        for (Pattern leak : LEAKS) {
            assertThat(leak.matcher(shown).find()).as(leak + " in " + shown).isFalse();
        }
        assertThat(shown).doesNotContain("王建国", "李女士", "wjg", "8888");
        assertThat(one.get("address").asText()).contains("山大路社区");
        assertThat(one.get("description").asText()).contains("漏水", "消防通道");
        assertThat(one.toString()).doesNotContain("13912345678", "reporter");
    }

    @Test
    void listsComeInBoundedPagesOfOneQueryEach() {
        var anchor = org.gridgov.common.district.District.licheng()
                .grid(WorkflowIT.GRID)
                .orElseThrow()
                .anchor();
        for (int i = 0; i < 105; i++) {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("api_key", "test-open311-key");
            f.put("service_code", "C0105");
            f.put("lat", String.valueOf(anchor.getY()));
            f.put("long", String.valueOf(anchor.getX()));
            f.put("description", "分页测试 " + i);
            String body = f.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            assertThat(api.sendRaw(HttpRequest.newBuilder(URI.create(api.base() + "/open311/v2/requests.json"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build())
                            .status())
                    .isEqualTo(201);
        }
        assertThat(publicGet("/open311/v2/requests.json").body().size())
                .as("default page")
                .isEqualTo(50);
        assertThat(publicGet("/open311/v2/requests.json?page_size=5000").body().size())
                .as("capped")
                .isEqualTo(100);
        List<String> first = publicGet("/open311/v2/requests.json?service_code=C0105&page_size=25&page=1")
                .body()
                .findValuesAsText("service_request_id");
        List<String> second = publicGet("/open311/v2/requests.json?service_code=C0105&page_size=25&page=2")
                .body()
                .findValuesAsText("service_request_id");
        assertThat(first).hasSize(25);
        assertThat(second).hasSize(25);
        Set<String> both = new HashSet<>(first);
        both.addAll(second);
        assertThat(both).hasSize(50);
        assertThat(publicGet("/open311/v2/requests.json?page=0").status()).isEqualTo(400);
        assertThat(publicGet("/open311/v2/requests.json?page=100000").status()).isEqualTo(400);

        long before = statements();
        assertThat(publicGet("/open311/v2/requests.json?page_size=100").body().size())
                .isEqualTo(100);
        long used = statements() - before;
        System.out.println("statements for a page of 100 public requests: " + used);
        // one query for the page (plus what the outbox relay and the inbox run meanwhile), never one per row
        assertThat(used).isLessThan(20);
    }

    /** Statements the database has run (plain and prepared), server-wide. */
    long statements() {
        long n = 0;
        for (Map<String, Object> row : jdbc.queryForList(
                "SHOW GLOBAL STATUS WHERE Variable_name IN" + " ('Com_select', 'Com_stmt_execute')")) {
            n += Long.parseLong(String.valueOf(row.get("Value")));
        }
        return n;
    }
}
