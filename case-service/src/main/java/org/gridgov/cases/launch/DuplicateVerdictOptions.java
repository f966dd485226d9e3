package org.gridgov.cases.launch;

import java.util.List;
import org.gridgov.common.config.ConfigOption;

/**
 * Files of {@code CaseServiceCommand.DUPLICATE_VERDICTS} (the similar-case finder's decision on every pair of a set
 * of reports, which the demo scores against the simulator's planted duplicate clusters). The finder's radius, window
 * and threshold are the service's own {@code gridgov.case.duplicate-*} keys.
 */
public final class DuplicateVerdictOptions {

    public static final ConfigOption<String> REPORTS = ConfigOption.string(
            "duplicates.reports-file",
            "",
            "JSON array of reports to judge pair by pair (id, category_code, title, description, latitude, longitude,"
                    + " reported_minute).");
    public static final ConfigOption<String> VERDICTS = ConfigOption.string(
            "duplicates.verdicts-file",
            "",
            "Where the duplicate verdicts go: a JSON array, one entry per pair within the time window.");

    public static final List<ConfigOption<?>> ALL = List.of(REPORTS, VERDICTS);

    private DuplicateVerdictOptions() {}
}
