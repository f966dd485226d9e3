package org.gridgov.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The zip operators import (target/gridgov-superset-bundle.zip, built in {@code package}, hence an IT: failsafe runs
 * after package). It holds every bundle file under one top-level folder, which Superset's importer strips.
 */
class BundleZipIT {

    private static final Path ZIP =
            Path.of(System.getProperty("gridgov.superset.zip", "target/gridgov-superset-bundle.zip"));

    @Test
    void theZipHoldsEveryBundleFileUnderOneTopLevelFolder() throws IOException {
        assertThat(ZIP).exists();
        Set<String> tops = new HashSet<>();
        Set<String> files = new HashSet<>();
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            for (ZipEntry e : zip.stream().toList()) {
                tops.add(e.getName().substring(0, e.getName().indexOf('/') + 1));
                if (!e.isDirectory()) {
                    files.add(e.getName().substring(e.getName().indexOf('/') + 1));
                }
            }
        }
        assertThat(tops).containsExactly("gridgov-superset-bundle/");
        assertThat(files).isEqualTo(BundleFiles.texts().keySet());
    }

    @Test
    void theZippedBundleIsTheSourceBundle() {
        SupersetBundle zipped = SupersetBundle.fromZip(ZIP);
        SupersetBundle source = BundleFiles.real();
        assertThat(zipped.paths()).isEqualTo(source.paths());
        for (String p : source.paths()) {
            assertThat(zipped.file(p)).as(p).isEqualTo(source.file(p));
        }
        assertThat(BundleStructureCheck.problems(zipped)).isEmpty();
        assertThat(Files.isRegularFile(ZIP)).isTrue();
    }

    /** The zip operators upload, replayed through Superset's import code path on every version profile. */
    @Test
    void theZipImportsCompletelyThroughSupersetsImportCode() {
        for (ImportReplay.Outcome o : ImportReplay.run(ZIP.toAbsolutePath(), ImportReplay.PASSWORDS)) {
            assertThat(o.clean())
                    .as(o.profile() + ": " + o.errorLine() + " " + o.silent())
                    .isTrue();
            assertThat(o.imported().path("charts").asInt()).as(o.profile()).isEqualTo(66);
            assertThat(o.imported().path("dashboard_charts").asInt())
                    .as(o.profile())
                    .isEqualTo(66);
        }
    }
}
