package org.gridgov.ingestion.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.gridgov.ingestion.datax.DataxJob;
import org.gridgov.ingestion.datax.JobParams;

/** The shipped DataX job files, read from the classpath ({@code datax/<name>.json}). */
public final class Jobs {

    public static final List<String> TXTFILE = List.of(
            "hotline_txtfile", "petition_txtfile_gbk", "arrears_tsv_gbk", "police_txtfile", "grid_txtfile_gzip");
    public static final List<String> MYSQL =
            List.of("hotline_mysql", "petition_mysql", "arrears_mysql", "police_mysql", "grid_mysql");

    private Jobs() {}

    public static List<String> all() {
        return java.util.stream.Stream.concat(TXTFILE.stream(), MYSQL.stream()).toList();
    }

    public static String text(String name) {
        try (InputStream in = Jobs.class.getResourceAsStream("/datax/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no job file datax/" + name + ".json");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DataxJob load(String name, Map<String, String> params) {
        return DataxJob.parse(name, text(name), JobParams.of(params));
    }

    public static DataxJob load(String name) {
        return load(name, Map.of());
    }
}
