package org.gridgov.streaming.odsloader;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.gridgov.warehouse.ColumnType;
import org.gridgov.warehouse.Table;

/**
 * Finds clear personal numbers in warehouse rows: any of the numbers the test fed in, anywhere, and anything shaped
 * like an 18-digit ID card or 11-digit mobile in text columns. Person-key columns (commented "salted hash" in the
 * catalogue) are hex and can contain 11-digit runs by chance, so they are checked for their hash shape instead.
 */
final class PiiScan {

    private static final Pattern ID_LIKE = Pattern.compile("(?<![0-9])\\d{17}[0-9Xx](?![0-9])");
    private static final Pattern MOBILE_LIKE = Pattern.compile("(?<![0-9])1[3-9]\\d{9}(?![0-9])");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{32}");

    private final List<String> knownClear;

    PiiScan(Collection<String> knownClear) {
        this.knownClear = List.copyOf(knownClear);
    }

    /** Problems found in one row of {@code table}, as "table.column: why"; empty when clean. */
    List<String> problems(Table table, String[] values) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            String v = values[i];
            if (v == null) {
                continue;
            }
            String where = table.name() + "." + table.columns().get(i).name();
            for (String clear : knownClear) {
                if (v.contains(clear)) {
                    out.add(where + ": contains clear " + clear);
                }
            }
            ColumnType.Kind kind = table.columns().get(i).type().kind();
            if (kind != ColumnType.Kind.VARCHAR && kind != ColumnType.Kind.TEXT) {
                continue;
            }
            if (table.columns().get(i).comment().contains("salted hash")) {
                if (!HASH.matcher(v).matches()) {
                    out.add(where + ": not a salted hash: " + v);
                }
            } else if (ID_LIKE.matcher(v).find() || MOBILE_LIKE.matcher(v).find()) {
                out.add(where + ": looks like a clear ID card or mobile: " + v);
            }
        }
        return out;
    }
}
