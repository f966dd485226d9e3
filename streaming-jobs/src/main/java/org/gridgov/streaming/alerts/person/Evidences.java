package org.gridgov.streaming.alerts.person;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/** Small array helpers for the rule states (arrays keep the states Flink POJOs). */
final class Evidences {

    private Evidences() {}

    static Evidence[] append(Evidence[] a, Evidence e) {
        Evidence[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = e;
        return b;
    }

    static Evidence[] keep(Evidence[] a, Predicate<Evidence> keep) {
        int n = 0;
        for (Evidence e : a) {
            if (keep.test(e)) {
                n++;
            }
        }
        if (n == a.length) {
            return a;
        }
        Evidence[] b = new Evidence[n];
        int i = 0;
        for (Evidence e : a) {
            if (keep.test(e)) {
                b[i++] = e;
            }
        }
        return b;
    }

    static boolean contains(Evidence[] a, String id) {
        for (Evidence e : a) {
            if (e.id.equals(id)) {
                return true;
            }
        }
        return false;
    }

    /** The records in {@code [from, to]} that pass {@code filter}, in event-time order (then id). */
    static List<Evidence> window(Evidence[] a, long from, long to, Predicate<Evidence> filter) {
        List<Evidence> w = new ArrayList<>();
        for (Evidence e : a) {
            if (e.time >= from && e.time <= to && filter.test(e)) {
                w.add(e);
            }
        }
        w.sort((x, y) -> x.time != y.time ? Long.compare(x.time, y.time) : x.id.compareTo(y.id));
        return w;
    }

    /**
     * The first record of each problem in {@code window} (which is in event-time order): a caller's repeat call of a
     * problem already in the window does not count again (issue 19 part 2).
     */
    static List<Evidence> firstPerProblem(List<Evidence> window) {
        List<Evidence> out = new ArrayList<>(window.size());
        for (Evidence e : window) {
            boolean seen = false;
            for (Evidence o : out) {
                if (o.problemOrId().equals(e.problemOrId())) {
                    seen = true;
                    break;
                }
            }
            if (!seen) {
                out.add(e);
            }
        }
        return out;
    }

    static long maxTime(Evidence[] a, long plus, long current) {
        long m = current;
        for (Evidence e : a) {
            m = Math.max(m, e.time + plus);
        }
        return m;
    }

    static String[] union(String[] a, String[] b) {
        List<String> out = new ArrayList<>(Arrays.asList(a));
        for (String x : b) {
            if (!out.contains(x)) {
                out.add(x);
            }
        }
        return out.toArray(new String[0]);
    }
}
