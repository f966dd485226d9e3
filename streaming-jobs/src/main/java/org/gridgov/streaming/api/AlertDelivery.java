package org.gridgov.streaming.api;

/**
 * How the alert job delivers to the {@code alerts} topic ({@code alerts.kafka.delivery}). The job maps it onto
 * Flink's {@code DeliveryGuarantee}, which the api package cannot name (it loads no engine class).
 */
public enum AlertDelivery {
    /** Low latency; a restart may send an alert again, and consumers dedup by its id (the record key). */
    AT_LEAST_ONCE,
    /** Kafka transactions committed on checkpoints: alerts become visible to read_committed consumers then. */
    EXACTLY_ONCE
}
