package org.gridgov.common.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

class TsvTableTest {

    @Test
    void readsQuotedCellsWithTabsLineBreaksAndQuotesAndKeepsLineNumbers() throws Exception {
        String file = "id\ttext\n" + "1\t他说\"不管\"，楼道有#号\n" + "2\t\"第一行\n第二行\t还有制表符，\"\"引号\"\"\"\n" + "\n" + "3\t# 不是注释";
        List<TsvTable.Line> lines = new ArrayList<>();
        try (TsvTable t = TsvTable.open(new StringReader(file), "in.tsv")) {
            assertThat(t.header()).containsExactly("id", "text");
            assertThat(t.column("text")).isEqualTo(1);
            t.forEach(lines::add);
        }
        assertThat(lines).extracting(TsvTable.Line::number).containsExactly(2L, 3L, 6L);
        assertThat(lines.get(0).cell(1)).isEqualTo("他说\"不管\"，楼道有#号");
        assertThat(lines.get(1).cell(1)).isEqualTo("第一行\n第二行\t还有制表符，\"引号\"");
        assertThat(lines.get(2).cell(1)).isEqualTo("# 不是注释");
        try (TsvTable t = TsvTable.open(new StringReader(file + "\n"), "in.tsv")) {
            List<Long> numbers = new ArrayList<>();
            t.forEach(l -> numbers.add(l.number()));
            assertThat(numbers).as("with a final line break").containsExactly(2L, 3L, 6L);
        }
    }

    @Test
    void writesWhatItReads() throws Exception {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = TsvTable.printer(w)) {
            p.printRecord("id", "text");
            p.printRecord("1", "两行\n文本\t\"引号\"");
            p.printRecord("2", "普通");
        }
        try (TsvTable t = TsvTable.open(new StringReader(w.toString()), "out")) {
            List<TsvTable.Line> lines = new ArrayList<>();
            t.forEach(lines::add);
            assertThat(lines.get(0).cell(1)).isEqualTo("两行\n文本\t\"引号\"");
            assertThat(lines.get(1).cells()).containsExactly("2", "普通");
        }
        assertThat(w.toString()).endsWith("2\t普通\n");
    }

    @Test
    void anUnknownColumnNamesTheColumnsThereAre() throws Exception {
        try (TsvTable t = TsvTable.open(new StringReader("a\tb\n1\t2\n"), "x.tsv")) {
            assertThatThrownBy(() -> t.column("text")).hasMessage("x.tsv has no column 'text'; its columns are [a, b]");
        }
        assertThatThrownBy(() -> TsvTable.open(new StringReader(""), "e.tsv")).hasMessageContaining("header");
    }
}
