package org.gridgov.ingestion.datax;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gridgov.common.model.SourceType;

/**
 * The JSON field names of a source's records (snake_case of the record components, as {@code Json} writes them):
 * what a job's transformer may map reader columns onto and what the export writer produces.
 */
public final class RecordFields {

    private static final Map<SourceType, List<String>> FIELDS = new EnumMap<>(SourceType.class);

    static {
        for (SourceType s : SourceType.values()) {
            List<String> names = new ArrayList<>();
            for (RecordComponent c : s.recordType().getRecordComponents()) {
                names.add(snake(c.getName()));
            }
            FIELDS.put(s, List.copyOf(names));
        }
    }

    private RecordFields() {}

    public static List<String> of(SourceType source) {
        return FIELDS.get(source);
    }

    static String snake(String camel) {
        StringBuilder sb = new StringBuilder();
        for (char ch : camel.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                sb.append('_').append(Character.toLowerCase(ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
