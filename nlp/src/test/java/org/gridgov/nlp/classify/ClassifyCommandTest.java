package org.gridgov.nlp.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.common.io.TsvTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifyCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ClassifyCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private List<TsvTable.Line> output() throws Exception {
        List<TsvTable.Line> lines = new ArrayList<>();
        try (TsvTable t = TsvTable.open(new StringReader(out.toString(StandardCharsets.UTF_8)), "stdout")) {
            assertThat(t.header())
                    .endsWith("category_code", "category_l1", "category_l2", "confidence", "auto_dispatch");
            t.forEach(lines::add);
        }
        return lines;
    }

    @Test
    void addsFiveColumnsKeepsQuotedCellsAndReportsBadRows() throws Exception {
        Path file = dir.resolve("in.tsv");
        Files.writeString(
                file,
                "id\t主题\t详情\tgold\n"
                        + "1\t暖气不热\t\"今年冬天家里暖气不热，\n室温只有十五度，\"\"热力公司\"\"不管\"\t城乡建设\n"
                        + "2\t\t包工头拖欠我们农民工工资，年底了还不给\tC04\n"
                        + "3\t少一列\t只有三格\n"
                        + "4\t\t\t城乡建设\n"
                        + "5\t快递\t快递员从不送货上门\t不存在的类\n",
                StandardCharsets.UTF_8);
        assertThat(run("--input=" + file, "--text=主题,详情", "--eval=gold")).isZero();
        List<TsvTable.Line> rows = output();
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).cells()).startsWith("1", "暖气不热", "今年冬天家里暖气不热，\n室温只有十五度，\"热力公司\"不管");
        assertThat(rows.get(0).cells().subList(4, 7)).containsExactly("C0101", "城乡建设", "供暖");
        assertThat(Double.parseDouble(rows.get(0).cell(7))).isBetween(0.0, 1.0);
        assertThat(rows.get(0).cell(8)).isIn("true", "false");
        assertThat(rows.get(1).cell(5)).isEqualTo("劳动和社会保障");
        assertThat(rows.get(2).cells()).containsExactly("4", "", "", "城乡建设", "", "", "", "", "false");
        assertThat(rows.get(3).cell(6)).isEqualTo("快递邮政");
        assertThat(err())
                .contains(
                        "line 5: 3 cells, the header has 4; row left out",
                        "line 6: no text in 主题,详情; written without a category",
                        "line 7: gold class '不存在的类' in gold is not a first-level class",
                        "classified 3 of 5 rows",
                        "2 bad rows (1 with the wrong number of cells, left out; 1 without text)",
                        "keyword counting (lexicon)",
                        "old naive Bayes (templates)",
                        "macro-F1");
    }

    @Test
    void refusesWrongArgumentsAndMissingFilesClearly() throws Exception {
        assertThat(run("--input=x.tsv")).isEqualTo(2);
        assertThat(err()).contains("--input and --text are required");
        assertThat(run("--input=" + dir.resolve("none.tsv"), "--text=t")).isEqualTo(1);
        assertThat(err()).contains("no such file");
        Path file = dir.resolve("a.tsv");
        Files.writeString(file, "a\tb\n1\t2\n");
        assertThat(run("--input=" + file, "--text=text")).isEqualTo(2);
        assertThat(err()).contains("has no column 'text'; its columns are [a, b]");
        assertThat(run("--input=" + file, "--text=a", "--threshold=2")).isEqualTo(2);
        assertThat(run("--input=" + file, "--text=a", "--colour=red")).isEqualTo(2);
        assertThat(err()).contains("unknown option --colour");
    }

    @Test
    void theThresholdDecidesAutoDispatch() throws Exception {
        Path file = dir.resolve("t.tsv");
        Files.writeString(file, "text\n小区楼下烧烤店油烟直排\n");
        run("--input=" + file, "--text=text", "--threshold=1");
        assertThat(output().get(0).cell(5)).isEqualTo("false");
        out.reset();
        run("--input=" + file, "--text=text", "--threshold=0");
        assertThat(output().get(0).cell(5)).isEqualTo("true");
    }
}
