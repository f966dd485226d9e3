package org.gridgov.common.config;

import java.util.Objects;
import java.util.function.Function;

/** A typed configuration key with its default and a description shown by {@code gridgov config}. */
public record ConfigOption<T>(String key, Class<T> type, T defaultValue, String description, boolean secret,
                              Function<String, T> parser) {

    public ConfigOption {
        Objects.requireNonNull(key);
        Objects.requireNonNull(description);
    }

    public static ConfigOption<String> string(String key, String def, String description) {
        return new ConfigOption<>(key, String.class, def, description, false, s -> s);
    }

    public static ConfigOption<String> secret(String key, String description) {
        return new ConfigOption<>(key, String.class, null, description, true, s -> s);
    }

    public static ConfigOption<Integer> integer(String key, int def, String description) {
        return new ConfigOption<>(key, Integer.class, def, description, false, Integer::valueOf);
    }

    public static ConfigOption<Long> longValue(String key, long def, String description) {
        return new ConfigOption<>(key, Long.class, def, description, false, Long::valueOf);
    }

    public static ConfigOption<Boolean> bool(String key, boolean def, String description) {
        return new ConfigOption<>(key, Boolean.class, def, description, false, ConfigOption::strictBoolean);
    }

    /** true or false only: a typo such as "ture" must fail, not silently mean false. */
    static Boolean strictBoolean(String s) {
        if (s.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (s.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("expected true or false, got '" + s + "'");
    }

    /** Environment variable that overrides this key: GRIDGOV_ + upper case, dots and dashes as underscores. */
    public String envName() {
        return envName(key);
    }

    static String envName(String key) {
        return "GRIDGOV_" + key.toUpperCase().replace('.', '_').replace('-', '_');
    }
}
