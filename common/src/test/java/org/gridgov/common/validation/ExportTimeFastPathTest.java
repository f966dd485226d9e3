package org.gridgov.common.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.SplittableRandom;
import org.gridgov.common.json.Json;
import org.junit.jupiter.api.Test;

/**
 * The positional fast paths for the export time form (issue 15) against the formatters they stand in for: reading
 * ({@link FieldReader#plainExportTime}, null = "ask the strict formatter") and writing ({@link Json#time}).
 */
class ExportTimeFastPathTest {

    private static final DateTimeFormatter STRICT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

    @Test
    void readsWhatTheStrictFormatterReadsAndNothingItRefuses() {
        SplittableRandom random = new SplittableRandom(15);
        int accepted = 0;
        for (int i = 0; i < 200_000; i++) {
            // fields around their limits: month 0..13, day 0..32, hour 0..24, minute and second 0..60
            String s = String.format(
                    java.util.Locale.ROOT,
                    "%04d-%02d-%02d %02d:%02d:%02d",
                    random.nextInt(0, 10_000),
                    random.nextInt(0, 14),
                    random.nextInt(0, 33),
                    random.nextInt(0, 25),
                    random.nextInt(0, 61),
                    random.nextInt(0, 61));
            LocalDateTime fast = FieldReader.plainExportTime(s);
            LocalDateTime strict;
            try {
                strict = LocalDateTime.parse(s, STRICT);
            } catch (DateTimeParseException e) {
                strict = null;
            }
            if (fast != null) {
                accepted++;
                assertThat(fast).as(s).isEqualTo(strict);
            } else if (strict != null) {
                assertThat(s).as("left to the formatter although valid").startsWith("0000");
            }
        }
        assertThat(accepted).isGreaterThan(50_000);
    }

    @Test
    void leavesOtherShapesToTheFormatter() {
        assertThat(FieldReader.plainExportTime("2024-02-29 08:30:00")).isEqualTo(LocalDateTime.of(2024, 2, 29, 8, 30));
        assertThat(FieldReader.plainExportTime("2023-02-29 08:30:00")).isNull();
        assertThat(FieldReader.plainExportTime("2024-01-31 24:00:00")).isNull();
        assertThat(FieldReader.plainExportTime("2024-01-31T08:30:00")).isNull();
        assertThat(FieldReader.plainExportTime("2024/01/31 08:30:00")).isNull();
        assertThat(FieldReader.plainExportTime("2024-01-31 8:30:00")).isNull();
        assertThat(FieldReader.plainExportTime("2024-0１-31 08:30:00")).isNull();
        assertThat(FieldReader.plainExportTime("+2024-01-31 08:30")).isNull();
    }

    @Test
    void writesWhatTheFormatterWrites() {
        SplittableRandom random = new SplittableRandom(16);
        for (int i = 0; i < 100_000; i++) {
            LocalDateTime t = LocalDateTime.of(
                    random.nextInt(1, 10_000),
                    random.nextInt(1, 13),
                    random.nextInt(1, 29),
                    random.nextInt(0, 24),
                    random.nextInt(0, 60),
                    random.nextInt(0, 60),
                    random.nextInt(0, 1_000_000_000));
            assertThat(Json.time(t)).as(t.toString()).isEqualTo(Json.TIME.format(t));
        }
        assertThat(Json.time(null)).isNull();
    }
}
