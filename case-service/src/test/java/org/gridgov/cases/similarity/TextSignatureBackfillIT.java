package org.gridgov.cases.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.cases.Api;
import org.gridgov.cases.ServiceIT;
import org.gridgov.cases.security.Role;
import org.gridgov.common.district.District;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;

/**
 * Issue 19 leftover: cases stored before V13 have no {@code text_sig}; {@link TextSignatureBackfill} fills them in
 * batches with the signature the report would have stored, touches no case that has one, and a second run finds
 * nothing to do. The finder's answers before and after are the same (it scored unsigned rows from their text).
 */
class TextSignatureBackfillIT extends ServiceIT {

    static final String GRID = "37011200100101";

    @Test
    void casesWithoutASignatureGetTheOneTheirReportWouldHaveStoredAndTheFinderAgrees() {
        user("sig_worker", Role.GRID_WORKER, "370112", null);
        Api.Session worker = login("sig_worker");
        Point anchor = District.licheng().grid(GRID).orElseThrow().anchor();
        List<String> ids = new ArrayList<>();
        String[] texts = {"小区供暖温度不达标，室内只有十四度", "暖气不热，家里温度才十四度", "供暖温度太低，室温不达标", "路灯不亮已经一周了，晚上很黑", "垃圾桶满了没人清运，气味很大"};
        for (String text : texts) {
            Map<String, Object> m = new HashMap<>();
            m.put("description", text);
            m.put("channel", "GRID_PATROL");
            m.put("category_code", "C0101");
            m.put("latitude", anchor.getY() + 0.0003 * ids.size());
            m.put("longitude", anchor.getX());
            m.put("urgency", 1);
            Api.Response r = worker.post("/api/cases", m);
            assertThat(r.status()).as(r.raw()).isEqualTo(201);
            ids.add(r.text("id"));
        }
        Map<String, Object> probe = new HashMap<>(Map.of(
                "description",
                "暖气片不热，室内温度达不到标准",
                "channel",
                "GRID_PATROL",
                "category_code",
                "C0101",
                "latitude",
                anchor.getY(),
                "longitude",
                anchor.getX(),
                "urgency",
                1));
        List<String> before = answer(worker.post("/api/cases/similar", probe));
        Map<String, byte[]> stored = new HashMap<>();
        for (String id : ids) {
            stored.put(id, jdbc.queryForObject("SELECT text_sig FROM case_record WHERE id = ?", byte[].class, id));
        }

        // as before V13: the five, and every other case of the shared database, without a signature
        jdbc.update("UPDATE case_record SET text_sig = NULL");
        long all = jdbc.queryForObject("SELECT COUNT(*) FROM case_record", Long.class);
        assertThat(answer(worker.post("/api/cases/similar", probe)))
                .as("the finder reads unsigned rows' text")
                .isEqualTo(before);

        TextSignatureBackfill.Result first = new TextSignatureBackfill(jdbc, 2).fill();
        assertThat(first.filled()).isEqualTo(all);
        assertThat(first.batches()).isGreaterThanOrEqualTo((int) ((all + 1) / 2));
        assertThat(first.left()).isZero();
        for (String id : ids) {
            assertThat(jdbc.queryForObject("SELECT text_sig FROM case_record WHERE id = ?", byte[].class, id))
                    .as(id)
                    .isEqualTo(stored.get(id));
        }
        // every row holds the signature of its own text
        jdbc.query("SELECT title, description, text_sig FROM case_record", rs -> {
            assertThat(rs.getBytes(3))
                    .isEqualTo(
                            TextSignature.of(rs.getString(1), rs.getString(2)).bytes());
        });
        assertThat(answer(worker.post("/api/cases/similar", probe))).isEqualTo(before);

        // idempotent: nothing left, nothing done; a row signed meanwhile is not overwritten
        byte[] marker = TextSignature.of("", "别的文字").bytes();
        jdbc.update("UPDATE case_record SET text_sig = ? WHERE id = ?", marker, ids.get(0));
        jdbc.update("UPDATE case_record SET text_sig = NULL WHERE id = ?", ids.get(1));
        TextSignatureBackfill.Result second = new TextSignatureBackfill(jdbc, 2).fill();
        assertThat(second.filled()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT text_sig FROM case_record WHERE id = ?", byte[].class, ids.get(0)))
                .isEqualTo(marker);
        assertThat(new TextSignatureBackfill(jdbc).fill()).isEqualTo(new TextSignatureBackfill.Result(0, 0, 0));
        jdbc.update("UPDATE case_record SET text_sig = ? WHERE id = ?", stored.get(ids.get(0)), ids.get(0));
    }

    /** The finder's candidates and scores (the labels' "n 分钟前" moves with the clock). */
    private static List<String> answer(Api.Response r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.body()
                .forEach(c ->
                        out.add(c.get("case_id").asText() + " " + c.get("score").asText()));
        assertThat(out).as("the probe finds the two heating cases at least").hasSizeGreaterThanOrEqualTo(2);
        return out;
    }
}
