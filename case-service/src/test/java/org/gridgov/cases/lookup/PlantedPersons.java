package org.gridgov.cases.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.district.District;
import org.gridgov.common.district.Grid;
import org.gridgov.common.json.Json;
import org.gridgov.common.model.GridRecord;
import org.gridgov.common.model.SourceRecord;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.common.validation.Decoded;
import org.gridgov.common.validation.IdCardNumber;
import org.gridgov.common.validation.RecordDecoder;
import org.gridgov.embedded.EmbeddedWarehouse;
import org.gridgov.loading.OdsMapper;
import org.gridgov.loading.identity.LinkEvidenceRows;
import org.gridgov.simulator.generator.GeneratorSpec;
import org.gridgov.simulator.generator.GroundTruth;
import org.gridgov.simulator.generator.SyntheticDataGenerator;
import org.gridgov.warehouse.JdbcUpserter;
import org.gridgov.warehouse.PersonEventBuild;
import org.gridgov.warehouse.SqlDialect;
import org.gridgov.warehouse.TableRow;
import org.gridgov.warehouse.WarehouseSchema;

/**
 * The demo's generated data in the embedded warehouse, once per JVM: generator → {@link RecordDecoder} →
 * {@link OdsMapper} rows and {@link LinkEvidenceRows} → {@link JdbcUpserter} (the loader's own mapping, without Kafka or Flink; the same route as
 * batch-jobs' {@code GeneratedWarehouse}), then {@link PersonEventBuild} as the analytics run builds
 * {@code dws_person_event}. Beside it, the answer the tests compare with, taken from the raw records and not from
 * any warehouse column: for every valid record, the ID card it names (normalised), so "all of a person's records and
 * nobody else's" is checked against the source data, and the simulator's {@link GroundTruth} of planted persons.
 */
public final class PlantedPersons {

    /** The salt of these tests' person keys (synthetic data only). */
    public static final String SALT = "gridgov-case-lookup-test-salt";
    /** The demo's size and seed, smaller: every scenario is still planted. */
    public static final GeneratorSpec SPEC = GeneratorSpec.demo().withTotalRecords(8_000);

    private static final int BATCH = 2000;

    /** A valid source record: its source and id, and the grid the source names (grid records) or its point is in. */
    public record SourceRef(String source, String recordId, String gridCode) {}

    private static PlantedPersons loaded;

    private final GroundTruth truth;
    private final Map<String, Set<SourceRef>> byIdCard;

    private PlantedPersons(GroundTruth truth, Map<String, Set<SourceRef>> byIdCard) {
        this.truth = truth;
        this.byIdCard = byIdCard;
    }

    public GroundTruth truth() {
        return truth;
    }

    /** Every valid record naming this ID card (in any of its written forms), from the raw records. */
    public Set<SourceRef> recordsOf(String idCard) {
        return byIdCard.getOrDefault(IdCardNumber.normalize(idCard), Set.of());
    }

    public static PiiProtector pii() {
        return new PiiProtector(SALT);
    }

    /** Generates and loads the data once per JVM; the upserts are idempotent, so loading twice leaves the same rows. */
    public static synchronized PlantedPersons load(EmbeddedWarehouse warehouse) throws Exception {
        if (loaded == null) {
            loaded = generateAndLoad(warehouse);
        }
        return loaded;
    }

    private static PlantedPersons generateAndLoad(EmbeddedWarehouse warehouse) throws Exception {
        LocalDateTime after = SPEC.periodEnd().plusDays(1);
        RecordDecoder decoder = new RecordDecoder(
                District.licheng(),
                CategoryCatalog.standard(),
                Clock.fixed(after.atZone(RecordDecoder.ZONE).toInstant(), RecordDecoder.ZONE));
        OdsMapper mapper = new OdsMapper(pii(), District.licheng(), CategoryCatalog.standard());
        LinkEvidenceRows evidence = new LinkEvidenceRows(pii());
        JdbcUpserter upserter = new JdbcUpserter(SqlDialect.MYSQL);
        Map<String, List<TableRow>> pending = new LinkedHashMap<>();
        Map<String, Set<SourceRef>> byIdCard = new HashMap<>();
        GroundTruth truth;
        try (Connection c = warehouse.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("DELETE FROM dws_person_event");
                s.execute("DELETE FROM dwd_person_link");
            }
            c.setAutoCommit(false);
            truth = new SyntheticDataGenerator(SPEC).generate((source, key, json) -> {
                Decoded<SourceRecord> decoded = decoder.decode(source, json);
                if (!decoded.isValid()) {
                    return;
                }
                SourceRecord r = decoded.value();
                JsonNode card = tree(json).get(source.idCardField());
                if (card != null && !card.isNull() && !card.asText().isBlank()) {
                    byIdCard.computeIfAbsent(IdCardNumber.normalize(card.asText()), k -> new LinkedHashSet<>())
                            .add(new SourceRef(
                                    source.name(),
                                    r.recordId(),
                                    r instanceof GridRecord g
                                            ? g.gridCode()
                                            : District.licheng()
                                                    .locate(r.latitude(), r.longitude())
                                                    .map(Grid::code)
                                                    .orElse(null)));
                }
                List<TableRow> rows = new ArrayList<>(mapper.rows(r));
                rows.addAll(evidence.rows(r));
                for (TableRow row : rows) {
                    List<TableRow> batch = pending.computeIfAbsent(row.table, t -> new ArrayList<>());
                    batch.add(row);
                    if (batch.size() == BATCH) {
                        flush(c, upserter, row.table, batch);
                    }
                }
            });
            for (Map.Entry<String, List<TableRow>> e : pending.entrySet()) {
                flush(c, upserter, e.getKey(), e.getValue());
            }
            try (Statement s = c.createStatement()) {
                for (String sql : PersonEventBuild.statements(SqlDialect.MYSQL)) {
                    s.execute(sql);
                }
            }
            c.commit();
        }
        return new PlantedPersons(truth, byIdCard);
    }

    private static void flush(Connection c, JdbcUpserter upserter, String table, List<TableRow> batch)
            throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        upserter.upsert(c, WarehouseSchema.table(table), batch);
        c.commit();
        batch.clear();
    }

    private static JsonNode tree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
