package org.gridgov.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code gridgov classify} through the launcher's command line, on a small file. */
class NlpCommandsTest {

    @TempDir
    Path dir;

    @Test
    void classifyWritesTheRowsWithFiveColumnsAndASummary() throws Exception {
        Path file = dir.resolve("letters.tsv");
        Files.writeString(
                file,
                "编号\t留言主题\t留言详情\t一级分类\n"
                        + "1\tA市B区小区暖气不热\t\"尊敬的领导：\n您好！我家暖气一直不热，室温只有十几度。谢谢！\"\t城乡建设\n"
                        + "2\t工资拖欠\t包工头拖欠我们农民工工资半年了\t劳动和社会保障\n"
                        + "3\t坏行\n",
                StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = new CommandLine(new Gridgov())
                    .execute("classify", "--input=" + file, "--text=留言主题,留言详情", "--eval=一级分类");
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        assertThat(code).isZero();
        String tsv = out.toString(StandardCharsets.UTF_8);
        assertThat(tsv.lines().findFirst().orElseThrow())
                .isEqualTo("编号\t留言主题\t留言详情\t一级分类\tcategory_code\tcategory_l1\tcategory_l2\tconfidence\tauto_dispatch");
        assertThat(tsv).contains("\tC0101\t城乡建设\t供暖\t", "\t劳动和社会保障\t拖欠工资\t").contains("\"尊敬的领导：\n您好！");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains(
                        "line 5: 2 cells, the header has 4",
                        "classified 2 of 3 rows",
                        "accuracy",
                        "keyword counting (lexicon)");
    }
}
