package org.gridgov.cases.assessment;

import java.util.List;

/**
 * A new rule version as the page or the API sends it, unchecked (values as given, so every problem can be named):
 * the level, the month it starts ({@code yyyy-MM}), the version the editor was shown ({@code baseVersion}), why, and
 * the items.
 */
public record RuleDraft(String level, String validFrom, Integer baseVersion, String note, List<Item> items) {

    /** One item; weight and target as text or number, whichever the client sent. */
    public record Item(String itemCode, String itemName, String weight, String target, String method) {}
}
