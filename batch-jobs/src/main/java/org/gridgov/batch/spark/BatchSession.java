package org.gridgov.batch.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.gridgov.common.config.GridgovConfig;
import org.gridgov.common.config.GridgovOptions;

/** The SparkSession of a batch job: spark-submit's settings win, the gridgov config fills in what is missing. */
public final class BatchSession {

    /**
     * DATETIME columns of the warehouse hold Beijing wall-clock time; the session zone is what Spark uses to turn
     * timestamps into those wall-clock values, so it is fixed regardless of the JVM's or cluster's default zone.
     */
    public static final String TIME_ZONE = "Asia/Shanghai";

    static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";

    private BatchSession() {}

    /**
     * Completes a SparkConf for a job. The master comes from the config only when none is set: spark-submit (and
     * Airflow's SparkSubmitOperator) pass {@code spark.master} as a system property, which {@code new SparkConf()}
     * reads, and that must not be overridden by the config's default {@code local[*]}.
     */
    public static SparkConf conf(GridgovConfig config, String appName, SparkConf base) {
        SparkConf conf = base.clone();
        if (!conf.contains("spark.master")) {
            conf.setMaster(config.get(GridgovOptions.SPARK_MASTER));
        }
        conf.setAppName(appName);
        conf.set("spark.sql.session.timeZone", TIME_ZONE);
        // the analytics plans are wide (a dozen risk factors); the default 25 fields make Spark warn on every plan
        conf.setIfMissing("spark.sql.debug.maxToStringFields", "200");
        int partitions = config.get(GridgovOptions.SPARK_SHUFFLE_PARTITIONS);
        if (partitions > 0) {
            conf.setIfMissing(SHUFFLE_PARTITIONS, String.valueOf(partitions));
        } else if (!isLocal(conf.get("spark.master")) && conf.contains("spark.cores.max")) {
            conf.setIfMissing(SHUFFLE_PARTITIONS, String.valueOf(2 * Math.max(1, conf.getInt("spark.cores.max", 1))));
        }
        if (isLocal(conf.get("spark.master"))) {
            // 2 shared cores locally: the default 200 shuffle partitions would be 200 tiny tasks per stage.
            conf.setIfMissing(SHUFFLE_PARTITIONS, "4");
            conf.setIfMissing("spark.ui.enabled", "false");
            // Same effect as SPARK_LOCAL_IP=127.0.0.1, without depending on the caller's environment or DNS.
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        return conf;
    }

    /**
     * Returns the running session of this JVM if there is one, otherwise starts one from {@link #conf}. On a cluster
     * without any partition count given, the session gets twice the cores its executors have when it starts (at least
     * 2 × 2): Spark's default of 200 is 200 tasks per shuffle whatever the data and the cluster.
     */
    public static SparkSession getOrCreate(GridgovConfig config, String appName) {
        SparkConf conf = conf(config, appName, new SparkConf());
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        if (!conf.contains(SHUFFLE_PARTITIONS)) {
            spark.conf()
                    .set(
                            SHUFFLE_PARTITIONS,
                            2 * Math.max(2, spark.sparkContext().defaultParallelism()));
        }
        return spark;
    }

    static boolean isLocal(String master) {
        return master.equals("local") || master.startsWith("local[") || master.startsWith("local-cluster[");
    }
}
