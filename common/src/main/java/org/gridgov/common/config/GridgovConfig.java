package org.gridgov.common.config;

import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolved configuration, the platform's one {@code --key=value} parser. Precedence, highest first: {@code --key=value}
 * arguments, {@code GRIDGOV_*} environment variables, a properties file ({@code --config=path}), then each option's
 * default. Unknown keys are an error so a typo does not silently fall back to a default; a deprecated key is read as
 * its option's and logged once; keys under a declared {@link ConfigOption#namespace namespace} (e.g.
 * {@code param.}) are free-form and read with {@link #withPrefix}.
 */
public final class GridgovConfig implements Serializable {

    private static final long serialVersionUID = 2L;
    private static final System.Logger LOG = System.getLogger(GridgovConfig.class.getName());
    /** Deprecated keys already logged in this JVM: once each, however many configurations read them. */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    /** Values by their option's key (never a deprecated one), plus the free-form keys of namespaces. */
    private final Map<String, String> values;
    /** Keys this configuration accepts (the platform's plus the reading module's) and which of them are secret. */
    private final Map<String, Boolean> secretByKey;
    /** Prefixes (ending with a dot) under which any key is accepted. */
    private final Set<String> namespaces;
    /** Keys whose value came as a {@code --key=value} argument (the command line is visible to every local user). */
    private final Set<String> argumentKeys;
    /** Deprecated keys the values were read under. */
    private final Set<String> deprecatedKeysUsed;

    private GridgovConfig(
            Map<String, String> values,
            Map<String, Boolean> secretByKey,
            Set<String> namespaces,
            Set<String> argumentKeys,
            Set<String> deprecatedKeysUsed) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.secretByKey = Collections.unmodifiableMap(new LinkedHashMap<>(secretByKey));
        this.namespaces = Collections.unmodifiableSet(new LinkedHashSet<>(namespaces));
        this.argumentKeys = Collections.unmodifiableSet(new LinkedHashSet<>(argumentKeys));
        this.deprecatedKeysUsed = Collections.unmodifiableSet(new LinkedHashSet<>(deprecatedKeysUsed));
    }

    private GridgovConfig(Map<String, String> values, Known known, Set<String> argumentKeys, Set<String> used) {
        this(values, known.secretByKey(), known.namespaces(), argumentKeys, used);
    }

    public static GridgovConfig of(Map<String, String> values) {
        return of(values, List.of());
    }

    /** A configuration that also accepts a module's own options (e.g. an ingestion job's). */
    public static GridgovConfig of(Map<String, String> values, List<ConfigOption<?>> moduleOptions) {
        Known known = new Known(moduleOptions);
        Set<String> used = new LinkedHashSet<>();
        return new GridgovConfig(known.canonical(values, used), known, Set.of(), used);
    }

    /** Resolves from command-line arguments and the process environment. */
    public static GridgovConfig fromArgs(String[] args) {
        return fromArgs(args, List.of());
    }

    /**
     * Like {@link #fromArgs(String[])}, also accepting the module's own options. {@code moduleOptions} may repeat
     * platform options (an entry point's list names every option it reads); a different option under a key already
     * taken is an error.
     */
    public static GridgovConfig fromArgs(String[] args, List<ConfigOption<?>> moduleOptions) {
        return fromArgs(args, System.getenv(), moduleOptions);
    }

    static GridgovConfig fromArgs(String[] args, Map<String, String> env) {
        return fromArgs(args, env, List.of());
    }

    static GridgovConfig fromArgs(String[] args, Map<String, String> env, List<ConfigOption<?>> moduleOptions) {
        Known known = new Known(moduleOptions);
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
        Set<String> used = new LinkedHashSet<>();
        Map<String, String> merged = new LinkedHashMap<>();
        if (file != null) {
            merged.putAll(known.canonical(readFile(Path.of(file)), used));
        }
        merged.putAll(known.fromEnvironment(env, used));
        Map<String, String> arguments = known.canonical(cli, used);
        merged.putAll(arguments);
        return new GridgovConfig(merged, known, arguments.keySet(), used);
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

    /**
     * The option's value, or its default when unset; an option without a default reads a blank value as unset
     * (null), so {@code GRIDGOV_WAREHOUSE_PASSWORD=""} means no password. Fails naming the key when the value cannot
     * be read or breaks the option's rules, and when this configuration was not built with the option: a main reads
     * only what its entry point declares, so {@code gridgov config} can say who reads which key.
     */
    public <T> T get(ConfigOption<T> option) {
        if (!secretByKey.containsKey(option.key())) {
            throw new IllegalStateException(option.key() + " is not among the options this configuration was built "
                    + "with; add it to the reading main's entry point (or module options)");
        }
        String raw = values.get(option.key());
        if (raw == null || (raw.isBlank() && option.defaultValue() == null)) {
            return option.defaultValue();
        }
        return option.parse(raw);
    }

    /** The value of an option that has no usable default, e.g. a secret; fails naming the env var to set. */
    public <T> T require(ConfigOption<T> option) {
        T v = get(option);
        if (v == null || (v instanceof String s && s.isBlank())) {
            throw new IllegalStateException(
                    option.key() + " is not set: " + option.description() + " (env " + option.envName() + ")");
        }
        return v;
    }

    /**
     * The keys under a declared namespace, without the prefix: {@code --param.since=2024-01-01} is
     * {@code since -> 2024-01-01} of {@code withPrefix("param.")}. From arguments and the file; names cannot be read
     * back from environment variables, so readers that also take those (DataX job parameters) look them up by name.
     */
    public Map<String, String> withPrefix(String prefix) {
        if (!namespaces.contains(prefix)) {
            throw new IllegalArgumentException("no namespace '" + prefix + "' is declared; declared: " + namespaces);
        }
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    public <T> GridgovConfig with(ConfigOption<T> option, T value) {
        Map<String, String> m = new LinkedHashMap<>(values);
        m.put(option.key(), option.format(value));
        Map<String, Boolean> keys = new LinkedHashMap<>(secretByKey);
        keys.putIfAbsent(option.key(), option.secret());
        return new GridgovConfig(m, keys, namespaces, argumentKeys, deprecatedKeysUsed);
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

    /** Deprecated keys the values were given under (each is also logged once per JVM). */
    public Set<String> deprecatedKeysUsed() {
        return deprecatedKeysUsed;
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

    private boolean isSecret(String key) {
        Boolean secret = secretByKey.get(key);
        if (secret != null) {
            return secret;
        }
        if (namespaces.stream().anyMatch(key::startsWith)) {
            return false;
        }
        throw new IllegalArgumentException("unknown config key '" + key + "'");
    }

    /** Logs the first use of a deprecated key in this JVM; true when this call logged it. */
    static boolean warnDeprecated(String deprecatedKey, String key) {
        if (!WARNED.add(deprecatedKey)) {
            return false;
        }
        LOG.log(System.Logger.Level.WARNING, "''{0}'' is deprecated: use ''{1}'' (same value)", deprecatedKey, key);
        return true;
    }

    /** The options a configuration accepts: the platform's plus a module's, their deprecated keys and namespaces. */
    private static final class Known {
        private final List<ConfigOption<?>> options = new ArrayList<>();
        private final Map<String, ConfigOption<?>> byKey = new LinkedHashMap<>();
        private final Map<String, ConfigOption<?>> byDeprecatedKey = new LinkedHashMap<>();

        Known(List<ConfigOption<?>> moduleOptions) {
            GridgovOptions.ALL.forEach(this::add);
            moduleOptions.forEach(this::add);
        }

        private void add(ConfigOption<?> o) {
            ConfigOption<?> taken = byKey.containsKey(o.key()) ? byKey.get(o.key()) : byDeprecatedKey.get(o.key());
            if (taken == o) {
                return;
            }
            if (taken != null) {
                throw new IllegalArgumentException("config key " + o.key() + " is defined twice");
            }
            for (String d : o.deprecatedKeys()) {
                if (byKey.containsKey(d) || byDeprecatedKey.containsKey(d)) {
                    throw new IllegalArgumentException("config key " + d + " is defined twice");
                }
                byDeprecatedKey.put(d, o);
            }
            options.add(o);
            byKey.put(o.key(), o);
        }

        Set<String> namespaces() {
            Set<String> out = new LinkedHashSet<>();
            options.stream().filter(ConfigOption::isNamespace).forEach(o -> out.add(o.key()));
            return out;
        }

        Map<String, Boolean> secretByKey() {
            Map<String, Boolean> out = new LinkedHashMap<>();
            options.stream().filter(o -> !o.isNamespace()).forEach(o -> out.put(o.key(), o.secret()));
            return out;
        }

        /** {@code source} under the options' keys: deprecated keys renamed (the current key wins), unknown refused. */
        Map<String, String> canonical(Map<String, String> source, Set<String> used) {
            Map<String, String> out = new LinkedHashMap<>();
            Map<String, String> renamed = new LinkedHashMap<>();
            source.forEach((k, v) -> {
                if (byKey.containsKey(k) && !byKey.get(k).isNamespace()) {
                    out.put(k, v);
                } else if (byDeprecatedKey.containsKey(k)) {
                    String key = byDeprecatedKey.get(k).key();
                    used.add(k);
                    warnDeprecated(k, key);
                    renamed.put(key, v);
                } else if (namespaces().stream().anyMatch(p -> k.startsWith(p) && k.length() > p.length())) {
                    out.put(k, v);
                } else {
                    throw unknown(k);
                }
            });
            renamed.forEach(out::putIfAbsent);
            return out;
        }

        Map<String, String> fromEnvironment(Map<String, String> env, Set<String> used) {
            Map<String, String> out = new LinkedHashMap<>();
            for (ConfigOption<?> o : options) {
                if (o.isNamespace()) {
                    continue;
                }
                String v = env.get(o.envName());
                for (int i = 0; v == null && i < o.deprecatedKeys().size(); i++) {
                    String d = o.deprecatedKeys().get(i);
                    v = env.get(ConfigOption.envName(d));
                    if (v != null) {
                        used.add(d);
                        warnDeprecated(ConfigOption.envName(d), o.envName());
                    }
                }
                if (v != null) {
                    out.put(o.key(), v);
                }
            }
            return out;
        }

        private IllegalArgumentException unknown(String key) {
            List<String> keys = options.stream()
                    .map(o -> o.isNamespace() ? o.key() + "*" : o.key())
                    .toList();
            return new IllegalArgumentException("unknown config key '" + key + "'; known: " + keys);
        }
    }
}
