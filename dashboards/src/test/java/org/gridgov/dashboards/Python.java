package org.gridgov.dashboards;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs python3 for the Airflow and Superset checks. A missing python3 or module fails the test, loudly: nothing is
 * skipped. The checks need PyYAML (Superset's importer reads the bundle with {@code yaml.safe_load}) and Jinja2
 * (Airflow renders the DAGs' templates with it), Debian's python3-yaml and python3-jinja2, which .ci/run installs; the
 * first interpreter that has both is used: $GRIDGOV_PYTHON, python3 on the PATH, /usr/bin/python3.
 */
final class Python {

    /** Modules the check scripts import besides the standard library. */
    static final String MODULES = "yaml, jinja2";

    private static String interpreter;

    record Result(int exit, String out, String err) {}

    private Python() {}

    static synchronized String interpreter() {
        if (interpreter != null) {
            return interpreter;
        }
        List<String> candidates = new ArrayList<>();
        String configured = System.getenv("GRIDGOV_PYTHON");
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured);
        }
        candidates.add("python3");
        candidates.add("/usr/bin/python3");
        String found = null;
        for (String c : candidates) {
            Integer exit = exitOf(c, "-c", "import " + MODULES);
            if (exit != null && exit == 0) {
                interpreter = c;
                return c;
            }
            if (exit != null && found == null) {
                found = c;
            }
        }
        // no interpreter has the modules: use one that exists, so the check fails naming the missing module
        interpreter = found != null ? found : "python3";
        return interpreter;
    }

    private static Integer exitOf(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static Result run(Path pycachePrefix, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(interpreter());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        // compiled files go under target/, never next to the DAG sources
        pb.environment()
                .put("PYTHONPYCACHEPREFIX", pycachePrefix.toAbsolutePath().toString());
        pb.environment().put("PYTHONIOENCODING", "utf-8");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new AssertionError(
                    "python3 is needed to check the Airflow DAGs and the Superset bundle and was not "
                            + "found on PATH; install python3, python3-yaml and python3-jinja2 (.ci/run does): "
                            + e.getMessage(),
                    e);
        }
        try {
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("python3 " + args[0] + " did not finish in 60 s");
            }
            return new Result(
                    p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot talk to python3: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
