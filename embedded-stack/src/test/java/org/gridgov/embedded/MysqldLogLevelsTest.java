package org.gridgov.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import ch.vorburger.exec.OutputStreamType;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class MysqldLogLevelsTest {

    private final MysqldLogLevels levels = new MysqldLogLevels();

    @Test
    void abortedConnectionsAtExitAreNotErrors() {
        assertThat(
                        levels.dispatch(
                                OutputStreamType.STDERR,
                                "2026-12-04 12:00:01 5 [Warning] Aborted connection 5 to "
                                        + "db: 'gridgov' user: 'root' host: 'localhost' (Got an error reading communication packets)"))
                .isEqualTo(Level.DEBUG);
    }

    @Test
    void errorsStayErrorsAndOtherWarningsWarn() {
        assertThat(levels.dispatch(OutputStreamType.STDERR, "2026-12-04 12:00:01 0 [ERROR] InnoDB: Cannot allocate"))
                .isEqualTo(Level.ERROR);
        assertThat(levels.dispatch(OutputStreamType.STDERR, "2026-12-04 12:00:01 0 [Warning] 'user' entry ignored"))
                .isEqualTo(Level.WARN);
        assertThat(levels.dispatch(OutputStreamType.STDERR, "2026-12-04 12:00:01 0 [Note] Starting MariaDB"))
                .isEqualTo(Level.DEBUG);
        assertThat(levels.dispatch(OutputStreamType.STDOUT, "Installing MariaDB/MySQL system tables"))
                .isEqualTo(Level.DEBUG);
    }
}
