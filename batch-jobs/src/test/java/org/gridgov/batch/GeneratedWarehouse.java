package org.gridgov.batch;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.district.District;
import org.gridgov.common.model.SourceRecord;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.common.validation.Decoded;
import org.gridgov.common.validation.RecordDecoder;
import org.gridgov.embedded.EmbeddedWarehouse;
import org.gridgov.ingestion.dim.DimensionLoader;
import org.gridgov.loading.OdsMapper;
import org.gridgov.simulator.generator.GeneratorSpec;
import org.gridgov.simulator.generator.GroundTruth;
import org.gridgov.simulator.generator.SyntheticDataGenerator;
import org.gridgov.warehouse.JdbcUpserter;
import org.gridgov.warehouse.SqlDialect;
import org.gridgov.warehouse.TableRow;
import org.gridgov.warehouse.WarehouseSchema;

/**
 * Loads a generated dataset into the embedded warehouse the quick way: generator → {@link RecordDecoder} →
 * {@link OdsMapper} rows → {@link JdbcUpserter}, without Kafka or Flink, plus the dimensions. Rejected records become
 * dead letters, so ODS rows + dead letters = generated records, as after the real loader.
 */
public final class GeneratedWarehouse {

    /** The salt of these tests' person keys (synthetic data only). */
    public static final String SALT = "gridgov-batch-test-salt-not-a-secret";

    private static final int BATCH = 2000;

    /** What was loaded: the planted truth and the rows per table. */
    public record Loaded(GroundTruth truth, Map<String, Long> rows) {
        public long rows(String table) {
            return rows.getOrDefault(table, 0L);
        }
    }

    private GeneratedWarehouse() {}

    public static PiiProtector pii() {
        return new PiiProtector(SALT);
    }

    public static Loaded load(EmbeddedWarehouse warehouse, GeneratorSpec spec) throws Exception {
        long t0 = System.nanoTime();
        // as a loader replaying the export the day after the period would see it
        LocalDateTime after = spec.periodEnd().plusDays(1);
        RecordDecoder decoder = new RecordDecoder(
                District.licheng(),
                CategoryCatalog.standard(),
                Clock.fixed(after.atZone(RecordDecoder.ZONE).toInstant(), RecordDecoder.ZONE));
        OdsMapper mapper = new OdsMapper(pii(), District.licheng(), CategoryCatalog.standard());
        JdbcUpserter upserter = new JdbcUpserter(SqlDialect.MYSQL);
        Map<String, List<TableRow>> pending = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<SourceType, long[]> positions = new EnumMap<>(SourceType.class);
        GroundTruth truth;
        try (Connection c = warehouse.connect()) {
            new DimensionLoader(District.licheng(), CategoryCatalog.standard(), SqlDialect.MYSQL).load(c);
            c.setAutoCommit(false);
            truth = new SyntheticDataGenerator(spec).generate((source, key, json) -> {
                long position = positions.computeIfAbsent(source, s -> new long[1])[0]++;
                Decoded<SourceRecord> decoded = decoder.decode(source, json);
                List<TableRow> rows = decoded.isValid()
                        ? mapper.rows(decoded.value())
                        : List.of(OdsMapper.deadLetter(
                                source.rawTopic(), source.rawTopic() + "@" + position, key, decoded, json, after));
                for (TableRow row : rows) {
                    List<TableRow> batch = pending.computeIfAbsent(row.table, t -> new ArrayList<>());
                    batch.add(row);
                    if (batch.size() == BATCH) {
                        flush(c, upserter, row.table, batch, counts);
                    }
                }
            });
            for (Map.Entry<String, List<TableRow>> e : pending.entrySet()) {
                flush(c, upserter, e.getKey(), e.getValue(), counts);
            }
        }
        System.out.printf("loaded %s into MariaDB in %d ms: %s%n", spec, (System.nanoTime() - t0) / 1_000_000, counts);
        return new Loaded(truth, counts);
    }

    private static void flush(
            Connection c, JdbcUpserter upserter, String table, List<TableRow> batch, Map<String, Long> counts)
            throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        upserter.upsert(c, WarehouseSchema.table(table), batch);
        c.commit();
        counts.merge(table, (long) batch.size(), Long::sum);
        batch.clear();
    }
}
