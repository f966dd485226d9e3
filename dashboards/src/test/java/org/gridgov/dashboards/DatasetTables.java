package org.gridgov.dashboards;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The warehouse tables a dataset reads: its table, or every table its SQL names after FROM or JOIN. */
final class DatasetTables {

    private static final Pattern FROM_JOIN =
            Pattern.compile("(?i)\\b(?:FROM|JOIN)\\s+`?(?:\\w+`?\\.`?)?([A-Za-z_]\\w*)`?");

    private DatasetTables() {}

    static Set<String> of(BundleDataset d) {
        Set<String> out = new TreeSet<>();
        if (!d.virtual()) {
            out.add(d.tableName());
            return out;
        }
        Matcher m = FROM_JOIN.matcher(d.sql());
        while (m.find()) {
            out.add(m.group(1));
        }
        if (out.isEmpty()) {
            throw new IllegalStateException(d.path() + ": no table found in its SQL");
        }
        return out;
    }
}
