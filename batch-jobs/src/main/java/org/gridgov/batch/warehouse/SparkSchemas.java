package org.gridgov.batch.warehouse;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.gridgov.warehouse.ColumnType;
import org.gridgov.warehouse.Table;

/** Spark types of the warehouse catalogue, so job output is shaped by the same definition as the DDL. */
public final class SparkSchemas {

    private SparkSchemas() {}

    public static DataType type(ColumnType type) {
        return switch (type.kind()) {
            case VARCHAR, TEXT -> DataTypes.StringType;
            case TINYINT -> DataTypes.ByteType;
            case INT -> DataTypes.IntegerType;
            case BIGINT -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
            case DECIMAL -> DataTypes.createDecimalType(type.precision(), type.scale());
            case DATE -> DataTypes.DateType;
            // Wall-clock DATETIME read and written in the session time zone (see BatchSession.TIME_ZONE).
            case DATETIME -> DataTypes.TimestampType;
        };
    }

    /** The table as a Spark schema: columns in catalogue order with the catalogue's types and nullability. */
    public static StructType of(Table table) {
        List<StructField> fields = table.columns().stream()
                .map(c -> DataTypes.createStructField(c.name(), type(c.type()), c.nullable()))
                .toList();
        return DataTypes.createStructType(fields);
    }

    /**
     * Selects exactly the table's columns, in catalogue order, cast to the catalogue's types. Fails on a missing or
     * an extra column: a job that forgets or misnames a column should fail here, not write NULL or drop data.
     */
    public static Dataset<Row> conform(Dataset<Row> rows, Table table) {
        List<String> expected = table.columnNames();
        List<String> actual = List.of(rows.columns());
        if (actual.size() != expected.size() || !actual.containsAll(expected)) {
            throw new IllegalArgumentException(
                    table.name() + " has columns " + expected + " but the rows have " + actual);
        }
        Column[] cols = table.columns().stream()
                .map(c -> functions.col(c.name()).cast(type(c.type())).as(c.name()))
                .toArray(Column[]::new);
        return rows.select(cols);
    }
}
