package org.gridgov.common.identity;

import java.text.Normalizer;

/**
 * The one form a company name is compared in: Unicode NFKC (full-width letters and digits read as ASCII), every
 * space removed (also the ideographic one, which {@code String.trim} keeps) and parentheses written full-width, as
 * registered Chinese company names have them. "山东华强 (集团) 建设有限公司" and "山东华强（集团）建设有限公司" are one company;
 * names that differ in a character (华强建筑 / 华强建材) stay two: guessing at abbreviations could merge two
 * employers' workers into one group petition.
 */
public final class CompanyNames {

    private CompanyNames() {}

    /** The canonical form, or null for a missing or blank name. */
    public static String canonical(String name) {
        if (name == null) {
            return null;
        }
        String nfkc = Normalizer.normalize(name, Normalizer.Form.NFKC);
        StringBuilder sb = new StringBuilder(nfkc.length());
        nfkc.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return;
            }
            sb.appendCodePoint(c == '(' ? '（' : c == ')' ? '）' : c);
        });
        return sb.isEmpty() ? null : sb.toString();
    }
}
