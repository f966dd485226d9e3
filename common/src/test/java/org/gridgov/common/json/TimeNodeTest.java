package org.gridgov.common.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gridgov.common.validation.FieldReader;
import org.gridgov.common.validation.Violation;
import org.junit.jupiter.api.Test;

/** A time parsed once (the DataX runner's) reads as the same time and the same text as the JSON text it stands for. */
class TimeNodeTest {

    private static LocalDateTime read(ObjectNode record, List<Violation> violations) {
        return new FieldReader(record, violations).time("accept_time", true);
    }

    @Test
    void readsAsTheTimeItsTextWouldParseTo() {
        SplittableRandom random = new SplittableRandom(15);
        for (int i = 0; i < 20_000; i++) {
            LocalDateTime t = LocalDateTime.of(
                    random.nextInt(0, 10_000),
                    random.nextInt(1, 13),
                    random.nextInt(1, 29),
                    random.nextInt(0, 24),
                    random.nextInt(0, 60),
                    random.nextInt(0, 60),
                    // fractions of a second, as a declared format with them parses: the text drops them
                    i % 2 == 0 ? 0 : random.nextInt(0, 1_000_000_000));
            TextNode node = TimeNode.of(t);
            ObjectNode parsed = Json.mapper().createObjectNode().set("accept_time", node);
            ObjectNode text = Json.mapper().createObjectNode().put("accept_time", Json.time(t));
            List<Violation> a = new ArrayList<>();
            List<Violation> b = new ArrayList<>();

            assertThat(read(parsed, a)).as(Json.time(t)).isEqualTo(read(text, b));
            assertThat(a).isEqualTo(b);
            assertThat(node).isEqualTo(TextNode.valueOf(Json.time(t)));
            assertThat(parsed.toString()).isEqualTo(text.toString());
            if (node instanceof TimeNode n) {
                assertThat(read(parsed, new ArrayList<>()))
                        .as("not parsed again")
                        .isSameAs(n.time());
            }
        }
    }

    @Test
    void keepsTheParsedTimeOnlyWhereItsTextReadsBackAsIt() {
        assertThat(TimeNode.of(LocalDateTime.of(2024, 1, 31, 8, 30))).isInstanceOf(TimeNode.class);
        // Json.time writes year 0 as 0001: that one stays text, decoded as a JSON record's text is
        assertThat(TimeNode.of(LocalDateTime.of(0, 1, 31, 8, 30))).isNotInstanceOf(TimeNode.class);
    }
}
