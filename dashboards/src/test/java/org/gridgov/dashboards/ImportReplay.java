package org.gridgov.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Runs {@code src/test/resources/superset/import_replay.py}, the replay of what Superset's dashboard importer does
 * with each file of a bundle zip, and reads its verdict per Superset version profile.
 */
final class ImportReplay {

    private static final Path SCRIPT = Path.of("src", "test", "resources", "superset", "import_replay.py");
    private static final Path WORK = Path.of("target", "import-replay");
    /** The password an operator types at import; the bundle itself only holds Superset's mask. */
    static final Map<String, String> PASSWORDS = Map.of("databases/gridgov_doris.yaml", "secret-at-import");

    /** One profile's outcome: the exception Superset would raise (or none), silent breakage, what got imported. */
    record Outcome(String profile, JsonNode error, List<String> silent, JsonNode imported) {

        boolean clean() {
            return error.isNull() && silent.isEmpty();
        }

        /** "KeyError 'allow_csv_upload' in databases/gridgov_doris.yaml at database/.../utils.py import_database". */
        String errorLine() {
            return error.isNull()
                    ? "none"
                    : error.path("type").asText() + " " + error.path("message").asText() + " in "
                            + error.path("file").asText() + " at "
                            + error.path("step").asText();
        }
    }

    private ImportReplay() {}

    static List<Outcome> run(Path zip, Map<String, String> passwords) {
        try {
            Files.createDirectories(WORK);
            Path pw = Files.createTempFile(WORK, "passwords", ".json");
            Files.writeString(pw, new ObjectMapper().writeValueAsString(passwords), StandardCharsets.UTF_8);
            Python.Result r = Python.run(WORK.resolve("pycache"), SCRIPT.toString(), zip.toString(), pw.toString());
            if (r.exit() != 0) {
                throw new AssertionError("import_replay.py failed (exit " + r.exit() + "): " + r.err());
            }
            List<Outcome> out = new ArrayList<>();
            for (JsonNode p : new ObjectMapper().readTree(r.out()).path("profiles")) {
                List<String> silent = new ArrayList<>();
                p.path("silent").forEach(s -> silent.add(s.asText()));
                out.add(new Outcome(p.path("name").asText(), p.path("error"), silent, p.path("imported")));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Zips bundle texts (path → YAML) under one top-level folder, as Superset exports and the assembly do. */
    static Path zip(String name, Map<String, String> texts) {
        try {
            Files.createDirectories(WORK);
            Path zip = WORK.resolve(name + ".zip");
            try (OutputStream f = Files.newOutputStream(zip);
                    ZipOutputStream z = new ZipOutputStream(f)) {
                for (Map.Entry<String, String> e : texts.entrySet()) {
                    z.putNextEntry(new ZipEntry(name + "/" + e.getKey()));
                    z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                    z.closeEntry();
                }
            }
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
