package org.gridgov.streaming.alerts;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.gridgov.streaming.alerts.input.InputEvent;
import org.gridgov.streaming.alerts.person.KeyPersonUpdate;

/**
 * Where the alert graph's inputs come from: decoded, timestamped events with watermarks, and the key-person registry
 * (whose stream must not hold the watermark back, see {@code InputWatermarks.neverHoldsBack}). Kafka in production
 * ({@link KafkaAlertInputs}); collections and generators in tests and the benchmark.
 */
public interface AlertInputs {

    DataStream<InputEvent> events(StreamExecutionEnvironment env);

    DataStream<KeyPersonUpdate> registry(StreamExecutionEnvironment env);
}
