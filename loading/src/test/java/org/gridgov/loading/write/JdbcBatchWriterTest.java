package org.gridgov.loading.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.gridgov.warehouse.SqlDialect;
import org.gridgov.warehouse.TableRow;
import org.gridgov.warehouse.WarehouseSchema;
import org.gridgov.warehouse.WarehouseSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retries and refusals without a database: a port nobody listens on refuses every connection at once. */
class JdbcBatchWriterTest {

    private static TableRow street(String code) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("street_code", code);
        v.put("street_name", "山大路街道");
        v.put("district_code", "370112");
        v.put("district_name", "历城区");
        return WarehouseSchema.DIM_STREET.row(v);
    }

    private static WarehouseSettings nobodyListening() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        return new WarehouseSettings(
                "jdbc:mysql://127.0.0.1:" + port + "/gridgov?password=inurl", "root", "s3cret", SqlDialect.MYSQL);
    }

    @Test
    void aFailedBatchIsTriedAsOftenAsTheRetrySaysThenFailsNamingRowsTablesAndTries() throws Exception {
        AtomicInteger failedAttempts = new AtomicInteger();
        long t0 = System.nanoTime();
        try (JdbcBatchWriter w = new JdbcBatchWriter(
                nobodyListening(),
                null,
                new WriteRetry(3, Duration.ofMillis(20), 2),
                failedAttempts::incrementAndGet)) {
            assertThatThrownBy(() -> w.write(
                            Map.of(WarehouseSchema.DIM_STREET, List.of(street("370112001"), street("370112002")))))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("writing 2 rows to [dim_street] at jdbc:mysql://127.0.0.1:")
                    .hasMessageContaining("failed 3 times")
                    .hasMessageNotContaining("inurl")
                    .hasMessageNotContaining("s3cret");
        }
        assertThat(failedAttempts).hasValue(3);
        assertThat((System.nanoTime() - t0) / 1_000_000)
                .as("waited 20 + 40 ms between tries")
                .isGreaterThanOrEqualTo(60);
    }

    @Test
    void nothingToWriteOpensNoConnection() throws Exception {
        AtomicInteger failedAttempts = new AtomicInteger();
        try (JdbcBatchWriter w =
                new JdbcBatchWriter(nobodyListening(), null, WriteRetry.BATCH_LOAD, failedAttempts::incrementAndGet)) {
            w.write(Map.of(WarehouseSchema.DIM_STREET, List.of()));
        }
        assertThat(failedAttempts).hasValue(0);
    }

    @Test
    void aPreparedBulkBatchIsOneLoadDataFilePerTableDeletedOnceWrittenOrFailed(@TempDir Path dir) throws Exception {
        try (JdbcBatchWriter w =
                new JdbcBatchWriter(nobodyListening(), dir, new WriteRetry(2, Duration.ZERO, 1), () -> {})) {
            BatchWriter.Prepared batch = w.prepare(Map.of(
                    WarehouseSchema.DIM_STREET,
                    List.of(street("370112001"), street("370112002")),
                    WarehouseSchema.DLQ_RECORD,
                    List.of()));
            assertThat(batch.rows().get(WarehouseSchema.DIM_STREET)).hasSize(2);
            try (Stream<Path> files = Files.list(dir)) {
                List<Path> staged = files.toList();
                assertThat(staged).as("no file for a table without rows").hasSize(1);
                assertThat(Files.readString(staged.get(0)))
                        .isEqualTo("370112001\t山大路街道\t370112\t历城区\n370112002\t山大路街道\t370112\t历城区\n");
            }
            assertThatThrownBy(() -> w.write(batch))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("failed 2 times");
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.toList())
                        .as("the failed batch's file is gone; the caller still has its rows")
                        .isEmpty();
            }
            w.prepare(Map.of(WarehouseSchema.DIM_STREET, List.of(street("370112003"))));
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.toList()).hasSize(1);
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.toList())
                    .as("close deletes a prepared batch never written")
                    .isEmpty();
        }
    }

    @Test
    void bulkLoadingIsForMariaDbOnly() {
        WarehouseSettings doris = new WarehouseSettings("jdbc:mysql://fe:9030/gridgov", "root", null, SqlDialect.DORIS);
        assertThatThrownBy(() -> new JdbcBatchWriter(doris, Path.of("/tmp")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mysql dialect only");
    }

    @Test
    void retryPoliciesOfBothPaths() {
        assertThat(WriteRetry.BATCH_LOAD).isEqualTo(new WriteRetry(3, Duration.ofMillis(200), 4));
        assertThat(WriteRetry.doubling(4, 500).maxBackoff()).isEqualTo(Duration.ofMillis(2000));
        assertThatThrownBy(() -> new WriteRetry(0, Duration.ZERO, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
