package org.gridgov.loading.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import org.gridgov.warehouse.TableRow;
import org.gridgov.warehouse.WarehouseSchema;
import org.junit.jupiter.api.Test;

/** The LOAD DATA text of the bulk path; {@code LocalDataxRunnerIT} loads the same characters into MariaDB. */
class LoadDataFileTest {

    @Test
    void escapesWhatLoadDataUnescapesAndCopiesEverythingElseAsUtf8() {
        assertThat(LoadDataFile.escaped("山大路街道 plain")).isEqualTo("山大路街道 plain");
        assertThat(LoadDataFile.escaped("a\tb\nc\rd\\e\0f")).isEqualTo("a\\tb\\nc\\rd\\\\e\\0f");
        assertThat(LoadDataFile.escaped("生僻字𠀀\t")).isEqualTo("生僻字𠀀\\t");
        assertThat(LoadDataFile.escaped("\\N"))
                .as("a literal backslash-N is not NULL")
                .isEqualTo("\\\\N");
        assertThat(LoadDataFile.escaped("")).isEmpty();
        assertThat(LoadDataFile.escaped(null)).isEqualTo("\\N");
    }

    @Test
    void encodesRandomStringsByteForByteAsEscapingTheirUtf8BytesDoes() {
        // what the format was before it encoded characters itself: getBytes(UTF_8), then the bytes escaped
        Random random = new Random(20240101L);
        char[] alphabet = {
            'a', 'Z', '0', ' ', '\t', '\n', '\r', '\\', '\0', 'N', '\u00e9', '\u07ff', '\u0800', '山', '\uffff',
            '\ud840', '\udc00', '\ud83d', '\ude00', '?', '\u007f', '\u0080'
        };
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                sb.append(
                        random.nextInt(4) == 0
                                ? (char) random.nextInt(0x10000)
                                : alphabet[random.nextInt(alphabet.length)]);
            }
            String v = sb.toString();
            assertThat(LoadDataFile.escapedBytes(v))
                    .as(
                            "escaping of %s",
                            v.chars().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(escapedByOldFormat(v));
        }
    }

    private static byte[] escapedByOldFormat(String v) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : v.getBytes(StandardCharsets.UTF_8)) {
            switch (b) {
                case '\\' -> out.writeBytes(new byte[] {'\\', '\\'});
                case '\t' -> out.writeBytes(new byte[] {'\\', 't'});
                case '\n' -> out.writeBytes(new byte[] {'\\', 'n'});
                case '\r' -> out.writeBytes(new byte[] {'\\', 'r'});
                case 0 -> out.writeBytes(new byte[] {'\\', '0'});
                default -> out.write(b);
            }
        }
        return out.toByteArray();
    }

    @Test
    void aRowIsOneLineOfTabSeparatedColumnsWithNullAsBackslashN() throws Exception {
        String[] v = {"dlq-1", "src", null, "f", "原因\t理由", "x".repeat(3000), "2024-01-01 00:00:00"};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LoadDataFile f = new LoadDataFile(WarehouseSchema.DLQ_RECORD);
        f.append(new TableRow("dlq_record", v), out);
        f.append(new TableRow("dlq_record", v), out);
        String line = "dlq-1\tsrc\t\\N\tf\t原因\\t理由\t" + "x".repeat(3000) + "\t2024-01-01 00:00:00\n";
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(line + line);
    }

    @Test
    void refusesARowOfAnotherTableOrWidth() {
        LoadDataFile f = new LoadDataFile(WarehouseSchema.DLQ_RECORD);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> f.append(new TableRow("dim_street", new String[7]), out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not fit table dlq_record");
        assertThatThrownBy(() -> f.append(new TableRow("dlq_record", new String[3]), out))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(out.size()).isZero();
    }

    @Test
    void theStatementReplacesIntoTheTableOrTheTargetGivenWithEveryColumnInOrder() {
        LoadDataFile f = new LoadDataFile(WarehouseSchema.DLQ_RECORD);
        assertThat(f.statement(Path.of("/tmp/b'x.tsv"), null))
                .startsWith("LOAD DATA LOCAL INFILE '/tmp/b\\'x.tsv' REPLACE INTO TABLE `dlq_record` CHARACTER SET "
                        + "utf8mb4")
                .endsWith("(`dlq_id`, `source`, `record_key`, `error_field`, `reason`, `payload`, `received_time`)");
        assertThat(f.statement(Path.of("/tmp/b.tsv"), "`copy`.`dlq_record`"))
                .contains("REPLACE INTO TABLE `copy`.`dlq_record` ");
    }
}
