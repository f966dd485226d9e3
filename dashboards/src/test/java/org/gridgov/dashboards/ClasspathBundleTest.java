package org.gridgov.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The launcher reads the bundle from the classpath; it must be the same bundle as the sources and the zip. */
class ClasspathBundleTest {

    @Test
    void theClasspathBundleIsTheSourceBundle() {
        SupersetBundle cp = SupersetBundle.fromClasspath();
        SupersetBundle source = BundleFiles.real();
        assertThat(cp.paths()).isEqualTo(source.paths());
        assertThat(cp.source()).isEqualTo("classpath:gridgov/superset");
        for (String p : source.paths()) {
            assertThat(cp.file(p)).as(p).isEqualTo(source.file(p));
        }
    }

    @Test
    void aFolderInsideAJarIsListedToo() {
        // the DataX job files live in the gridgov-ingestion jar on this test classpath
        Map<String, String> jobs =
                ClasspathFolder.read(getClass().getClassLoader(), "datax", "hotline_mysql.json", ".json");
        assertThat(jobs).containsKeys("hotline_mysql.json", "police_txtfile.json");
        assertThat(jobs.get("hotline_mysql.json")).contains("doriswriter");
    }

    @Test
    void filesTheImporterIgnoresAreLeftOut() {
        SupersetBundle b = SupersetBundle.of(
                "t",
                Map.of(
                        "metadata.yaml",
                        "version: 1.0.0\n",
                        "charts/_draft.yaml",
                        "x: 1\n",
                        "charts/.hidden.yaml",
                        "x: 1\n"));
        assertThat(b.paths()).containsExactly("metadata.yaml");
    }
}
