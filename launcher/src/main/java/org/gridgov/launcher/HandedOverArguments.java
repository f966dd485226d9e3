package org.gridgov.launcher;

import java.util.ArrayList;
import java.util.List;

/**
 * The arguments of a subcommand that hands its whole command line to a module's own {@code run(String[] ...)}: what
 * picocli bound as positional parameters followed by what it left unmatched ({@code --key=value} options the module
 * parses itself), in that order. Either list is null when picocli bound nothing to it.
 */
final class HandedOverArguments {

    private HandedOverArguments() {}

    static String[] of(List<String> parameters, List<String> unmatched) {
        List<String> all = new ArrayList<>(parameters == null ? List.of() : parameters);
        if (unmatched != null) {
            all.addAll(unmatched);
        }
        return all.toArray(String[]::new);
    }
}
