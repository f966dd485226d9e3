package org.gridgov.launcher;

import java.util.ArrayList;
import java.util.List;
import org.jline.utils.WCWidth;

/**
 * A plain-text table for the terminal that aligns Chinese text (two columns wide) as well as ASCII.
 *
 * <p>The layout is ours on purpose: the table libraries on Maven Central (asciitable, FlipTables, picocli's usage
 * TextTable) measure cells in chars or guess wide characters by Unicode block, which misaligns CJK text, halfwidth
 * forms and characters outside the BMP. The display width of each character is JLine's {@code wcwidth}, per code
 * point, from the Unicode East Asian Width data.
 */
final class TextTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String... header) {
        this.header = List.of(header);
    }

    TextTable row(Object... cells) {
        List<String> r = new ArrayList<>();
        for (Object c : cells) {
            r.add(c == null ? "" : c.toString());
        }
        rows.add(r);
        return this;
    }

    String render(String indent) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = width(header.get(i));
            for (List<String> r : rows) {
                widths[i] = Math.max(widths[i], width(r.get(i)));
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, indent, header, widths);
        StringBuilder rule = new StringBuilder(indent);
        for (int w : widths) {
            rule.append("-".repeat(w)).append("  ");
        }
        sb.append(rule.toString().stripTrailing()).append('\n');
        rows.forEach(r -> line(sb, indent, r, widths));
        return sb.toString();
    }

    private static void line(StringBuilder sb, String indent, List<String> cells, int[] widths) {
        StringBuilder l = new StringBuilder(indent);
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            boolean numeric = c.matches("-?[0-9][0-9,.%]*");
            String pad = " ".repeat(widths[i] - width(c));
            l.append(numeric ? pad + c : c + pad).append("  ");
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }

    /** Terminal columns of {@code s}: East Asian wide and fullwidth characters take two, combining marks none. */
    static int width(String s) {
        return s.codePoints().map(cp -> Math.max(0, WCWidth.wcwidth(cp))).sum();
    }
}
