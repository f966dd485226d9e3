package org.gridgov.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The commands of the root README's "Running on clusters" block, which {@link ClusterIT} runs as they are written
 * (after {@link #substitute}: the README's production hosts and paths become the test cluster's). Each command is one
 * of the {@link Kind}s the test knows how to run; {@code ReadmeCommandsTest} fails on any other, so the README cannot
 * gain a command no test runs.
 */
final class ReadmeCommands {

    static final String SECTION = "## Running on clusters";

    /** What a README command does, recognised by its first words (and the main class for flink run). */
    enum Kind {
        TOPICS_CREATE("./gridgov topics create"),
        DDL("./gridgov ddl"),
        APPLY_DDL("mysql "),
        RUN_LOADER("flink run -d -c org.gridgov.streaming.odsloader.OdsLoaderJob"),
        RUN_ALERTS("flink run -d -c org.gridgov.streaming.alerts.AlertJob"),
        STOP_WITH_SAVEPOINT("flink stop --savepointPath"),
        RESUME_LOADER("flink run -d -s <savepoint-path> -c org.gridgov.streaming.odsloader.OdsLoaderJob"),
        SPARK_ANALYTICS("spark-submit ");

        final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        static Kind of(String command) {
            for (Kind k : values()) {
                if (command.startsWith(k.prefix)
                        && (k != SPARK_ANALYTICS || command.contains("--class org.gridgov.batch.AnalyticsJobs"))) {
                    return k;
                }
            }
            throw new IllegalArgumentException("no cluster test runs this README command: " + command);
        }
    }

    /** A command of the block: its text (continuation lines joined) and what it does. */
    record Command(Kind kind, String text) {

        /** The words after the program name ({@code flink}, {@code spark-submit}, {@code ./gridgov}). */
        List<String> arguments() {
            String[] w = text.split("\\s+");
            return List.of(Arrays.copyOfRange(w, 1, w.length));
        }
    }

    private ReadmeCommands() {}

    /** The block's commands in order. */
    static List<Command> read(Path readme) throws IOException {
        List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        int start = lines.indexOf(SECTION);
        if (start < 0) {
            throw new IllegalStateException(readme + " has no section '" + SECTION + "'");
        }
        int open = start;
        while (!lines.get(open).startsWith("```")) {
            open++;
        }
        List<Command> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = open + 1; !lines.get(i).startsWith("```"); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean continued = line.endsWith("\\");
            current.append(continued ? line.substring(0, line.length() - 1).strip() : line)
                    .append(' ');
            if (!continued) {
                String text = current.toString().strip();
                out.add(new Command(Kind.of(text), text));
                current.setLength(0);
            }
        }
        return out;
    }

    /** The first command of that kind. */
    static Command first(List<Command> commands, Kind kind) {
        return commands.stream()
                .filter(c -> c.kind() == kind)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the README has no " + kind + " command"));
    }

    /** Production names in the README and what a test cluster uses instead, applied in order. */
    static final class Substitutions {
        private final Map<String, String> replacements = new LinkedHashMap<>();

        Substitutions put(String readme, String local) {
            replacements.put(readme, local);
            return this;
        }

        /** The command with every production name replaced; fails if a placeholder is left. */
        String apply(String command) {
            String out = command;
            for (Map.Entry<String, String> e : replacements.entrySet()) {
                out = out.replace(e.getKey(), e.getValue());
            }
            if (PLACEHOLDER.matcher(out).find()) {
                throw new IllegalStateException("a placeholder is left in: " + out);
            }
            return out;
        }
    }

    private static final Pattern PLACEHOLDER =
            Pattern.compile("<[a-z-]+>|doris-fe|kafka-\\d|spark-master|/etc/gridgov" + "|hdfs://");
}
