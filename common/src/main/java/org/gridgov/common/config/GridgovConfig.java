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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Resolved configuration. Precedence, highest first: {@code --key=value} arguments, {@code GRIDGOV_*} environment
 * variables, a properties file ({@code --config=path}), then each option's default. Unknown keys are an error so a
 * typo does not silently fall back to a default.
 */
public final class GridgovConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, String> values;
    /** Keys this configuration accepts (the platform's plus the reading module's) and which of them are secret. */
    private final Map<String, Boolean> secretByKey;
    /** Keys whose value came as a {@code --key=value} argument (the command line is visible to every local user). */
    private final Set<String> argumentKeys;

    private GridgovConfig(Map<String, String> values, List<ConfigOption<?>> known, Set<String> argumentKeys) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        Map<String, Boolean> keys = new LinkedHashMap<>();
        known.forEach(o -> keys.put(o.key(), o.secret()));
        this.secretByKey = Collections.unmodifiableMap(keys);
        this.argumentKeys = Collections.unmodifiableSet(new LinkedHashSet<>(argumentKeys));
    }

    public static GridgovConfig of(Map<String, String> values) {
        return of(values, List.of());
    }

    /** A configuration that also accepts a module's own options (e.g. an ingestion job's). */
    public static GridgovConfig of(Map<String, String> values, List<ConfigOption<?>> moduleOptions) {
        List<ConfigOption<?>> known = knownWith(moduleOptions);
        values.keySet().forEach(k -> option(known, k));
        return new GridgovConfig(values, known, Set.of());
    }

    /** Resolves from command-line arguments and the process environment. */
    public static GridgovConfig fromArgs(String[] args) {
        return fromArgs(args, List.of());
    }

    /** Like {@link #fromArgs(String[])}, also accepting the module's own options. */
    public static GridgovConfig fromArgs(String[] args, List<ConfigOption<?>> moduleOptions) {
        return fromArgs(args, System.getenv(), moduleOptions);
    }

    static GridgovConfig fromArgs(String[] args, Map<String, String> env) {
        return fromArgs(args, env, List.of());
    }

    static GridgovConfig fromArgs(String[] args, Map<String, String> env, List<ConfigOption<?>> moduleOptions) {
        List<ConfigOption<?>> known = knownWith(moduleOptions);
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
        for (ConfigOption<?> o : known) {
            String e = env.get(o.envName());
            if (e != null) {
                merged.put(o.key(), e);
            }
        }
        merged.putAll(cli);
        merged.keySet().forEach(k -> option(known, k));
        return new GridgovConfig(merged, known, cli.keySet());
    }

    private GridgovConfig(Map<String, String> values, Map<String, Boolean> secretByKey, Set<String> argumentKeys) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.secretByKey = Collections.unmodifiableMap(new LinkedHashMap<>(secretByKey));
        this.argumentKeys = argumentKeys;
    }

    private boolean isSecret(String key) {
        Boolean secret = secretByKey.get(key);
        if (secret == null) {
            throw new IllegalArgumentException("unknown config key '" + key + "'");
        }
        return secret;
    }

    private static List<ConfigOption<?>> knownWith(List<ConfigOption<?>> moduleOptions) {
        List<ConfigOption<?>> known = new java.util.ArrayList<>(GridgovOptions.ALL);
        for (ConfigOption<?> o : moduleOptions) {
            if (known.stream().anyMatch(k -> k.key().equals(o.key()))) {
                throw new IllegalArgumentException("config key " + o.key() + " is defined twice");
            }
            known.add(o);
        }
        return known;
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

    private static ConfigOption<?> option(List<ConfigOption<?>> known, String key) {
        return known.stream().filter(o -> o.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown config key '" + key + "'; known: "
                        + known.stream().map(ConfigOption::key).toList()));
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
        Map<String, Boolean> keys = new LinkedHashMap<>(secretByKey);
        keys.putIfAbsent(option.key(), option.secret());
        return new GridgovConfig(m, keys, argumentKeys);
    }

    /**
     * Fails when one of {@code options} was given as a {@code --key=value} argument rather than in the environment
     * (or the file): for secrets that must not appear in process listings or, for a Flink job, in the job graph that
     * main's arguments end up in. Returns this configuration, so a main reads
     * {@code GridgovConfig.fromArgs(args, options).refuseAsArguments(SECRET_A, SECRET_B)}.
     */
    public GridgovConfig refuseAsArguments(ConfigOption<?>... options) {
        for (ConfigOption<?> o : options) {
            if (argumentKeys.contains(o.key())) {
                throw new IllegalArgumentException(o.key() + " is a secret: set " + o.envName()
                        + " in the environment instead of passing it as an argument");
            }
        }
        return this;
    }

    /** Non-secret values as --key=value arguments, to pass to a child process (secrets go by environment). */
    public List<String> toArgs() {
        return values.entrySet().stream()
                .filter(e -> !isSecret(e.getKey()))
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toList();
    }

    /** Secret values as environment variables for a child process. */
    public Map<String, String> secretsAsEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (isSecret(k)) {
                env.put(ConfigOption.envName(k), v);
            }
        });
        return env;
    }
}
