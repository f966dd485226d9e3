package org.gridgov.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bundle as Superset's dashboard importer treats it, file by file ({@link ImportReplay}): the structure check
 * ({@link BundleStructureCheck}) validates the files against the import schemas, this one replays the import code
 * that runs after them. Shown failing on the bundle as it was before issue 13 (its database file is kept as a
 * fixture) and on edited copies, each for the reason Superset would fail.
 */
class SupersetImportReplayTest {

    private static final String DATABASE = "databases/gridgov_doris.yaml";
    private static final Path BEFORE =
            Path.of("src", "test", "resources", "superset", "before-issue-13", "gridgov_doris.yaml");

    @Test
    void theBundleImportsCompletelyOnEveryProfile() {
        List<ImportReplay.Outcome> outcomes =
                ImportReplay.run(ImportReplay.zip("bundle", BundleFiles.texts()), ImportReplay.PASSWORDS);
        assertThat(outcomes)
                .extracting(ImportReplay.Outcome::profile)
                .containsExactly("superset-3.1-4.0", "superset-4.1-5.0");
        for (ImportReplay.Outcome o : outcomes) {
            assertThat(o.errorLine()).as(o.profile()).isEqualTo("none");
            assertThat(o.silent()).as(o.profile()).isEmpty();
            assertThat(o.imported().toString())
                    .as(o.profile())
                    .isEqualTo(
                            "{\"databases\":1,\"datasets\":18,\"charts\":66,\"dashboards\":5,\"dashboard_charts\":66}");
        }
    }

    @Test
    void theBundleBeforeIssue13FailsItsFirstImportWithTheKeyErrorOperatorsSaw() throws IOException {
        Map<String, String> texts = BundleFiles.texts();
        String before = Files.readString(BEFORE, StandardCharsets.UTF_8);
        assertThat(before).doesNotContain("allow_csv_upload");
        texts.put(DATABASE, before);
        // the schema-based structure check passes it: the schema does not require the key
        assertThat(BundleStructureCheck.problems(SupersetBundle.of("before", texts)))
                .isEmpty();

        for (ImportReplay.Outcome o :
                ImportReplay.run(ImportReplay.zip("before-issue-13", texts), ImportReplay.PASSWORDS)) {
            assertThat(o.errorLine())
                    .as(o.profile())
                    .isEqualTo("KeyError 'allow_csv_upload' in " + DATABASE
                            + " at database/importers/v1/utils.py import_database");
        }
    }

    @Test
    void withoutThePasswordTheImporterRefusesTheMaskedUri() {
        for (ImportReplay.Outcome o :
                ImportReplay.run(ImportReplay.zip("no-password", BundleFiles.texts()), Map.of())) {
            assertThat(o.errorLine())
                    .as(o.profile())
                    .startsWith("ValueError Must provide a password for the database in " + DATABASE);
        }
    }

    @Test
    void aQueryContextWrittenAsAMappingBreaksOnlyTheNewerImporter() {
        Map<String, String> texts = edited(
                "charts/arrears_amount.yaml",
                "query_context: null",
                "query_context:\n  datasource: {id: 1, type: table}");
        List<ImportReplay.Outcome> outcomes =
                ImportReplay.run(ImportReplay.zip("query-context", texts), ImportReplay.PASSWORDS);
        // 3.1-4.0 throw the query context away; 4.1+ json.loads it, and a mapping is a TypeError nobody catches
        assertThat(outcomes.get(0).errorLine()).isEqualTo("none");
        assertThat(outcomes.get(1).errorLine())
                .startsWith("TypeError the JSON object must be str")
                .endsWith("charts/arrears_amount.yaml at commands/utils.py update_chart_config_dataset");
    }

    @Test
    void aChartWhoseDatasetIsMissingIsSkippedAndTheDashboardKeepsADeadChartId() {
        Map<String, String> texts = edited(
                "charts/arrears_amount.yaml",
                "dataset_uuid: 8e10982d-d729-5163-b7a9-488d9bda6dfa",
                "dataset_uuid: 00000000-0000-5000-8000-000000000000");
        for (ImportReplay.Outcome o : ImportReplay.run(ImportReplay.zip("dead-chart", texts), ImportReplay.PASSWORDS)) {
            assertThat(o.errorLine()).isEqualTo("none");
            assertThat(o.silent())
                    .as(o.profile())
                    .anySatisfy(
                            s -> assertThat(s)
                                    .startsWith(
                                            "charts/arrears_amount.yaml: its dataset 00000000-0000-5000-8000-000000000000 was not imported"));
            assertThat(o.silent()).anySatisfy(s -> assertThat(s)
                    .startsWith("dashboards/arrears.yaml: position node CHART-arrears-amount keeps chartId 40"));
        }
    }

    @Test
    void aPositionNodeWithoutTypeIsAKeyError() {
        Map<String, String> texts =
                edited("dashboards/arrears.yaml", "    id: ROW-arrears-5\n", "    id: ROW-arrears-5\n");
        texts.put(
                "dashboards/arrears.yaml",
                texts.get("dashboards/arrears.yaml").replaceFirst("(?s)(  ROW-arrears-5:.*?)\n    type: ROW", "$1"));
        for (ImportReplay.Outcome o : ImportReplay.run(ImportReplay.zip("no-type", texts), ImportReplay.PASSWORDS)) {
            assertThat(o.errorLine())
                    .isEqualTo("KeyError 'type' in dashboards/arrears.yaml at "
                            + "dashboard/importers/v1/__init__.py _import: find_chart_uuids(config['position'])");
        }
    }

    private static Map<String, String> edited(String path, String from, String to) {
        Map<String, String> texts = BundleFiles.texts();
        assertThat(texts.get(path)).contains(from);
        texts.put(path, texts.get(path).replace(from, to));
        return texts;
    }
}
