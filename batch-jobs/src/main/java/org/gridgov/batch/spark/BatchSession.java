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

    private BatchSession() {
    }

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
        if (isLocal(conf.get("spark.master"))) {
            // 2 shared cores locally: the default 200 shuffle partitions would be 200 tiny tasks per stage.
            conf.setIfMissing("spark.sql.shuffle.partitions", "4");
            conf.setIfMissing("spark.ui.enabled", "false");
            // Same effect as SPARK_LOCAL_IP=127.0.0.1, without depending on the caller's environment or DNS.
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        return conf;
    }

    /** Returns the running session of this JVM if there is one, otherwise starts one from {@link #conf}. */
    public static SparkSession getOrCreate(GridgovConfig config, String appName) {
        return SparkSession.builder().config(conf(config, appName, new SparkConf())).getOrCreate();
    }

    static boolean isLocal(String master) {
        return master.equals("local") || master.startsWith("local[") || master.startsWith("local-cluster[");
    }
}
