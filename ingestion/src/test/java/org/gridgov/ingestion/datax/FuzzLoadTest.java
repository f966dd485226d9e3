package org.gridgov.ingestion.datax;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.ingestion.audit.AuditEntry;
import org.gridgov.ingestion.audit.AuditEntry.Status;
import org.gridgov.ingestion.testing.FuzzCorpus;
import org.gridgov.ingestion.testing.FuzzCorpus.Case;
import org.gridgov.ingestion.testing.FuzzCorpus.FileSpec;
import org.gridgov.ingestion.testing.InMemoryWarehouse;
import org.gridgov.loading.pipeline.LoadPipeline;
import org.gridgov.warehouse.TableRow;
import org.gridgov.warehouse.WarehouseSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * More than 10,000 malformed rows of every kind the issue lists, loaded through the local runner into memory:
 * nothing is lost (loaded + rejected = read, per file and in total), every rejection has a field and a reason that
 * names the problem, duplicates become one row, and no valid ID-card or phone number reaches a row in clear.
 */
class FuzzLoadTest {

    private static final PiiProtector PII = new PiiProtector("gridgov-test-salt-2024-01");

    @Test
    void tenThousandMalformedRecordsAreAllAccountedForWithReasons(@TempDir Path dir) throws Exception {
        FuzzCorpus corpus = new FuzzCorpus(20240131L);
        List<FileSpec> files = corpus.write(dir, 1000, 40);
        long malformed = files.stream().mapToLong(FileSpec::rejected).sum();
        assertThat(malformed).isGreaterThanOrEqualTo(10_000);

        DataxJob job = FuzzCorpus.job(dir);
        InMemoryWarehouse warehouse = new InMemoryWarehouse();
        List<AuditEntry> audits = new ArrayList<>();
        LocalDataxRunner.Report report = new LocalDataxRunner(
                        job,
                        LocalDataxRunner.assembler(job, PII),
                        warehouse::writer,
                        audits::add,
                        new LoadPipeline.Settings(2, 2, 500, true, 0),
                        1 << 20,
                        false,
                        null)
                .run();

        Map<String, AuditEntry> byFile =
                audits.stream().collect(Collectors.toMap(AuditEntry::inputName, Function.identity()));
        assertThat(byFile).hasSize(files.size());
        for (FileSpec f : files) {
            AuditEntry a = byFile.get(f.file().getFileName().toString());
            assertThat(a.recordsIn()).as("records of %s", f.file()).isEqualTo(f.records());
            assertThat(a.rejected()).as("rejected of %s", f.file()).isEqualTo(f.rejected());
            assertThat(a.duplicates()).as("duplicates of %s", f.file()).isEqualTo(f.duplicates());
            assertThat(a.loaded() + a.rejected()).isEqualTo(a.recordsIn());
            assertThat(a.rowsVerified()).isEqualTo(a.recordsIn() - a.duplicates());
            Status expected =
                    switch (f.kind()) {
                        case EMPTY_FILE -> Status.EMPTY;
                        case DUPLICATE, TRUNCATED_LAST_LINE -> Status.OK;
                        default -> Status.LIMIT_EXCEEDED;
                    };
            assertThat(a.status()).as("status of %s: %s", f.file(), a.message()).isEqualTo(expected);
            if (expected != Status.OK) {
                assertThat(a.message()).isNotBlank();
            }
        }
        // the empty files fail the job (an empty export is an error unless allowed), everything else reconciled
        assertThat(report.ok()).isFalse();
        assertThat(report.summary()).contains("empty_0bytes.csv EMPTY");

        List<TableRow> deadLetters = warehouse.rows(WarehouseSchema.DLQ_RECORD);
        assertThat(deadLetters).hasSize((int) malformed);
        Map<String, Case> caseOfFile = files.stream()
                .collect(Collectors.toMap(f -> f.file().getFileName().toString(), FileSpec::kind));
        for (TableRow d : deadLetters) {
            String reason = d.value(WarehouseSchema.DLQ_RECORD, "reason");
            Case c = caseOfFile.get(d.value(WarehouseSchema.DLQ_RECORD, "source"));
            assertThat(d.value(WarehouseSchema.DLQ_RECORD, "error_field")).isNotBlank();
            assertThat(reason)
                    .as("reason of %s", d.value(WarehouseSchema.DLQ_RECORD, "dlq_id"))
                    .isNotBlank()
                    .contains(c.reasonFragment);
            assertThat(d.value(WarehouseSchema.DLQ_RECORD, "dlq_id"))
                    .matches(java.util.regex.Pattern.quote(d.value(WarehouseSchema.DLQ_RECORD, "source")) + ":\\d+");
        }
        long distinctValid = files.stream().mapToLong(FileSpec::distinctValid).sum();
        assertThat(warehouse.count(WarehouseSchema.ODS_HOTLINE_CASE)).isEqualTo((int) distinctValid);
        assertThat(warehouse.count(WarehouseSchema.DWD_HOTLINE_CASE)).isEqualTo((int) distinctValid);

        // the detector finds the numbers where they are in clear: in the input files
        String input = java.nio.file.Files.readString(dir.resolve("bad_id_checksum.csv"));
        assertThat(clearNumbersIn(input, corpus.clearPii())).isNotEmpty();
        List<TableRow> all = new ArrayList<>(deadLetters);
        all.addAll(warehouse.rows(WarehouseSchema.ODS_HOTLINE_CASE));
        all.addAll(warehouse.rows(WarehouseSchema.DWD_HOTLINE_CASE));
        for (TableRow row : all) {
            for (String v : row.values) {
                assertThat(clearNumbersIn(v, corpus.clearPii()))
                        .as("clear PII in a value of %s", row.table)
                        .isEmpty();
            }
        }
    }

    /** Every ID-card (18) or phone (11 character) number of {@code pii} that occurs in {@code value}. */
    static List<String> clearNumbersIn(String value, java.util.Set<String> pii) {
        List<String> found = new ArrayList<>();
        if (value == null) {
            return found;
        }
        java.util.regex.Matcher m = DIGITS.matcher(value);
        while (m.find()) {
            String run = m.group();
            for (int length : new int[] {11, 18}) {
                for (int i = 0; i + length <= run.length(); i++) {
                    if (pii.contains(run.substring(i, i + length))) {
                        found.add(run.substring(i, i + length));
                    }
                }
            }
        }
        return found;
    }

    private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("[0-9Xx]{11,}");
}
