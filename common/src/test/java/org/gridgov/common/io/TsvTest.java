package org.gridgov.common.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TsvTest {

    @Test
    void rowWithTooFewFieldsNamesFileAndPhysicalLine() {
        // line 5 counts the comment and the blank line before it: what an editor shows
        assertThatThrownBy(() -> Tsv.read("gridgov-test/malformed.tsv"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("gridgov-test/malformed.tsv:5 has 2 fields, header has 3");
    }

    @Test
    void commentsAndBlankLinesAreSkippedAndEmptyTrailingCellsKept() {
        List<Map<String, String>> rows = Tsv.read("gridgov-test/categories-small.tsv");
        assertThat(rows)
                .containsExactly(
                        Map.of("code", "C01", "name", "城乡建设", "note", ""),
                        Map.of("code", "C04", "name", "劳动和社会保障", "note", "含欠薪"));
        assertThat(rows.get(0).keySet()).containsExactly("code", "name", "note");
    }

    @Test
    void columnReadsAOneColumnFile() {
        assertThat(Tsv.column("gridgov-test/surnames-small.tsv"))
                .contains("王", "张")
                .doesNotContain("surname");
    }

    @Test
    void quotesAreTextAndRowsKeepTheirPhysicalLine() {
        List<Tsv.Row> rows =
                Tsv.rows(new StringReader("# 注释\ncode\ttext\n\nC01\t他说\"暖气不热\"\r\n  \t \nC02\t\n"), "inline");
        assertThat(rows).extracting(Tsv.Row::line).containsExactly(2L, 4L, 6L);
        assertThat(rows.get(1).cells()).containsExactly("C01", "他说\"暖气不热\"");
        assertThat(rows.get(2).cells()).containsExactly("C02", "");
    }

    @Test
    void missingResourceSaysItIsMissingFromTheClasspath() {
        assertThatThrownBy(() -> Tsv.read("gridgov/nope.tsv"))
                .hasMessage("reference file missing from the classpath: gridgov/nope.tsv");
    }
}
