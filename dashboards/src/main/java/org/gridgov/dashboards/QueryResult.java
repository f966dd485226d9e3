package org.gridgov.dashboards;

/**
 * What running one dataset's or chart's query gave: the rows it returned (for a dataset: rows of its table or SQL;
 * for an ungrouped chart: source rows behind its number) or why it could not run.
 */
public record QueryResult(Kind kind, String name, String path, String sql, long rows, String error) {

    public enum Kind {
        DATASET,
        CHART
    }

    public boolean failed() {
        return error != null;
    }

    /** Ran, but found nothing to show. */
    public boolean empty() {
        return error == null && rows == 0;
    }

    @Override
    public String toString() {
        String what = kind.name().toLowerCase(java.util.Locale.ROOT) + " " + name + " (" + path + ")";
        return failed()
                ? "FAIL  " + what + ": " + error
                : String.format("%-5s %s: %d rows", rows > 0 ? "OK" : "EMPTY", what, rows);
    }
}
