package org.gridgov.cases.casefile;

import org.gridgov.common.pii.PiiProtector;

/**
 * The one policy for case titles in the lists staff see: 待办, 已办 and 查询 (API and pages, through
 * {@link CaseRepository}'s list queries) and the similar-case suggestions of the report form, the case page and the
 * dispatch view ({@code duplicate.DuplicateFinder}). ID-card and mobile numbers a caller or call-taker typed into a
 * title are masked as {@link PiiProtector#redact} masks them (the map's case points apply the same function): a list
 * shows many cases to people not handling each of them. A case's own file (its page and {@code GET /api/cases/{id}},
 * for the people handling it) keeps the title as reported.
 */
public final class CaseTitles {

    private CaseTitles() {}

    /** A title as lists show it. */
    public static String listed(String title) {
        return PiiProtector.redact(title);
    }

    /** The case as lists show it: its title {@link #listed}, everything else as stored. */
    public static CaseRecord listed(CaseRecord c) {
        CaseRecord.Report r = c.report();
        String title = listed(r.title());
        if (title == null || title.equals(r.title())) {
            return c;
        }
        return new CaseRecord(
                c.id(),
                new CaseRecord.Report(
                        title,
                        r.description(),
                        r.channel(),
                        r.categoryCode(),
                        r.categoryName(),
                        r.urgency(),
                        r.reporterName(),
                        r.reporterPhone(),
                        r.createdBy(),
                        r.publishable()),
                c.location(),
                c.assignment(),
                c.timing(),
                c.version(),
                c.response());
    }
}
