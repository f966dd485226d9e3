package org.gridgov.loading.identity;

import com.hankcs.hanlp.HanLP;

/**
 * A name in its evidence form: traditional characters converted to simplified with HanLP's converter (張偉 → 张伟),
 * whitespace (also the ideographic space) and the middle dots of transliterated names removed. Evidence only, never a
 * key: 张伟 is a common name, so equal names say nothing for a link, and different names say something against it.
 */
public final class PersonNames {

    private PersonNames() {}

    /** The evidence form, or null for no name. HanLP loads its conversion table once, on first use (~1 s). */
    public static String evidenceForm(String name) {
        if (name == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '·' && c != '•' && c != '\u30FB') {
                sb.appendCodePoint(c);
            }
        });
        return sb.isEmpty() ? null : HanLP.convertToSimplifiedChinese(sb.toString());
    }
}
