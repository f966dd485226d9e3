package org.gridgov.ingestion.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.json.Json;
import org.gridgov.common.model.CaseStatus;
import org.gridgov.common.model.Channel;
import org.gridgov.common.model.HotlineCase;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.testing.SampleRecords;
import org.gridgov.ingestion.audit.AuditEntry;
import org.gridgov.ingestion.gateway.GatewayAudit;
import org.gridgov.ingestion.gateway.IntakeGateway;
import org.gridgov.ingestion.testing.MemoryTopics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample requests.json (12 requests of a city's Open311 endpoint) imported as 12345 cases. */
class Open311ImportTest {

    private final MemoryTopics topics = new MemoryTopics();
    private final List<AuditEntry> audits = new ArrayList<>();

    private Open311Import importer() {
        IntakeGateway gateway =
                new IntakeGateway(SampleRecords.decoder(), SampleRecords.pii(), topics, SampleRecords.CLOCK);
        return new Open311Import(
                gateway,
                new GatewayAudit(audits::add, "gw1", Duration.ofMinutes(1)),
                new Open311Mapper(Open311Mapping.bundled(), Channel.WEB));
    }

    private static Path sample() throws URISyntaxException {
        return Path.of(
                Open311ImportTest.class.getResource("/open311/requests.json").toURI());
    }

    private Map<String, HotlineCase> published() {
        return topics.on("raw.hotline").stream()
                .map(m -> (HotlineCase) SampleRecords.decoder()
                        .decode(SourceType.HOTLINE, m.value())
                        .value())
                .collect(Collectors.toMap(HotlineCase::caseId, c -> c));
    }

    @Test
    void mappableRequestsBecomeValidHotlineCases() throws Exception {
        Open311Import.Result r = importer().importFile(sample());

        assertThat(r.batch().in()).isEqualTo(12);
        assertThat(r.batch().published()).isEqualTo(7);
        assertThat(r.batch().rejected()).isEqualTo(5);
        assertThat(r.audit().status()).isEqualTo(AuditEntry.Status.OK);
        assertThat(r.audit().pipeline()).isEqualTo("open311");
        assertThat(audits).singleElement().extracting(AuditEntry::recordsIn).isEqualTo(12L);
        Map<String, HotlineCase> cases = published();
        assertThat(cases)
                .containsOnlyKeys(
                        "O311-638344",
                        "O311-638351",
                        "O311-638377",
                        "O311-638390",
                        "O311-638402",
                        "O311-638415",
                        "O311-638479");

        HotlineCase pothole = cases.get("O311-638344");
        assertThat(pothole.categoryCode()).isEqualTo("C0105");
        assertThat(CategoryCatalog.standard().get(pothole.categoryCode()).name())
                .isEqualTo("道路维修");
        assertThat(pothole.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(pothole.acceptTime()).hasToString("2024-01-08T08:12:43");
        assertThat(pothole.closeTime()).hasToString("2024-01-10T16:40:05");
        assertThat(pothole.replyTime()).isEqualTo(pothole.closeTime());
        assertThat(pothole.deadline()).hasToString("2024-01-13T08:12:43");
        assertThat(pothole.department()).isEqualTo("区住房城乡建设局");
        assertThat(pothole.channel()).isEqualTo(Channel.WEB);
        assertThat(pothole.address()).isEqualTo("济南市历城区花园路与二环东路路口");

        assertThat(cases.get("O311-638351").status()).as("open with an agency").isEqualTo(CaseStatus.ASSIGNED);
        assertThat(cases.get("O311-638377").status())
                .as("open, nobody assigned")
                .isEqualTo(CaseStatus.ACCEPTED);
        // UTC times converted to district time
        assertThat(cases.get("O311-638390").acceptTime()).hasToString("2024-01-10T15:45:30");
        // no description: the service name stands in
        assertThat(cases.get("O311-638402").content()).isEqualTo("Water main leak");
        HotlineCase withCaller = cases.get("O311-638415");
        assertThat(withCaller.callerName()).isEqualTo("张建国");
        assertThat(withCaller.callerPhone()).isEqualTo("13953188776");
    }

    @Test
    void unmappableAndInvalidRequestsAreDeadLetteredWithTheirReason() throws Exception {
        importer().importFile(sample());
        Map<String, String> reasons = new TreeMap<>();
        for (MemoryTopics.Message m : topics.on("dlq.hotline")) {
            JsonNode d = Json.mapper().readTree(m.value());
            reasons.put(d.get("position").asText(), d.get("reason").asText());
        }
        assertThat(reasons).hasSize(5);
        assertThat(reasons.get("requests.json#7"))
                .contains("service_code 'tree_trimming' (Tree trimming) has no "
                        + "12345 category in gridgov/ingestion/open311-services.tsv");
        assertThat(reasons.get("requests.json#8")).contains("lat/long missing").contains("华山北片区C3地块");
        assertThat(reasons.get("requests.json#9")).contains("outside 历城区");
        assertThat(reasons.get("requests.json#10")).contains("requested_datetime: expected ISO 8601");
        assertThat(reasons.get("requests.json#11")).contains("status must be open or closed, got 'pending'");
    }

    @Test
    void aMappingToAnUnknownCategoryIsRefusedAtStart() {
        assertThatThrownBy(() -> Open311Mapping.parse(
                        "service_code\tcategory_code\npothole\tC9999\n", "m.tsv", CategoryCatalog.standard()))
                .hasMessageContaining("m.tsv line 2: category C9999 is not in the category");
    }

    @Test
    void everyBundledCodeMapsToAKnownCategory() {
        assertThat(Open311Mapping.bundled().size()).isGreaterThanOrEqualTo(25);
        assertThat(Open311Mapping.bundled().category("pothole")).contains("C0105");
    }

    @Test
    void aFileThatIsNotARequestListIsRefusedAsAWhole(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("requests.json");
        Files.writeString(f, "{\"error\": \"rate limited\"}");
        assertThatThrownBy(() -> importer().importFile(f)).hasMessageContaining("is not an Open311 requests.json");
        assertThat(topics.all()).isEmpty();
    }
}
