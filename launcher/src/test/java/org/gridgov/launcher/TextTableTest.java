package org.gridgov.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void chineseTextCountsTwoColumnsSoColumnsLineUp() {
        String out = new TextTable("street", "受理量")
                .row("山大路街道", 591)
                .row("x", 12_345)
                .render("");
        List<String> lines = out.lines().toList();
        assertThat(lines).hasSize(4);
        // every line has the same display width: CJK characters take two terminal columns
        assertThat(lines.stream().map(TextTable::width).distinct()).hasSize(1);
        assertThat(lines.get(2)).startsWith("山大路街道").endsWith("591");
        assertThat(TextTable.width("历城区abc")).isEqualTo(9);
    }

    @Test
    void numbersAreRightAlignedAndTextLeftAligned() {
        String out =
                new TextTable("name", "n").row("a", "1,234").row("bbbb", "5").render("  ");
        assertThat(out.lines().toList().get(3)).isEqualTo("  bbbb      5");
        assertThat(out.lines().toList().get(2)).isEqualTo("  a     1,234");
    }
}
