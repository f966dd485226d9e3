package org.gridgov.common.district;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the tab-separated reference files under {@code gridgov/}: '#' comments, one header row, then rows. */
public final class Tsv {

    private Tsv() {
    }

    public static List<Map<String, String>> read(String resource) {
        InputStream in = Tsv.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("reference file missing from the classpath: " + resource);
        }
        List<Map<String, String>> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String[] header = null;
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (header == null) {
                    header = cells;
                    continue;
                }
                if (cells.length != header.length) {
                    throw new IllegalStateException(resource + ":" + lineNo + " has " + cells.length
                            + " fields, header has " + header.length);
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], cells[i]);
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** The single column of a one-column file. */
    public static List<String> column(String resource) {
        return read(resource).stream().map(m -> m.values().iterator().next()).toList();
    }
}
