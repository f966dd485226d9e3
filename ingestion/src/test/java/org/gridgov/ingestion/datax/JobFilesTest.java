package org.gridgov.ingestion.datax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gridgov.common.config.GridgovConfig;
import org.gridgov.common.config.GridgovOptions;
import org.gridgov.common.json.Json;
import org.gridgov.common.model.SourceType;
import org.gridgov.ingestion.api.IngestionCommand;
import org.gridgov.ingestion.testing.Jobs;
import org.gridgov.warehouse.WarehouseSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped DataX job files against the warehouse catalogue and the rules for credentials. */
class JobFilesTest {

    static List<String> jobs() {
        return Jobs.all();
    }

    @Test
    void everyJobFileInTheDirectoryIsKnownToTheTestsAndEverySourceHasBothReaderKinds() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/datax"))) {
            assertThat(files.map(f -> f.getFileName().toString().replace(".json", ""))
                            .sorted()
                            .toList())
                    .containsExactlyInAnyOrderElementsOf(Jobs.all());
        }
        for (SourceType s : SourceType.values()) {
            assertThat(Jobs.all().stream()
                            .map(Jobs::load)
                            .filter(j -> j.transform().source() == s)
                            .map(j -> j.reader().pluginName())
                            .toList())
                    .containsExactlyInAnyOrder("txtfilereader", "mysqlreader");
        }
    }

    @ParameterizedTest
    @MethodSource("jobs")
    void writerColumnsAreExactlyTheOdsTableOfTheCatalogue(String name) {
        DataxJob job = Jobs.load(name);
        assertThat(job.writer().table()).isEqualTo(job.odsTable().name());
        assertThat(job.writer().columns())
                .isEqualTo(WarehouseSchema.table(job.writer().table()).columnNames());
        assertThat(job.writer().database()).isEqualTo(WarehouseSchema.DATABASE);
        assertThat(job.writer().loadProps()).containsEntry("format", "json").containsEntry("strip_outer_array", "true");
    }

    @ParameterizedTest
    @MethodSource("jobs")
    void everyRecordFieldIsMappedOnce(String name) {
        DataxJob job = Jobs.load(name);
        assertThat(job.transform().fields())
                .containsExactlyInAnyOrderElementsOf(
                        RecordFields.of(job.transform().source()));
    }

    @ParameterizedTest
    @MethodSource("jobs")
    void credentialsAndEndpointsAreParametersNeverValues(String name) throws IOException {
        JsonNode root = Json.mapper().readTree(Jobs.text(name));
        List<JsonNode> secrets = root.findValues("password");
        secrets.addAll(root.findValues("username"));
        secrets.addAll(root.findValues("jdbcUrl"));
        secrets.addAll(root.findValues("loadUrl"));
        assertThat(secrets).isNotEmpty().allSatisfy(v -> {
            for (JsonNode item : v.isArray() ? v : List.of(v)) {
                assertThat(item.asText()).matches("\\$\\{[a-z_]+}");
            }
        });
    }

    @Test
    void aWriterColumnListThatDriftsFromTheCatalogueIsRejectedNamingBothLists() throws IOException {
        ObjectNode root = (ObjectNode) Json.mapper().readTree(Jobs.text("hotline_txtfile"));
        ArrayNode cols = (ArrayNode) root.at("/job/content/0/writer/parameter/column");
        cols.remove(3);
        assertThatThrownBy(() -> DataxJob.parse("drifted", root.toString(), JobParams.of(Map.of())))
                .isInstanceOf(DataxJob.JobException.class)
                .hasMessageContaining("writer columns differ from ods_hotline_case")
                .hasMessageContaining("catalogue:");
    }

    @Test
    void readerAndTransformerMustPairUpAndNameKnownFields() throws IOException {
        ObjectNode root = (ObjectNode) Json.mapper().readTree(Jobs.text("police_txtfile"));
        ArrayNode fields = (ArrayNode) root.at("/job/content/0/transformer/0/parameter/fields");
        fields.set(2, Json.mapper().getNodeFactory().textNode("incident_kind"));
        assertThatThrownBy(() -> DataxJob.parse("bad", root.toString(), JobParams.of(Map.of())))
                .hasMessageContaining("'incident_kind' is not a field of police records");
        fields.remove(2);
        assertThatThrownBy(() -> DataxJob.parse("bad", root.toString(), JobParams.of(Map.of())))
                .hasMessageContaining("reader has 10 columns but the transformer maps 9 fields");
    }

    @Test
    void aJobWithoutTheGridgovTransformerIsRefused() throws IOException {
        ObjectNode root = (ObjectNode) Json.mapper().readTree(Jobs.text("grid_mysql"));
        ((ObjectNode) root.at("/job/content/0")).remove("transformer");
        assertThatThrownBy(() -> DataxJob.parse("raw", root.toString(), JobParams.of(Map.of())))
                .hasMessageContaining("transformer must be exactly [{\"name\": \"gridgov_ods\"");
    }

    @Test
    void missingParametersAreNamedWithWhereToSetThem() {
        DataxJob job = Jobs.load("hotline_mysql", Map.of("src_jdbc_url", "jdbc:mysql://h/db"));
        assertThatThrownBy(job::requireRunnable)
                .hasMessageContaining("since (--param.since=... or GRIDGOV_PARAM_SINCE)")
                .hasMessageContaining("src_password")
                .hasMessageNotContaining("src_jdbc_url");
    }

    @Test
    void parametersComeFromArgumentsThenEnvironment() {
        GridgovConfig args = GridgovConfig.fromArgs(
                new String[] {"--param.input_path=/a", "--warehouse.user=x"}, IngestionCommand.INGEST.options());
        JobParams p = new JobParams(
                args.withPrefix("param."),
                Map.of("GRIDGOV_PARAM_SRC_PASSWORD", "s3cret", "GRIDGOV_PARAM_INPUT_PATH", "/b"));
        assertThat(p.substitute("${input_path}|${src_password}|${unset}")).isEqualTo("/a|s3cret|${unset}");
        // the parameters and the platform's keys come apart in the one parser
        assertThat(args.withPrefix("param.")).containsOnlyKeys("input_path");
        assertThat(args.get(GridgovOptions.WAREHOUSE_USER)).isEqualTo("x");
    }
}
