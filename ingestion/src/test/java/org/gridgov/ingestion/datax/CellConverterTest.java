package org.gridgov.ingestion.datax;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridgov.common.json.TimeNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Date cells in a job's format become the canonical time; anything not a real time is refused, never adjusted. */
class CellConverterTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "yyyy-MM-dd HH:mm:ss | 2024-01-15 09:30:05 | 2024-01-15 09:30:05",
                "yyyy/MM/dd HH:mm:ss | 2024/01/15 09:30:05 | 2024-01-15 09:30:05",
                "yyyyMMddHHmmss      | 20240115093005      | 2024-01-15 09:30:05",
                "yyyy.MM.dd          | 2024.02.29          | 2024-02-29 00:00:00",
                "dd/MM/yyyy HH:mm    | 15/01/2024 09:30    | 2024-01-15 09:30:00",
                "yyyy年MM月dd日 HH:mm | 2024年01月15日 09:30  | 2024-01-15 09:30:00",
                "yyyy-M-d H:mm       | 2024-1-5 9:30       | 2024-01-05 09:30:00",
                "yyyyMMddHHmmss      | 2024-01-15 09:30:05 | 2024-01-15 09:30:05",
                "yyyy/MM/dd HH:mm:ss | 2024-01-15T09:30:05 | 2024-01-15 09:30:05"
            })
    void convertsToTheCanonicalForm(String format, String cell, String expected) {
        // as RecordAssembler puts it into the record: the parsed time with its canonical text
        assertThat(TimeNode.of(new CellConverter(format).toTime(cell)).asText()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "yyyy-MM-dd HH:mm:ss | 2024-02-30 10:00:00",
                "yyyy-MM-dd HH:mm:ss | 2023-02-29 10:00:00",
                "yyyy-MM-dd HH:mm:ss | 2024-13-45 25:61:00",
                "yyyy-MM-dd HH:mm:ss | 2024-01-15 24:00:01",
                "yyyy-MM-dd HH:mm:ss | 0000-00-00 00:00:00",
                "yyyy-MM-dd HH:mm:ss | 2024-01-15",
                "yyyyMMddHHmmss      | 2024011509300",
                "yyyy/MM/dd HH:mm:ss | 2024/1/15 09:30:05",
                "yyyy-M-d H:mm       | 2024-2-30 9:30",
                "yyyy-MM-dd HH:mm:ss | 昨天下午"
            })
    void refusesWhatIsNotARealTime(String format, String cell) {
        assertThat(new CellConverter(format).toTime(cell)).isNull();
    }

    @Test
    void onlyFixedWidthNumericPatternsTakeTheFastPath() {
        assertThat(CellConverter.FixedPattern.of("yyyy-MM-dd HH:mm:ss")).isNotNull();
        assertThat(CellConverter.FixedPattern.of("yyyy-M-d H:mm")).isNull();
        assertThat(CellConverter.FixedPattern.of("dd MMM yyyy")).isNull();
        assertThat(CellConverter.FixedPattern.of("HH:mm")).isNull();
    }
}
