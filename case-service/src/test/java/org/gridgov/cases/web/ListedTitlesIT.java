package org.gridgov.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.cases.Api;
import org.gridgov.cases.ServiceIT;
import org.gridgov.cases.casefile.CaseTitles;
import org.gridgov.cases.security.Role;
import org.gridgov.common.district.District;
import org.gridgov.common.district.Grid;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;

/**
 * One title policy for every list staff see ({@link CaseTitles}): a title carrying a caller's mobile and ID-card
 * numbers is masked in 待办, 已办 and 查询 (API and pages), in the similar-case suggestions of the report form (API and
 * page) and of the case and dispatch page, and kept as reported in the case's own file.
 */
class ListedTitlesIT extends ServiceIT {

    static final String PHONE = "13912345678";
    static final String ID_CARD = "370102199003072316";
    static final String TITLE = "来电人" + PHONE + "（身份证" + ID_CARD + "）反映北门路灯不亮";

    @Test
    void aTitleWithAPhoneAndAnIdNumberIsMaskedInEveryListAndKeptInTheCaseFile() {
        // the district's last grid: few other tests' cases, so the lists below hold this test's
        List<Grid> grids = District.licheng().grids();
        Grid grid = grids.get(grids.size() - 1);
        Point anchor = grid.anchor();
        user("ttl_worker", Role.GRID_WORKER, "370112", null);
        user("ttl_command", Role.COMMAND_CENTER, grid.code(), null);
        Api.Session worker = login("ttl_worker");
        Api.Session command = login("ttl_command");
        String masked = CaseTitles.listed(TITLE);
        assertThat(masked).doesNotContain(PHONE).doesNotContain(ID_CARD).contains("反映北门路灯不亮");

        Map<String, Object> a = report(anchor, 0, "小区北门路灯不亮，晚上很黑");
        a.put("title", TITLE);
        String first = created(worker.post("/api/cases", a));
        Map<String, Object> b = report(anchor, 0.0001, "北门的路灯坏了不亮，夜里很黑");
        String second = created(worker.post("/api/cases", b));

        // the API's lists
        shows(command.get("/api/cases/todo?limit=200"), first, masked);
        shows(worker.get("/api/cases/done?limit=200"), first, masked);
        shows(worker.get("/api/cases?area=" + grid.code() + "&q=" + enc("北门") + "&limit=200"), first, masked);
        shows(worker.post("/api/cases/similar", b), first, masked);
        shows(command.get("/api/cases/" + second + "/similar"), first, masked);
        // the case file, for whoever handles the case: as reported
        Api.Response file = command.get("/api/cases/" + first);
        assertThat(file.status()).as(file.raw()).isEqualTo(200);
        assertThat(file.text("title")).isEqualTo(TITLE);

        // the pages: 待办 on the home page, 查询, the report form's suggestions, the dispatch page of the second case
        PageClient commandPages = new PageClient(api.base());
        assertThat(commandPages.login("ttl_command", PASSWORD).status()).isEqualTo(302);
        PageClient workerPages = new PageClient(api.base());
        assertThat(workerPages.login("ttl_worker", PASSWORD).status()).isEqualTo(302);
        Map<String, PageClient> paths = Map.of(
                "/",
                commandPages,
                "/cases?area=" + grid.code() + "&q=" + enc("北门"),
                commandPages,
                "/cases/" + second,
                commandPages,
                "/cases/similar?latitude=" + b.get("latitude") + "&longitude=" + b.get("longitude")
                        + "&categoryCode=C0118&description=" + enc((String) b.get("description")),
                workerPages);
        paths.forEach((path, client) -> {
            // the report form's script asks /cases/similar for JSON, as report-form.js does
            PageClient.Page p = path.startsWith("/cases/similar") ? client.getJson(path) : client.get(path);
            assertThat(p.status()).as(path).isEqualTo(200);
            assertThat(p.body()).as(path).contains(first).doesNotContain(PHONE).doesNotContain(ID_CARD);
        });
    }

    private static Map<String, Object> report(Point anchor, double dLat, String description) {
        Map<String, Object> m = new HashMap<>();
        m.put("description", description);
        m.put("channel", "GRID_PATROL");
        m.put("category_code", "C0118");
        m.put("latitude", anchor.getY() + dLat);
        m.put("longitude", anchor.getX());
        m.put("urgency", 1);
        return m;
    }

    private static String created(Api.Response r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.text("id");
    }

    /** The list holds the case under its masked title, and neither number anywhere. */
    private static void shows(Api.Response r, String id, String maskedTitle) {
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.raw()).doesNotContain(PHONE).doesNotContain(ID_CARD);
        boolean found = false;
        for (JsonNode c : r.body()) {
            String caseId =
                    c.has("case_id") ? c.get("case_id").asText() : c.path("id").asText();
            if (caseId.equals(id)) {
                assertThat(c.get("title").asText()).isEqualTo(maskedTitle);
                found = true;
            }
        }
        assertThat(found).as("%s in %s", id, r.raw()).isTrue();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
