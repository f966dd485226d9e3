package org.gridgov.launcher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.gridgov.batch.api.BatchJob;
import org.gridgov.cases.launch.CaseServiceCommand;
import org.gridgov.common.config.ConfigOption;
import org.gridgov.common.config.GridgovOptions;
import org.gridgov.common.job.JobEntryPoint;
import org.gridgov.ingestion.api.IngestionCommand;
import org.gridgov.nlp.api.NlpCommand;
import org.gridgov.simulator.api.SimulatorCommand;
import org.gridgov.streaming.api.StreamingJob;

/**
 * Every configuration key of every module, as {@code gridgov config} prints it: grouped by the module that declares
 * it, each with its type, default, environment variable, meaning and the mains that read it. Built from the entry
 * points (the job modules' api jars), so listing loads no engine.
 */
final class ConfigListing {

    /** Every main of the platform, in the order the listing shows their modules. */
    static final List<JobEntryPoint> ENTRY_POINTS = Stream.<JobEntryPoint[]>of(
                    StreamingJob.values(),
                    BatchJob.values(),
                    IngestionCommand.values(),
                    SimulatorCommand.values(),
                    CaseServiceCommand.values(),
                    NlpCommand.values())
            .flatMap(Arrays::stream)
            .toList();

    /** The platform's options (common's {@link GridgovOptions}), which every main accepts. */
    static final String PLATFORM = "common";

    private static final int WIDTH = 118;
    private static final String INDENT = "      ";
    private static final Map<String, String> MODULE_NOTES = Map.of(
            PLATFORM,
            "the platform's keys; every main accepts them",
            "case-service",
            "Spring Boot properties: --gridgov.case.x=..., application.yml or the environment");

    /** One module's options. */
    record Group(String module, List<Entry> entries) {}

    /** An option and the mains that read it. */
    record Entry(ConfigOption<?> option, List<JobEntryPoint> readBy) {}

    private ConfigListing() {}

    /**
     * The options of {@code entryPoints} by declaring module: the platform's first, then each module's in the order
     * its mains name them; a module's option belongs to the module of the mains that read it.
     */
    static List<Group> groups(List<JobEntryPoint> entryPoints) {
        Map<String, List<Entry>> byModule = new LinkedHashMap<>();
        Set<ConfigOption<?>> listed = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ConfigOption<?> o : GridgovOptions.ALL) {
            listed.add(o);
            byModule.computeIfAbsent(PLATFORM, m -> new ArrayList<>()).add(new Entry(o, readers(o, entryPoints)));
        }
        for (JobEntryPoint e : entryPoints) {
            for (ConfigOption<?> o : e.options()) {
                if (listed.add(o)) {
                    byModule.computeIfAbsent(e.module(), m -> new ArrayList<>())
                            .add(new Entry(o, readers(o, entryPoints)));
                }
            }
        }
        return byModule.entrySet().stream()
                .map(m -> new Group(m.getKey(), List.copyOf(m.getValue())))
                .toList();
    }

    private static List<JobEntryPoint> readers(ConfigOption<?> option, List<JobEntryPoint> entryPoints) {
        return entryPoints.stream().filter(e -> e.options().contains(option)).toList();
    }

    /** The text {@code gridgov config} prints. */
    static List<String> lines(List<Group> groups) {
        List<String> out = new ArrayList<>();
        out.add("Values come from --key=value arguments, then GRIDGOV_* environment variables, then a properties");
        out.add("file (--config=path), then the default. Durations: 500ms, 10s, 5min, 1h, 2d or ISO-8601 (a bare");
        out.add("number is milliseconds); memory sizes: 512kb, 64mb, 1g; lists: comma-separated.");
        for (Group g : groups) {
            out.add("");
            String note = MODULE_NOTES.get(g.module());
            out.add("== " + g.module() + (note == null ? "" : " — " + note) + " ==");
            for (Entry e : g.entries()) {
                out.addAll(describe(e));
            }
        }
        return out;
    }

    private static List<String> describe(Entry e) {
        ConfigOption<?> o = e.option();
        List<String> out = new ArrayList<>();
        String limits = o.rules().stream().map(r -> ", " + r).collect(Collectors.joining());
        out.addAll(wrap(
                "  ",
                List.of(
                        o.isNamespace() ? o.key() + "<name>" : o.key(),
                        o.typeName(),
                        "default " + defaultText(o) + limits),
                "  "));
        out.addAll(words("env " + o.envName()
                + (o.deprecatedKeys().isEmpty() ? "" : "; deprecated names: " + String.join(", ", o.deprecatedKeys()))
                + "; read by "
                + e.readBy().stream().map(JobEntryPoint::id).collect(Collectors.joining(", "))));
        out.addAll(words(o.description()));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static String defaultText(ConfigOption<?> option) {
        ConfigOption<Object> o = (ConfigOption<Object>) option;
        if (o.secret()) {
            return "(secret: environment only)";
        }
        if (o.isNamespace()) {
            return "(none)";
        }
        if (o.defaultValue() == null) {
            return "(not set)";
        }
        String text = o.format(o.defaultValue());
        return text.isEmpty() ? "\"\"" : text;
    }

    /** {@code text} in lines of at most {@link #WIDTH} columns, indented under the key. */
    private static List<String> words(String text) {
        return wrap(INDENT, List.of(text.split(" ")), " ");
    }

    /** {@code parts} joined by {@code separator}, a new line (indented) where the next part would pass the width. */
    private static List<String> wrap(String first, List<String> parts, String separator) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        int start = first.length();
        for (String part : parts) {
            if (line.length() > start && line.length() + separator.length() + part.length() > WIDTH) {
                out.add(line.toString());
                line = new StringBuilder(INDENT);
                start = INDENT.length();
            }
            if (line.length() > start) {
                line.append(separator);
            }
            line.append(part);
        }
        out.add(line.toString());
        return out;
    }
}
