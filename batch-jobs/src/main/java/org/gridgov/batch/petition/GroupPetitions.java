package org.gridgov.batch.petition;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;

/**
 * Recognises group petitions (集访). A group is registered either as one record with {@code group_size} ≥ the minimum,
 * or — the usual case in the ledgers — as one record per person: then at least {@code minPersons} distinct persons
 * petitioned about the same company within {@code windowHours} of each other. Petitions that name no company can only
 * be a group by their group_size.
 */
public final class GroupPetitions {

    private GroupPetitions() {}

    /**
     * Adds {@code in_group} (boolean): within ±{@code windowHours} of this petition, at least {@code minPersons}
     * distinct persons (this one included) petitioned about its company, or the record's group_size is at least
     * {@code minPersons}. Needs person_key, company_name, group_size, petition_time.
     */
    public static Dataset<Row> flag(Dataset<Row> petitions, int windowHours, int minPersons) {
        if (windowHours < 0 || minPersons < 2) {
            throw new IllegalArgumentException("window must be >= 0 hours and a group >= 2 persons");
        }
        long window = windowHours * 3600L;
        Column company = when(trim(col("company_name")).equalTo(""), lit(null)).otherwise(col("company_name"));
        Dataset<Row> base = petitions.withColumn("_company", company);
        // only petitions naming a company can form a group by company; windowing the rest (most petitions, one null
        // partition) would be all cost and no result
        WindowSpec around = Window.partitionBy("_company").orderBy("_epoch").rangeBetween(-window, window);
        Dataset<Row> named = base.filter(col("_company").isNotNull())
                .withColumn("_epoch", col("petition_time").cast(DataTypes.LongType))
                .withColumn("_persons", size(collect_set("person_key").over(around)))
                .drop("_epoch");
        Dataset<Row> unnamed = base.filter(col("_company").isNull()).withColumn("_persons", lit(0));
        return named.unionByName(unnamed)
                .withColumn(
                        "in_group",
                        col("group_size").geq(minPersons).or(col("_persons").geq(minPersons)))
                .drop("_company", "_persons");
    }
}
