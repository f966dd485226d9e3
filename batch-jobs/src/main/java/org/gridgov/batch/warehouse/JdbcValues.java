package org.gridgov.batch.warehouse;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Converts values of Spark rows to what the JDBC driver binds without applying the JVM's time zone. */
final class JdbcValues {

    private JdbcValues() {}

    /**
     * Spark hands out timestamps as instants (java.sql.Timestamp, or Instant with the Java 8 API on); the warehouse
     * stores DATETIME as wall-clock time, so they become LocalDateTime in the session zone. Binding a Timestamp
     * directly would let the driver convert with the JVM default zone, which differs between launcher, executors and
     * a cluster. Dates are already zone-free; everything else binds as is.
     */
    static Object toJdbc(Object value, ZoneId sessionZone) {
        if (value instanceof Timestamp t) {
            return LocalDateTime.ofInstant(t.toInstant(), sessionZone);
        }
        if (value instanceof Instant i) {
            return LocalDateTime.ofInstant(i, sessionZone);
        }
        if (value instanceof Date d) {
            return d.toLocalDate();
        }
        return value;
    }
}
