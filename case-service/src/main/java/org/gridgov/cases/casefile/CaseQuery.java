package org.gridgov.cases.casefile;

/** Search filters; null means "any". {@code person} matches reporter name or phone, or the reporting user. */
public record CaseQuery(String areaCode, String categoryCode, String status, String person, String place,
                        String text) {

    public static CaseQuery of(String areaCode, String categoryCode, String status, String person, String place,
                               String text) {
        return new CaseQuery(blankToNull(areaCode), blankToNull(categoryCode), blankToNull(status),
                blankToNull(person), blankToNull(place), blankToNull(text));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
