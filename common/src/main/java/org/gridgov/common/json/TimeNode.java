package org.gridgov.common.json;

import com.fasterxml.jackson.databind.node.TextNode;
import java.time.LocalDateTime;

/**
 * A time field of a record tree that its reader parsed already (the local DataX runner's {@code date} columns): the
 * text a JSON record would carry ({@link Json#time}), and the time itself, which
 * {@link org.gridgov.common.validation.FieldReader#time} takes as it is instead of parsing the text again (issue 15:
 * the second parse of every time was a tenth of a load's worker CPU). To everything else it is the text node it
 * extends: equal to, and written as, the same text.
 */
public final class TimeNode extends TextNode {

    private final transient LocalDateTime time;

    private TimeNode(String text, LocalDateTime time) {
        super(text);
        this.time = time;
    }

    /**
     * {@code t} as a record field. Only years 1000..9999 keep the parsed time: there the text reads back as exactly
     * {@code t}; other years ({@link Json#time} writes year 0 as 0001) stay plain text, decoded as JSON text is.
     */
    public static TextNode of(LocalDateTime t) {
        String text = Json.time(t);
        int year = t.getYear();
        // Json.time writes whole seconds: the time kept is the one its text reads back as (a format with fractions of
        // a second, or an ISO cell with them, must not carry more into the record than its text does)
        return year >= 1000 && year <= 9999 ? new TimeNode(text, t.withNano(0)) : TextNode.valueOf(text);
    }

    /** The parsed time; {@link #asText()} is its text. */
    public LocalDateTime time() {
        return time;
    }
}
