package org.gridgov.streaming.odsloader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.gridgov.common.config.ConfigOption;
import org.gridgov.common.config.GridgovConfig;
import org.gridgov.streaming.api.StreamingJob;
import org.gridgov.warehouse.SqlDialect;
import org.junit.jupiter.api.Test;

class OdsLoaderJobTest {

    private static final List<ConfigOption<?>> OPTIONS = StreamingJob.ODS_LOADER.options();

    private static Map<String, String> launcherArgs() {
        Map<String, String> m = new HashMap<>();
        m.put("kafka.bootstrap-servers", "127.0.0.1:9092");
        m.put("warehouse.jdbc-url", "jdbc:mysql://127.0.0.1:3306/gridgov");
        m.put("warehouse.dialect", "mysql");
        m.put("warehouse.user", "root");
        m.put("loader.bounded", "true");
        m.put("loader.parallelism", "2");
        m.put("pii.salt", TestRecords.SALT);
        m.put("warehouse.password", "");
        return m;
    }

    @Test
    void settingsFollowTheLauncherContract() {
        OdsLoaderJob.Settings s = OdsLoaderJob.Settings.read(GridgovConfig.of(launcherArgs(), OPTIONS));

        assertThat(s.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(s.bounded()).isTrue();
        assertThat(s.parallelism()).isEqualTo(2);
        assertThat(s.groupId()).isEqualTo("gridgov-ods-loader");
        assertThat(s.warehouse().dialect()).isEqualTo(SqlDialect.MYSQL);
        assertThat(s.warehouse().password()).as("empty means none").isNull();
        assertThat(s.batchSize()).isEqualTo(500);
        assertThat(s.checkpointMs()).isEqualTo(10_000L);
    }

    @Test
    void missingSaltIsRefusedNamingTheEnvironmentVariable() {
        Map<String, String> args = launcherArgs();
        args.remove("pii.salt");
        assertThatThrownBy(() -> OdsLoaderJob.Settings.read(GridgovConfig.of(args, OPTIONS)))
                .hasMessageContaining("GRIDGOV_PII_SALT");
    }

    @Test
    void unknownDialectAndNonsenseNumbersAreRefused() {
        Map<String, String> dialect = launcherArgs();
        dialect.put("warehouse.dialect", "oracle");
        assertThatThrownBy(() -> OdsLoaderJob.Settings.read(GridgovConfig.of(dialect, OPTIONS)))
                .hasMessageContaining("doris or mysql");
        Map<String, String> parallelism = launcherArgs();
        parallelism.put("loader.parallelism", "0");
        assertThatThrownBy(() -> OdsLoaderJob.Settings.read(GridgovConfig.of(parallelism, OPTIONS)))
                .hasMessageContaining("loader.parallelism");
    }

    @Test
    void configureTurnsOnCheckpointsAndTurnsOffGenericTypes() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment();
        OdsLoaderJob.configure(env, 1_000, 3);
        assertThat(env.getCheckpointConfig().isCheckpointingEnabled()).isTrue();
        assertThat(env.getCheckpointInterval()).isEqualTo(1_000);
        assertThat(env.getParallelism()).isEqualTo(3);
        assertThat(env.getConfig().getSerializerConfig().hasGenericTypesDisabled())
                .isTrue();
    }

    @Test
    void loaderReadsExactlyTheFiveRawTopics() {
        assertThat(OdsLoaderJob.rawTopics())
                .containsExactly("raw.hotline", "raw.petition", "raw.arrears", "raw.police", "raw.grid");
    }
}
