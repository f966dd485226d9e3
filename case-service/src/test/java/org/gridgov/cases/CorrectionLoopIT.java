package org.gridgov.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gridgov.cases.security.Role;
import org.gridgov.embedded.EmbeddedWarehouse;
import org.gridgov.nlp.classify.TrainCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The operator-correction loop end to end (issue 12 item 6): 20 cases the bundled model files wrongly are corrected
 * through the API, exported, {@code gridgov nlp train --corrections} retrains, and a service started on the model
 * directory reports the new version and now classifies those texts as corrected.
 */
class CorrectionLoopIT extends ServiceIT {

    /** 共享充电宝 deposits: the bundled model says 房屋租赁 or 共享单车管理; an operator says 消费维权. */
    static final String CORRECT = "C0713";

    static List<String> texts() {
        String[] where = {"小区门口", "商场里", "地铁站旁", "医院大厅", "学校对面"};
        String[] what = {"的共享充电宝押金退不了", "租的共享充电宝押金一直不退，客服打不通", "的共享充电宝归还后还在扣费", "的共享充电宝柜机坏了押金退不回来"};
        List<String> out = new ArrayList<>();
        for (String w : where) {
            for (String t : what) {
                out.add(w + t);
            }
        }
        return out;
    }

    @Test
    void correctionsRetrainTheModelTheServiceLoadsAtStart(@TempDir Path dir) throws Exception {
        user("cl_worker", Role.GRID_WORKER, WorkflowIT.GRID, null);
        user("cl_command", Role.COMMAND_CENTER, "370112", null);
        user("cl_admin", Role.ADMIN, "370112", null);
        Api.Session worker = login("cl_worker");
        Api.Session command = login("cl_command");
        Api.Session admin = login("cl_admin");
        Api.Response bundled = admin.get("/api/admin/classifier");
        assertThat(bundled.status()).as(bundled.raw()).isEqualTo(200);
        assertThat(bundled.text("source")).isEqualTo("bundled");
        String before = bundled.text("model_version");

        List<String> texts = texts();
        assertThat(texts).hasSize(20);
        for (String t : texts) {
            Map<String, Object> report = WorkflowIT.report(t, null, false);
            report.remove("category_code");
            Api.Response created = worker.post("/api/cases", report);
            assertThat(created.status()).as(created.raw()).isEqualTo(201);
            // the premise: the bundled model gets these wrong
            assertThat(created.text("category_code")).as(t).isNotEqualTo(CORRECT);
            Api.Response changed = command.post(
                    "/api/cases/" + created.text("id") + "/category",
                    Map.of(
                            "category_code",
                            CORRECT,
                            "version",
                            created.get("version").asInt()));
            assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        }

        // the live (bundled) model on the corrections: wrong on these 20 at least
        Api.Response live = admin.get("/api/admin/classifier");
        int stored = live.get("recent_corrections").asInt();
        double bundledAgreement = live.get("recent_accuracy").asDouble();
        assertThat(stored).isGreaterThanOrEqualTo(20);
        assertThat(bundledAgreement).isLessThanOrEqualTo((stored - 20) / (double) stored);

        Api.Response export =
                admin.get("/api/admin/category-labels?since=" + LocalDate.now().minusDays(1));
        assertThat(export.status()).as(export.raw()).isEqualTo(200);
        List<String> lines = export.raw().lines().toList();
        assertThat(lines.get(0))
                .isEqualTo("case_id\ttext\told_category\tcategory_code\tchanged_role\tchanged_at" + "\tmodel_version");
        long ours = lines.stream()
                .filter(l -> l.contains("共享充电宝") && l.contains("\t" + CORRECT + "\t") && l.contains(before))
                .count();
        assertThat(ours).isEqualTo(20);
        int corrections = lines.size() - 1;
        Path tsv = dir.resolve("corrections.tsv");
        Files.writeString(tsv, export.raw(), StandardCharsets.UTF_8);

        Path models = dir.resolve("models");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // a small generated corpus keeps the test short; the corrections weigh as in production (x3)
        int rc = TrainCommand.run(
                new String[] {"--corrections=" + tsv, "--model-dir=" + models, "--base=25", "--threads=2"},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(rc).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<Path> files;
        try (var list = Files.list(models)) {
            files = list.toList();
        }
        assertThat(files).hasSize(1);
        String fileName = files.get(0).getFileName().toString();
        String after = fileName.substring(0, fileName.length() - ".model".length());
        assertThat(after).isNotEqualTo(before).matches("letters-\\d+\\.[0-9a-f]{10}\\.\\d{14}");

        // as command-line arguments: they outrank application.yml, as GRIDGOV_* variables do in production
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(CaseServiceApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + TestStack.caseDbUrl(),
                        "--spring.datasource.username=" + EmbeddedWarehouse.USER,
                        "--spring.datasource.password=" + EmbeddedWarehouse.PASSWORD,
                        "--gridgov.case.login-per-ip-per-minute=0",
                        "--gridgov.case.login-per-account-per-minute=0",
                        "--gridgov.case.model-dir=" + models)) {
            Api other = new Api("http://127.0.0.1:" + second.getEnvironment().getProperty("local.server.port"));
            Api.Session admin2 = other.login("cl_admin", PASSWORD);
            Api.Response info = admin2.get("/api/admin/classifier");
            assertThat(info.status()).as(info.raw()).isEqualTo(200);
            assertThat(info.text("model_version")).isEqualTo(after);
            assertThat(info.text("source")).isEqualTo(files.get(0).toString());
            assertThat(info.text("training_data")).contains(corrections + " " + TrainCommand.CORRECTIONS_NOTE);
            // the admin view of the live model on recent corrections: the retrained one files them as corrected
            assertThat(info.get("recent_corrections").asInt()).isEqualTo(stored);
            assertThat(info.get("recent_accuracy").asDouble())
                    .isGreaterThan(bundledAgreement)
                    .isGreaterThanOrEqualTo(20.0 / stored);

            Api.Session command2 = other.login("cl_command", PASSWORD);
            List<String> probes = new ArrayList<>(texts);
            probes.add("共享充电宝押金不退还");
            for (String t : probes) {
                Api.Response s = command2.post("/api/cases/suggest", Map.of("description", t));
                assertThat(s.status()).as(s.raw()).isEqualTo(200);
                assertThat(s.text("category_code")).as(t).isEqualTo(CORRECT);
                assertThat(s.text("model_version")).isEqualTo(after);
            }
        }
    }
}
