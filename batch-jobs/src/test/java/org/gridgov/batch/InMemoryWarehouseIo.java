package org.gridgov.batch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gridgov.batch.warehouse.SparkSchemas;
import org.gridgov.batch.warehouse.WarehouseIo;
import org.gridgov.warehouse.Table;

/** A warehouse of in-memory tables: reads build DataFrames from given rows, upserts are collected per table. */
public final class InMemoryWarehouseIo implements WarehouseIo {

    private final Map<String, List<Row>> tables = new HashMap<>();
    private final Map<String, List<Row>> written = new HashMap<>();

    public InMemoryWarehouseIo with(Table table, List<Row> rows) {
        tables.put(table.name(), rows);
        return this;
    }

    @Override
    public Dataset<Row> read(SparkSession spark, Table table) {
        return spark.createDataFrame(tables.getOrDefault(table.name(), List.of()), SparkSchemas.of(table));
    }

    @Override
    public void upsert(Dataset<Row> rows, Table table) {
        written.computeIfAbsent(table.name(), k -> new ArrayList<>())
                .addAll(SparkSchemas.conform(rows, table).collectAsList());
    }

    public List<Row> written(Table table) {
        return written.getOrDefault(table.name(), List.of());
    }
}
