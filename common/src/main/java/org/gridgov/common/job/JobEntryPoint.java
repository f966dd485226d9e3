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

    /** The Maven module whose build holds the class, e.g. {@code streaming-jobs}. */
    String module();

    /** Fully qualified name of the class with the {@code main}. */
    String mainClass();

    /** Every option the main reads, the platform's included. */
    List<ConfigOption<?>> options();

    /** One line saying what the main does. */
    String description();

    /**
     * True for a benchmark: a main of the module's test sources, started from its test classpath, so that no
     * production jar holds it.
     */
    default boolean benchmark() {
        return false;
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
