package org.gridgov.common.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gridgov.common.config.ConfigOption;

/**
 * A main class of a job module as the launcher starts it: which module's build holds it, the class, the options it
 * reads and what it does. Each job module lists its mains in an enum implementing this, in a small package free of
 * engine classes (Flink, Spark, Spring), so the launcher can start them and {@code gridgov config} can list their
 * options without loading an engine. A test in each module checks every constant names a class with a
 * {@code public static void main(String[])}, so the class name cannot drift.
 */
public interface JobEntryPoint {

    /**
     * What a constant declares: the Maven module whose build holds the class (e.g. {@code streaming-jobs}), the fully
     * qualified name of the class with the {@code main}, one line saying what it does, every option it reads (the
     * platform's included), and whether it is a benchmark: a main of the module's test sources, started from its test
     * classpath, so that no production jar holds it.
     */
    record Spec(
            String module, String mainClass, String description, List<ConfigOption<?>> options, boolean benchmark) {}

    /** The constant's declaration; the accessors below read it. */
    Spec spec();

    default String module() {
        return spec().module();
    }

    default String mainClass() {
        return spec().mainClass();
    }

    default List<ConfigOption<?>> options() {
        return spec().options();
    }

    default String description() {
        return spec().description();
    }

    default boolean benchmark() {
        return spec().benchmark();
    }

    /** The options of several groups in one list, for the constants' declarations. */
    @SafeVarargs
    static List<ConfigOption<?>> optionsOf(List<? extends ConfigOption<?>>... groups) {
        List<ConfigOption<?>> all = new ArrayList<>();
        for (List<? extends ConfigOption<?>> g : groups) {
            all.addAll(g);
        }
        return List.copyOf(all);
    }

    /** How listings name it: {@code streaming-jobs:ods-loader}. */
    default String id() {
        String name = this instanceof Enum<?> e ? e.name() : mainClass();
        return module() + ":" + name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
