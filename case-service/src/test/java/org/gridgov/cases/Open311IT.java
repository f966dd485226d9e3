package org.gridgov.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The GeoReport v2 facade as an external app uses it: form-encoded POST, JSON answers. */
class Open311IT extends ServiceIT {

    Api.Response post(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return api.sendRaw(HttpRequest.newBuilder(URI.create(api.base() + "/open311/v2/requests.json"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    Map<String, String> request() {
        var anchor = org.gridgov.common.district.District.licheng()
                .grid(WorkflowIT.GRID)
                .orElseThrow()
                .anchor();
        Map<String, String> f = new LinkedHashMap<>();
        f.put("api_key", "test-open311-key");
        f.put("service_code", "C0101");
        f.put("lat", String.valueOf(anchor.getY()));
        f.put("long", String.valueOf(anchor.getX()));
        f.put("description", "小区供暖不热，联系电话 13800001111");
        f.put("first_name", "四");
        f.put("last_name", "李");
        f.put("phone", "13800001111");
        return f;
    }

    @Test
    void servicesAreTheCategories() {
        JsonNode services =
                api.send("GET", "/open311/v2/services.json", null, null).body();
        assertThat(services.size()).isGreaterThanOrEqualTo(50);
        assertThat(services.findValuesAsText("service_code")).contains("C0101", "C0401");
        assertThat(services.get(0).get("type").asText()).isEqualTo("realtime");
    }

    @Test
    void aRequestBecomesACaseAndCanBeReadBackWithoutPersonalData() {
        Api.Response created = post(request());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.body().get(0).get("service_request_id").asText();
        assertThat(jdbc.queryForObject("SELECT channel FROM case_record WHERE id = ?", String.class, id))
                .isEqualTo("OPEN311");
        assertThat(jdbc.queryForObject("SELECT grid_code FROM case_record WHERE id = ?", String.class, id))
                .isEqualTo(WorkflowIT.GRID);

        JsonNode one = api.send("GET", "/open311/v2/requests/" + id + ".json", null, null)
                .body()
                .get(0);
        assertThat(one.get("status").asText()).isEqualTo("open");
        assertThat(one.get("service_code").asText()).isEqualTo("C0101");
        assertThat(one.get("description").asText()).doesNotContain("13800001111");
        assertThat(one.get("requested_datetime").asText()).endsWith("+08:00");
        assertThat(api.send("GET", "/open311/v2/requests.json?service_request_id=" + id, null, null)
                        .body()
                        .findValuesAsText("service_request_id"))
                .containsExactly(id);
        assertThat(api.send("GET", "/open311/v2/requests.json?service_code=C0101&status=open", null, null)
                        .body()
                        .findValuesAsText("service_request_id"))
                .contains(id);
        assertThat(api.send("GET", "/open311/v2/requests/NOPE.json", null, null).status())
                .isEqualTo(404);
    }

    @Test
    void badRequestsGetGeoReportErrors() {
        Map<String, String> wrongKey = request();
        wrongKey.put("api_key", "guess");
        Api.Response denied = post(wrongKey);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.body().get(0).get("code").asInt()).isEqualTo(403);

        Map<String, String> unknown = request();
        unknown.put("service_code", "X99");
        assertThat(post(unknown).status()).isEqualTo(400);

        Map<String, String> nowhere = request();
        nowhere.remove("lat");
        nowhere.remove("long");
        Api.Response r = post(nowhere);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get(0).get("description").asText()).contains("address_string");
    }
}
