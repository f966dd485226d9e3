package org.gridgov.batch.spark;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.gridgov.common.district.District;
import org.gridgov.common.district.Grid;

/** Column expressions shared by the analytics jobs. */
public final class SparkColumns {

    private static final DataType EXACT = DataTypes.createDecimalType(20, 0);

    private SparkColumns() {}

    /**
     * The street of a point of the district (JTS point-in-polygon over {@code District.licheng()}, loaded once per
     * executor JVM); null outside every grid. Sources without a DWD table (petitions, arrears) only carry coordinates.
     */
    public static final UserDefinedFunction STREET_OF = udf(
                    (UDF2<Double, Double, String>) (lat, lon) -> {
                        if (lat == null || lon == null) {
                            return null;
                        }
                        return District.licheng()
                                .locate(lat, lon)
                                .map(Grid::streetCode)
                                .orElse(null);
                    },
                    DataTypes.StringType)
            .withName("street_of");

    /** yyyy-MM → year × 12 + month − 1, so that month arithmetic is integer arithmetic. */
    public static Column monthIndex(Column month) {
        return substring(month, 1, 4)
                .cast(DataTypes.IntegerType)
                .multiply(12)
                .plus(substring(month, 6, 2).cast(DataTypes.IntegerType))
                .minus(1);
    }

    /** Seconds since the epoch of a district wall-clock time (the session zone, {@link BatchSession#TIME_ZONE}). */
    public static long epochSecond(LocalDateTime t) {
        return t.atZone(ZoneId.of(BatchSession.TIME_ZONE)).toEpochSecond();
    }

    /** A timestamp column as whole seconds since the epoch. */
    public static Column seconds(Column timestamp) {
        return timestamp.cast(DataTypes.LongType);
    }

    /**
     * {@code timestamp < t}, compared as epoch seconds. Not {@code timestamp.lt(lit(...))}: Spark pushes a timestamp
     * comparison on a JDBC column into the SQL with the literal formatted in the JVM's default zone, so in a JVM that
     * does not run in Beijing time (the launcher's child JVM, a cluster) the warehouse would compare its Beijing
     * wall-clock DATETIMEs with a UTC string. A cast is not pushed down; jobs push DATE partition filters instead.
     */
    public static Column before(Column timestamp, LocalDateTime t) {
        return seconds(timestamp).lt(epochSecond(t));
    }

    /** {@code timestamp >= t}, compared as epoch seconds (see {@link #before}). */
    public static Column atOrAfter(Column timestamp, LocalDateTime t) {
        return seconds(timestamp).geq(epochSecond(t));
    }

    /** n / d as an exact decimal, 0 when d is 0; the caller's cast to DECIMAL(p,4) rounds half up. */
    public static Column ratio(Column n, Column d) {
        return when(d.gt(0), n.cast(EXACT).divide(d.cast(EXACT))).otherwise(lit(BigDecimal.ZERO));
    }

    /** (now − before) / before, null when there is no base (before null or 0). */
    public static Column growth(Column now, Column before) {
        return when(
                before.isNotNull().and(before.gt(0)),
                now.cast(EXACT).minus(before.cast(EXACT)).divide(before.cast(EXACT)));
    }

    /** O · ln(O / E), with 0 · ln 0 = 0: one cell of a log-likelihood G² sum. */
    public static Column oLnOverE(Column observed, Column expected) {
        return when(observed.gt(0), observed.multiply(log(observed.divide(expected))))
                .otherwise(lit(0.0));
    }

    /**
     * Dunning's log-likelihood G² of a 2×2 table: {@code a} of {@code c} texts this period contain the word,
     * {@code b} of {@code d} texts of the reference period. Large when the shares differ beyond chance; same as
     * {@link org.gridgov.batch.hotwords.Keyness#logLikelihood}.
     */
    public static Column logLikelihood(Column a, Column c, Column b, Column d) {
        Column n = c.plus(d);
        Column withWord = a.plus(b);
        Column without = n.minus(withWord);
        Column e11 = withWord.multiply(c).divide(n);
        Column e12 = withWord.multiply(d).divide(n);
        Column e21 = without.multiply(c).divide(n);
        Column e22 = without.multiply(d).divide(n);
        return lit(2.0).multiply(oLnOverE(a, e11)
                .plus(oLnOverE(b, e12))
                .plus(oLnOverE(c.minus(a), e21))
                .plus(oLnOverE(d.minus(b), e22)));
    }
}
