package org.gridgov.streaming.job;

import java.io.Serializable;
import java.util.Objects;
import org.gridgov.common.config.GridgovOptions;
import org.gridgov.common.config.SecretSource;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.warehouse.WarehouseSettings;

/**
 * Something an operator needs that holds a secret (the PII salt, the warehouse password), obtained where the operator
 * runs: operators keep a TaskSecret and call {@link #get} in {@code open()} / {@code createWriter}, so what the client
 * serialises into the job graph is where to read the secret ({@link SecretSource}), not its value. {@link #given}
 * wraps a value for tests that build operators by hand.
 */
@FunctionalInterface
public interface TaskSecret<T> extends Serializable {

    /** The value, read from its source on every call: call it once per task. */
    T get();

    /** A value as it is, for tests (it is serialised with the operator). */
    static <T extends Serializable> TaskSecret<T> given(T value) {
        return new Given<>(Objects.requireNonNull(value));
    }

    /** The person-key protector of the salt {@code pii.salt} where the task runs. */
    static TaskSecret<PiiProtector> pii(SecretSource source) {
        return new Pii(Objects.requireNonNull(source));
    }

    /** {@code settings} (their password dropped) with the password {@code warehouse.password} where the task runs. */
    static TaskSecret<WarehouseSettings> warehouse(WarehouseSettings settings, SecretSource source) {
        return new Warehouse(settings.withPassword(null), Objects.requireNonNull(source));
    }

    /** A value given by a test. */
    record Given<T extends Serializable>(T value) implements TaskSecret<T> {
        @Override
        public T get() {
            return value;
        }

        @Override
        public String toString() {
            return String.valueOf(value);
        }
    }

    /** The salt read on the TaskManager. */
    record Pii(SecretSource source) implements TaskSecret<PiiProtector> {
        @Override
        public PiiProtector get() {
            return new PiiProtector(source.require(GridgovOptions.PII_SALT));
        }
    }

    /** Connection settings whose password is read on the TaskManager (none when no source has one). */
    record Warehouse(WarehouseSettings withoutPassword, SecretSource source) implements TaskSecret<WarehouseSettings> {
        @Override
        public WarehouseSettings get() {
            return withoutPassword.withPassword(source.get(GridgovOptions.WAREHOUSE_PASSWORD));
        }

        @Override
        public String toString() {
            return withoutPassword + " (password from " + source + ")";
        }
    }
}
