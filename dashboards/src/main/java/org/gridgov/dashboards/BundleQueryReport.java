package org.gridgov.dashboards;

import java.util.List;
import java.util.stream.Collectors;

/** The outcome of {@link BundleQueryCheck}: one result per dataset and per chart, in bundle order. */
public final class BundleQueryReport {

    private final String bundle;
    private final List<QueryResult> results;

    BundleQueryReport(String bundle, List<QueryResult> results) {
        this.bundle = bundle;
        this.results = List.copyOf(results);
    }

    public List<QueryResult> results() {
        return results;
    }

    public List<QueryResult> datasets() {
        return results.stream()
                .filter(r -> r.kind() == QueryResult.Kind.DATASET)
                .toList();
    }

    public List<QueryResult> charts() {
        return results.stream().filter(r -> r.kind() == QueryResult.Kind.CHART).toList();
    }

    /** Queries that could not be built or did not run. */
    public List<QueryResult> failures() {
        return results.stream().filter(QueryResult::failed).toList();
    }

    /** Queries that ran but returned no rows: a dashboard panel that would say "No results". */
    public List<QueryResult> empty() {
        return results.stream().filter(QueryResult::empty).toList();
    }

    /** Every query ran (rows may still be zero; see {@link #empty()}). */
    public boolean ok() {
        return failures().isEmpty();
    }

    /** One line per query, failures first, then the counts. */
    public String summary() {
        String lines = results.stream()
                .sorted((a, b) -> Boolean.compare(b.failed(), a.failed()))
                .map(QueryResult::toString)
                .collect(Collectors.joining("\n"));
        return lines + "\n" + bundle + ": " + datasets().size() + " datasets, " + charts().size() + " charts, "
                + failures().size() + " failed, " + empty().size() + " empty";
    }

    @Override
    public String toString() {
        return summary();
    }
}
