package org.gridgov.common.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A typed configuration key with its default, a description and the checks its values must pass, listed by
 * {@code gridgov config}. Shaped after Flink's {@code ConfigOptions} ({@code key(..).durationType().defaultValue(..)
 * .withDescription(..)}): a factory per type ({@link #duration}, {@link #memory}, {@link #enumeration}, ...), then
 * {@link #atLeast}/{@link #atMost} and {@link #withDeprecatedKeys} return refined copies. Immutable.
 *
 * <p>Text forms: a duration is a number with a unit ({@code 500ms}, {@code 10s}, {@code 5min} or {@code 5m},
 * {@code 1h}, {@code 2d}) or ISO-8601 ({@code PT10S}), a bare number meaning milliseconds; a memory size is a byte
 * count with an optional 1024-based unit ({@code 512kb}, {@code 64mb}, {@code 1g}); an enum constant is its name in
 * any case, dashes or underscores ({@code at-least-once}); a list is comma-separated.
 */
public final class ConfigOption<T> {

    private final String key;
    private final Class<T> type;
    private final T defaultValue;
    private final String description;
    private final boolean secret;
    private final Function<String, T> parser;
    private final Function<T, String> formatter;
    /** What the listing shows as the type, e.g. {@code int}, {@code duration}, {@code doris|mysql}. */
    private final String typeName;
    /** The accepted text form, appended to a parse failure; null where the type name says it all. */
    private final String expected;

    private final List<String> deprecatedKeys;
    private final List<Check<T>> checks;

    /** A rule every value must pass, and how it reads in messages and the listing ("at least 1"). */
    private record Check<T>(Predicate<T> test, String rule) {}

    private ConfigOption(
            String key,
            Class<T> type,
            T defaultValue,
            String description,
            boolean secret,
            Function<String, T> parser,
            Function<T, String> formatter,
            String typeName,
            String expected,
            List<String> deprecatedKeys,
            List<Check<T>> checks) {
        this.key = Objects.requireNonNull(key, "key");
        this.type = Objects.requireNonNull(type, "type");
        this.defaultValue = defaultValue;
        this.description = Objects.requireNonNull(description, "description");
        this.secret = secret;
        this.parser = Objects.requireNonNull(parser, "parser");
        this.formatter = Objects.requireNonNull(formatter, "formatter");
        this.typeName = typeName;
        this.expected = expected;
        this.deprecatedKeys = List.copyOf(deprecatedKeys);
        this.checks = List.copyOf(checks);
    }

    private static <T> ConfigOption<T> of(
            String key,
            Class<T> type,
            T def,
            String description,
            Function<String, T> parser,
            Function<T, String> formatter,
            String typeName,
            String expected) {
        return new ConfigOption<>(
                key, type, def, description, false, parser, formatter, typeName, expected, List.of(), List.of());
    }

    // ---- factories, one per type ---------------------------------------------------------------------------------

    public static ConfigOption<String> string(String key, String def, String description) {
        return of(key, String.class, def, description, s -> s, s -> s, "string", null);
    }

    /** A credential: no default, never passed as an argument to a child process, shown as {@code (secret)}. */
    public static ConfigOption<String> secret(String key, String description) {
        return new ConfigOption<>(
                key, String.class, null, description, true, s -> s, s -> s, "string", null, List.of(), List.of());
    }

    public static ConfigOption<Integer> integer(String key, int def, String description) {
        return of(key, Integer.class, def, description, Integer::valueOf, String::valueOf, "int", null);
    }

    public static ConfigOption<Long> longValue(String key, long def, String description) {
        return of(key, Long.class, def, description, Long::valueOf, String::valueOf, "long", null);
    }

    public static ConfigOption<Double> number(String key, double def, String description) {
        return of(key, Double.class, def, description, Double::valueOf, ConfigOption::formatDouble, "double", null);
    }

    public static ConfigOption<Boolean> bool(String key, boolean def, String description) {
        return of(key, Boolean.class, def, description, ConfigOption::strictBoolean, String::valueOf, "boolean", null);
    }

    /** A length of time; {@code def} may be null for "not set". */
    public static ConfigOption<Duration> duration(String key, Duration def, String description) {
        return of(
                key,
                Duration.class,
                def,
                description,
                DurationText::parse,
                DurationText::format,
                "duration",
                DurationText.EXPECTED);
    }

    public static ConfigOption<MemorySize> memory(String key, MemorySize def, String description) {
        return of(
                key,
                MemorySize.class,
                def,
                description,
                MemorySize::parse,
                MemorySize::toString,
                "memory size",
                MemorySize.EXPECTED);
    }

    /**
     * One constant of {@code enumType}; {@code def} may be null for "not set". Messages call a value by the last word
     * of the enum's name ({@code WarehouseDialect}: "unknown dialect 'oracle'; expected doris or mysql").
     */
    public static <E extends Enum<E>> ConfigOption<E> enumeration(
            String key, Class<E> enumType, E def, String description) {
        return enumeration(key, enumType, def, noun(enumType), description);
    }

    /** Like {@link #enumeration(String, Class, Enum, String)}, naming a value {@code noun} in messages. */
    public static <E extends Enum<E>> ConfigOption<E> enumeration(
            String key, Class<E> enumType, E def, String noun, String description) {
        return of(
                key,
                enumType,
                def,
                description,
                s -> constant(enumType, noun, s),
                ConfigOption::enumText,
                String.join("|", names(enumType)),
                null);
    }

    /**
     * A comma-separated set of {@code enumType}'s constants, read as a list without repeats in the enum's order
     * (what runs first is the code's business, not the command line's); at least one is required.
     */
    @SuppressWarnings("unchecked")
    public static <E extends Enum<E>> ConfigOption<List<E>> enumList(
            String key, Class<E> enumType, List<E> def, String noun, String description) {
        Function<String, List<E>> parser = s -> constants(enumType, noun, s);
        Function<List<E>, String> formatter =
                l -> l.stream().map(ConfigOption::enumText).collect(Collectors.joining(","));
        return of(
                key,
                (Class<List<E>>) (Class<?>) List.class,
                def == null ? null : inEnumOrder(enumType, def),
                description,
                parser,
                formatter,
                "list of " + String.join("|", names(enumType)),
                null);
    }

    /** Comma-separated strings (blanks dropped), e.g. content types. */
    @SuppressWarnings("unchecked")
    public static ConfigOption<List<String>> stringList(String key, List<String> def, String description) {
        Function<String, List<String>> parser = s -> Arrays.stream(s.split(","))
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .toList();
        return of(
                key,
                (Class<List<String>>) (Class<?>) List.class,
                def == null ? null : List.copyOf(def),
                description,
                parser,
                l -> String.join(",", l),
                "list of string",
                null);
    }

    /**
     * A free-form family of keys under {@code prefix} (which ends with a dot), e.g. {@code param.} for DataX job
     * parameters: {@code --param.since=...}. Read with {@link GridgovConfig#withPrefix(String)}.
     */
    @SuppressWarnings("unchecked")
    public static ConfigOption<Map<String, String>> namespace(String prefix, String description) {
        if (!prefix.endsWith(".") || prefix.length() < 2) {
            throw new IllegalArgumentException("a namespace is a prefix ending with '.', got '" + prefix + "'");
        }
        return of(
                prefix,
                (Class<Map<String, String>>) (Class<?>) Map.class,
                Map.of(),
                description,
                s -> {
                    throw new UnsupportedOperationException(prefix + "* is read with GridgovConfig.withPrefix");
                },
                m -> "",
                "key=value under " + prefix,
                null);
    }

    // ---- refinements -----------------------------------------------------------------------------------------------

    public ConfigOption<T> withDescription(String newDescription) {
        return new ConfigOption<>(
                key,
                type,
                defaultValue,
                newDescription,
                secret,
                parser,
                formatter,
                typeName,
                expected,
                deprecatedKeys,
                checks);
    }

    /**
     * Older names of this key: still read (from arguments, files and their {@code GRIDGOV_*} variables), each
     * logged once as deprecated; the key itself wins where both are set. Values are read as this option's, so a
     * renamed {@code *-ms} key keeps working: a bare number is milliseconds here too.
     */
    public ConfigOption<T> withDeprecatedKeys(String... keys) {
        List<String> all = new ArrayList<>(deprecatedKeys);
        all.addAll(List.of(keys));
        return new ConfigOption<>(
                key, type, defaultValue, description, secret, parser, formatter, typeName, expected, all, checks);
    }

    /** This option as a credential, like {@link #secret(String, String)}: never an argument, never shown. */
    public ConfigOption<T> asSecret() {
        return new ConfigOption<>(
                key,
                type,
                defaultValue,
                description,
                true,
                parser,
                formatter,
                typeName,
                expected,
                deprecatedKeys,
                checks);
    }

    /** Values below {@code min} are refused naming the key; the type must be {@link Comparable}. */
    public ConfigOption<T> atLeast(T min) {
        return checked(v -> compare(v, min) >= 0, "at least " + format(min));
    }

    public ConfigOption<T> atMost(T max) {
        return checked(v -> compare(v, max) <= 0, "at most " + format(max));
    }

    private ConfigOption<T> checked(Predicate<T> test, String rule) {
        if (defaultValue != null && !test.test(defaultValue)) {
            throw new IllegalArgumentException(key + ": the default " + format(defaultValue) + " is not " + rule);
        }
        List<Check<T>> all = new ArrayList<>(checks);
        all.add(new Check<>(test, rule));
        return new ConfigOption<>(
                key,
                type,
                defaultValue,
                description,
                secret,
                parser,
                formatter,
                typeName,
                expected,
                deprecatedKeys,
                all);
    }

    @SuppressWarnings("unchecked")
    private static <T> int compare(T a, T b) {
        return ((Comparable<T>) a).compareTo(b);
    }

    // ---- reading and writing values ------------------------------------------------------------------------------

    /**
     * The value of {@code raw} (surrounding spaces ignored), checked; a failure names the key, the value and the form
     * expected, e.g. {@code alerts.checkpoint-interval: cannot read '10 parsecs' as Duration (expected ...)}.
     */
    public T parse(String raw) {
        T value;
        try {
            value = parser.apply(raw.trim());
        } catch (InvalidValue e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    key + ": cannot read '" + raw + "' as " + type.getSimpleName()
                            + (expected == null ? "" : " (expected " + expected + ")"),
                    e);
        }
        for (Check<T> c : checks) {
            if (!c.test().test(value)) {
                throw new IllegalArgumentException(key + " must be " + c.rule() + ", got " + format(value));
            }
        }
        return value;
    }

    /** The text form of {@code value} that {@link #parse} reads back as the same value. */
    public String format(T value) {
        return value == null ? "" : formatter.apply(value);
    }

    /** {@code --key=value}, for a child process's command line. */
    public String argument(T value) {
        return "--" + key + "=" + format(value);
    }

    // ---- what the listing shows --------------------------------------------------------------------------------

    public String key() {
        return key;
    }

    public Class<T> type() {
        return type;
    }

    /** The type as {@code gridgov config} shows it: {@code int}, {@code duration}, {@code doris|mysql}, ... */
    public String typeName() {
        return typeName;
    }

    public T defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    public boolean secret() {
        return secret;
    }

    /** Text → value, without the checks; {@link #parse} is what configurations call. */
    public Function<String, T> parser() {
        return parser;
    }

    public List<String> deprecatedKeys() {
        return deprecatedKeys;
    }

    /** The checks' rules as text, e.g. {@code [at least 1]}. */
    public List<String> rules() {
        return checks.stream().map(Check::rule).toList();
    }

    /** True for a family of free-form keys under a prefix ({@link #namespace}). */
    public boolean isNamespace() {
        return key.endsWith(".");
    }

    /**
     * Environment variable that overrides this key: GRIDGOV_ + upper case, dots and dashes as underscores (a key that
     * starts with {@code gridgov.} already, such as the case service's, gets no second prefix); for a namespace, the
     * variable of one key under it ({@code GRIDGOV_PARAM_<NAME>}).
     */
    public String envName() {
        return isNamespace() ? envName(key.substring(0, key.length() - 1)) + "_<NAME>" : envName(key);
    }

    static String envName(String key) {
        String name = key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        return name.startsWith("GRIDGOV_") ? name : "GRIDGOV_" + name;
    }

    @Override
    public String toString() {
        return key;
    }

    // ---- the parsers ---------------------------------------------------------------------------------------------

    /** true or false only: a typo such as "ture" must fail, not silently mean false. */
    static Boolean strictBoolean(String s) {
        if (s.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (s.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw new InvalidValue("cannot read '" + s + "' as Boolean: expected true or false");
    }

    /** Shortest text that reads back as the same double: 10.0 → "10", 10.83 → "10.83". */
    private static String formatDouble(Double d) {
        return d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15
                ? String.valueOf(d.longValue())
                : String.valueOf(d);
    }

    private static <E extends Enum<E>> E constant(Class<E> enumType, String noun, String text) {
        String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : enumType.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new InvalidValue("unknown " + noun + " '" + text.trim() + "'; expected " + choices(enumType));
    }

    private static <E extends Enum<E>> List<E> constants(Class<E> enumType, String noun, String text) {
        List<E> out = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                out.add(constant(enumType, noun, part));
            }
        }
        if (out.isEmpty()) {
            throw new InvalidValue("names no " + noun + "; expected one or more of " + choices(enumType));
        }
        return inEnumOrder(enumType, out);
    }

    private static <E extends Enum<E>> List<E> inEnumOrder(Class<E> enumType, List<E> values) {
        Set<E> set = EnumSet.noneOf(enumType);
        set.addAll(values);
        return List.copyOf(set);
    }

    /** An enum constant as users write it: lower case, dashes ({@code AT_LEAST_ONCE} → {@code at-least-once}). */
    static String enumText(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static List<String> names(Class<? extends Enum<?>> enumType) {
        return Arrays.stream(enumType.getEnumConstants())
                .map(ConfigOption::enumText)
                .toList();
    }

    /** "a, b or c". */
    private static String choices(Class<? extends Enum<?>> enumType) {
        List<String> n = names(enumType);
        return n.size() == 1 ? n.get(0) : String.join(", ", n.subList(0, n.size() - 1)) + " or " + n.get(n.size() - 1);
    }

    /** The last word of the enum's name in lower case: {@code WarehouseDialect} → "dialect". */
    private static String noun(Class<?> enumType) {
        String[] words = enumType.getSimpleName().split("(?=[A-Z])");
        return words[words.length - 1].toLowerCase(Locale.ROOT);
    }

    /** A parse failure whose message already says what was wrong and what is expected. */
    static final class InvalidValue extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        InvalidValue(String message) {
            super(message);
        }
    }
}
