package org.gridgov.common.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoriesTest {

    @TempDir
    Path tmp;

    private Path tree() throws Exception {
        Path root = tmp.resolve("run");
        Files.createDirectories(root.resolve("a/b"));
        Files.writeString(root.resolve("a/b/c.txt"), "x");
        Files.writeString(root.resolve("d.txt"), "y");
        return root;
    }

    @Test
    void deleteQuietlyRemovesTheWholeTreeAndIgnoresWhatIsNotThere() throws Exception {
        Path root = tree();
        Directories.deleteQuietly(root);
        assertThat(root).doesNotExist();
        Directories.deleteQuietly(root);
        Directories.deleteQuietly(null);
    }

    @Test
    void recreateLeavesAnEmptyDirectory() throws Exception {
        Path root = tree();
        Directories.recreate(root);
        assertThat(root).isEmptyDirectory();
        Path fresh = tmp.resolve("fresh/nested");
        Directories.recreate(fresh);
        assertThat(fresh).isEmptyDirectory();
    }
}
