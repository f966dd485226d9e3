package org.gridgov.streaming.alerts;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** The test MiniCluster's environment without restarts: a failing job fails the test instead of looping. */
final class TestEnv {

    private TestEnv() {}

    static StreamExecutionEnvironment create() {
        Configuration c = new Configuration();
        c.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        return StreamExecutionEnvironment.getExecutionEnvironment(c);
    }
}
