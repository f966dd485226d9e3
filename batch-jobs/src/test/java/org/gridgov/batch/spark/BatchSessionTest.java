package org.gridgov.batch.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.gridgov.common.config.GridgovConfig;
import org.junit.jupiter.api.Test;

/** SparkConf is a plain object: these build configurations only, no SparkContext. */
class BatchSessionTest {

    private static final GridgovConfig LOCAL2 = GridgovConfig.of(Map.of("spark.master", "local[2]"));

    @Test
    void masterFromConfigWhenNoneIsSet() {
        SparkConf conf = BatchSession.conf(LOCAL2, "app", new SparkConf(false));
        assertThat(conf.get("spark.master")).isEqualTo("local[2]");
        assertThat(conf.get("spark.app.name")).isEqualTo("app");
        assertThat(conf.get("spark.sql.session.timeZone")).isEqualTo("Asia/Shanghai");
    }

    @Test
    void masterSetBySparkSubmitWinsOverTheConfig() {
        SparkConf submitted = new SparkConf(false).setMaster("yarn").set("spark.sql.shuffle.partitions", "64");
        SparkConf conf = BatchSession.conf(LOCAL2, "app", submitted);
        assertThat(conf.get("spark.master")).isEqualTo("yarn");
        // cluster runs keep Spark's own defaults for local-only settings
        assertThat(conf.get("spark.sql.shuffle.partitions")).isEqualTo("64");
        assertThat(conf.contains("spark.ui.enabled")).isFalse();
        assertThat(conf.contains("spark.driver.host")).isFalse();
        // the base is not modified
        assertThat(submitted.contains("spark.app.name")).isFalse();
    }

    @Test
    void localRunsAreKeptLightButExplicitSettingsWin() {
        SparkConf conf = BatchSession.conf(LOCAL2, "app", new SparkConf(false));
        assertThat(conf.get("spark.sql.shuffle.partitions")).isEqualTo("4");
        assertThat(conf.get("spark.ui.enabled")).isEqualTo("false");
        assertThat(conf.get("spark.driver.host")).isEqualTo("127.0.0.1");
        assertThat(conf.get("spark.driver.bindAddress")).isEqualTo("127.0.0.1");

        SparkConf withUi = BatchSession.conf(LOCAL2, "app", new SparkConf(false).set("spark.ui.enabled", "true"));
        assertThat(withUi.get("spark.ui.enabled")).isEqualTo("true");
    }

    @Test
    void onAClusterTheShufflePartitionsAreTwiceTheApplicationsCoresUnlessGiven() {
        GridgovConfig none = GridgovConfig.of(Map.of());
        SparkConf capped = new SparkConf(false).setMaster("spark://master:7077").set("spark.cores.max", "6");
        assertThat(BatchSession.conf(none, "app", capped).get("spark.sql.shuffle.partitions"))
                .isEqualTo("12");

        // the option wins over the derived count, spark-submit's --conf over both
        GridgovConfig eight = GridgovConfig.of(Map.of("spark.shuffle-partitions", "8"));
        assertThat(BatchSession.conf(eight, "app", capped).get("spark.sql.shuffle.partitions"))
                .isEqualTo("8");
        assertThat(BatchSession.conf(eight, "app", capped.clone().set("spark.sql.shuffle.partitions", "64"))
                        .get("spark.sql.shuffle.partitions"))
                .isEqualTo("64");
        assertThat(BatchSession.conf(eight, "app", new SparkConf(false)).get("spark.sql.shuffle.partitions"))
                .as("a local master takes the option too")
                .isEqualTo("8");

        // without spark.cores.max the count is left to getOrCreate, which asks the started session for its cores
        SparkConf uncapped = new SparkConf(false).setMaster("yarn");
        assertThat(BatchSession.conf(none, "app", uncapped).contains("spark.sql.shuffle.partitions"))
                .isFalse();
    }

    @Test
    void defaultMasterIsAllLocalCores() {
        SparkConf conf = BatchSession.conf(GridgovConfig.of(Map.of()), "app", new SparkConf(false));
        assertThat(conf.get("spark.master")).isEqualTo("local[*]");
    }

    @Test
    void recognisesLocalMasters() {
        assertThat(BatchSession.isLocal("local")).isTrue();
        assertThat(BatchSession.isLocal("local[*]")).isTrue();
        assertThat(BatchSession.isLocal("local[2,3]")).isTrue();
        assertThat(BatchSession.isLocal("spark://host:7077")).isFalse();
        assertThat(BatchSession.isLocal("yarn")).isFalse();
    }
}
