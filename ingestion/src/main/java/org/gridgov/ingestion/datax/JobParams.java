package org.gridgov.ingestion.datax;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.StringSubstitutor;

/**
 * The {@code ${name}} parameters of a DataX job ({@code datax.py -p "-Dname=value"} in production). Values come from
 * {@code --param.name=value} arguments (the configuration's {@code param.} namespace,
 * {@code GridgovConfig.withPrefix("param.")}), then from {@code GRIDGOV_PARAM_NAME} environment variables, which is
 * where passwords belong: a command line is visible to every user of the machine.
 */
public final class JobParams {

    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");

    private final Map<String, String> values;
    private final Map<String, String> env;
    private final StringSubstitutor substitutor;

    public JobParams(Map<String, String> values, Map<String, String> env) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.env = env;
        this.substitutor = new StringSubstitutor(this::get)
                .setDisableSubstitutionInValues(true)
                .setEnableSubstitutionInVariables(false)
                .setValueDelimiterMatcher(null)
                .setEscapeChar('\0');
    }

    public static JobParams of(Map<String, String> values) {
        return new JobParams(values, Map.of());
    }

    /** Environment variable that can supply a parameter: GRIDGOV_PARAM_ + upper case, dots and dashes as underscores. */
    public static String envName(String name) {
        return "GRIDGOV_PARAM_" + name.toUpperCase().replace('.', '_').replace('-', '_');
    }

    public String get(String name) {
        String v = values.get(name);
        return v != null ? v : env.get(envName(name));
    }

    /**
     * Replaces every resolvable placeholder (commons-text {@link StringSubstitutor}); unresolved ones stay as they
     * are for {@link #unresolved}. A value is inserted as it is: a password containing {@code ${x}} is not expanded
     * again, and there is neither an escape nor a {@code ${name:-default}} syntax, as in DataX's {@code -p} parameters.
     */
    public String substitute(String text) {
        if (text == null || text.indexOf('$') < 0) {
            return text;
        }
        return substitutor.replace(text);
    }

    /** Names of the placeholders still in {@code text}, sorted. */
    public static List<String> unresolved(String text) {
        TreeSet<String> names = new TreeSet<>();
        if (text != null) {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return List.copyOf(names);
    }
}
