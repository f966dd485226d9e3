package org.gridgov.cases.casefile;

/** Search filters; null means "any". {@code person} matches reporter name or phone, or the reporting user. */
public record CaseQuery(
        String areaCode, String categoryCode, CaseStatus status, String person, String place, String text) {

    /** Filters as a form or query string gives them: blank is "any"; an unknown status is refused. */
    public static CaseQuery of(
            String areaCode, String categoryCode, String status, String person, String place, String text) {
        String s = blankToNull(status);
        return new CaseQuery(
                blankToNull(areaCode),
                blankToNull(categoryCode),
                s == null ? null : CaseStatus.parse(s),
                blankToNull(person),
                blankToNull(place),
                blankToNull(text));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
