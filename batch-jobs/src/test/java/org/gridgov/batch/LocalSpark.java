package org.gridgov.batch;

import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.gridgov.batch.spark.BatchSession;
import org.gridgov.common.config.GridgovConfig;

/** The SparkSession of an integration test class: local[2] with the same settings a job gets. */
public final class LocalSpark {

    private LocalSpark() {}

    /** Starts (or joins) local[2]; the caller stops it in its @AfterAll. */
    public static SparkSession start() {
        long t0 = System.nanoTime();
        SparkSession spark =
                BatchSession.getOrCreate(GridgovConfig.of(Map.of("spark.master", "local[2]")), "gridgov-batch-test");
        System.out.printf("SparkSession local[2] ready in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        return spark;
    }
}
