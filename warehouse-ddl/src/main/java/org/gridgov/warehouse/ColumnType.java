package org.gridgov.warehouse;

/**
 * A column type in the vocabulary both dialects understand. Lengths of VARCHAR are in characters here;
 * the Doris renderer converts them to bytes (Doris counts UTF-8 bytes, a Chinese character takes three).
 */
public record ColumnType(Kind kind, int length, int precision, int scale) {

    public enum Kind {
        VARCHAR,
        TEXT,
        TINYINT,
        INT,
        BIGINT,
        DOUBLE,
        DECIMAL,
        DATE,
        DATETIME
    }

    public static ColumnType varchar(int chars) {
        return new ColumnType(Kind.VARCHAR, chars, 0, 0);
    }

    public static ColumnType text() {
        return new ColumnType(Kind.TEXT, 0, 0, 0);
    }

    public static ColumnType tinyint() {
        return new ColumnType(Kind.TINYINT, 0, 0, 0);
    }

    public static ColumnType integer() {
        return new ColumnType(Kind.INT, 0, 0, 0);
    }

    public static ColumnType bigint() {
        return new ColumnType(Kind.BIGINT, 0, 0, 0);
    }

    public static ColumnType doubleType() {
        return new ColumnType(Kind.DOUBLE, 0, 0, 0);
    }

    public static ColumnType decimal(int precision, int scale) {
        return new ColumnType(Kind.DECIMAL, 0, precision, scale);
    }

    public static ColumnType date() {
        return new ColumnType(Kind.DATE, 0, 0, 0);
    }

    public static ColumnType datetime() {
        return new ColumnType(Kind.DATETIME, 0, 0, 0);
    }
}
