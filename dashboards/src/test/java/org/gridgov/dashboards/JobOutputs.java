package org.gridgov.dashboards;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gridgov.warehouse.Table;

/**
 * Which warehouse tables the jobs write, read from their sources: a batch job upserts through
 * {@code io.upsert(rows, TARGET)} with {@code static final Table TARGET = AnalyticsTables.X}, the streaming jobs
 * build rows with {@code AlertTables.X.row(...)} for their sinks or call {@code upserter.upsert(c, AlertTables.X,
 * rows)}. Catalogue references are resolved by reflection on {@code org.gridgov.warehouse}, so the result is table
 * names, not constant names, and a reference that does not resolve fails instead of being skipped.
 */
final class JobOutputs {

    private static final Pattern TABLE_CONSTANT =
            Pattern.compile("static\\s+final\\s+Table\\s+(\\w+)\\s*=\\s*(\\w+)\\.(\\w+)\\s*;");
    private static final Pattern UPSERT =
            Pattern.compile("\\.upsert\\(\\s*[^,()]+(?:\\([^()]*\\))?\\s*,\\s*([\\w.()]+)\\s*[,)]");
    private static final Pattern ROW = Pattern.compile("\\b([A-Z]\\w*)\\.([A-Z][A-Z0-9_]*)\\.row\\(");

    private JobOutputs() {}

    /** Table name → the source file that writes it, for the job source trees under {@code roots}. */
    static Map<String, String> scan(Path... roots) {
        Map<String, String> out = new TreeMap<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                throw new IllegalStateException("no job sources at " + root.toAbsolutePath());
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String src = Files.readString(f);
                    String rel = root.relativize(f).toString();
                    writes(src, rel).forEach(t -> out.putIfAbsent(t, rel));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** The tables one source file writes. */
    static java.util.Set<String> writes(String src, String where) {
        Map<String, String> constants = new HashMap<>();
        Matcher c = TABLE_CONSTANT.matcher(src);
        while (c.find()) {
            constants.put(c.group(1), tableName(c.group(2), c.group(3), where));
        }
        java.util.Set<String> out = new java.util.TreeSet<>();
        Matcher u = UPSERT.matcher(src);
        while (u.find()) {
            String target = u.group(1);
            if (target.contains("(")) {
                continue; // a table chosen at run time (the ODS loader's buffers), not a catalogue constant
            }
            if (target.contains(".")) {
                String[] parts = target.split("\\.");
                out.add(tableName(parts[0], parts[1], where));
            } else if (constants.containsKey(target)) {
                out.add(constants.get(target));
            } else {
                throw new IllegalStateException(where + ": upsert into " + target + ", which is no Table constant");
            }
        }
        Matcher r = ROW.matcher(src);
        while (r.find()) {
            out.add(tableName(r.group(1), r.group(2), where));
        }
        return out;
    }

    private static String tableName(String catalogueClass, String field, String where) {
        try {
            Class<?> cls = Class.forName("org.gridgov.warehouse." + catalogueClass);
            Field f = cls.getField(field);
            return ((Table) f.get(null)).name();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException(where + ": " + catalogueClass + "." + field + " is no catalogue table", e);
        }
    }
}
