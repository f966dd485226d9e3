package org.gridgov.common.config;

import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Resolved configuration. Precedence, highest first: {@code --key=value} arguments, {@code GRIDGOV_*} environment
 * variables, a properties file ({@code --config=path}), then each option's default. Unknown keys are an error so a
 * typo does not silently fall back to a default.
 */
public final class GridgovConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, String> values;

    private GridgovConfig(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static GridgovConfig of(Map<String, String> values) {
        values.keySet().forEach(GridgovConfig::option);
        return new GridgovConfig(values);
    }

    /** Resolves from command-line arguments and the process environment. */
    public static GridgovConfig fromArgs(String[] args) {
        return fromArgs(args, System.getenv());
    }

    static GridgovConfig fromArgs(String[] args, Map<String, String> env) {
        Map<String, String> cli = new LinkedHashMap<>();
        String file = null;
        for (String a : args) {
            if (!a.startsWith("--") || !a.contains("=")) {
                throw new IllegalArgumentException("expected --key=value, got " + a);
            }
            String k = a.substring(2, a.indexOf('='));
            String v = a.substring(a.indexOf('=') + 1);
            if (k.equals("config")) {
                file = v;
            } else {
                cli.put(k, v);
            }
        }
        Map<String, String> merged = new LinkedHashMap<>();
        if (file != null) {
            merged.putAll(readFile(Path.of(file)));
        }
        for (ConfigOption<?> o : GridgovOptions.ALL) {
            String e = env.get(o.envName());
            if (e != null) {
                merged.put(o.key(), e);
            }
        }
        merged.putAll(cli);
        return of(merged);
    }

    private static Map<String, String> readFile(Path path) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read config " + path, e);
        }
        Map<String, String> m = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return m;
    }

    private static ConfigOption<?> option(String key) {
        return GridgovOptions.ALL.stream().filter(o -> o.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown config key '" + key + "'; known: "
                        + GridgovOptions.ALL.stream().map(ConfigOption::key).toList()));
    }

    public <T> T get(ConfigOption<T> option) {
        String raw = values.get(option.key());
        if (raw == null) {
            return option.defaultValue();
        }
        try {
            return option.parser().apply(raw.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(option.key() + ": cannot read '" + raw + "' as "
                    + option.type().getSimpleName(), e);
        }
    }

    /** The value of an option that has no usable default, e.g. a secret; fails naming the env var to set. */
    public <T> T require(ConfigOption<T> option) {
        T v = get(option);
        if (v == null || (v instanceof String s && s.isBlank())) {
            throw new IllegalStateException(option.key() + " is not set: " + option.description()
                    + " (env " + option.envName() + ")");
        }
        return v;
    }

    public GridgovConfig with(ConfigOption<?> option, Object value) {
        Map<String, String> m = new LinkedHashMap<>(values);
        m.put(option.key(), String.valueOf(value));
        return new GridgovConfig(m);
    }

    /** Non-secret values as --key=value arguments, to pass to a child process (secrets go by environment). */
    public List<String> toArgs() {
        return values.entrySet().stream()
                .filter(e -> !option(e.getKey()).secret())
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toList();
    }

    /** Secret values as environment variables for a child process. */
    public Map<String, String> secretsAsEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            ConfigOption<?> o = option(k);
            if (o.secret()) {
                env.put(o.envName(), v);
            }
        });
        return env;
    }
}
