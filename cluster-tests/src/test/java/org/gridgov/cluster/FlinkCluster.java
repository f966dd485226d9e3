package org.gridgov.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Flink 1.20 standalone session cluster without a distribution: a JobManager
 * ({@code StandaloneSessionClusterEntrypoint}) and TaskManagers ({@code TaskManagerRunner}) as separate JVMs over the
 * classpath the build resolved (streaming-jobs' provided engine plus flink-runtime-web), sized by Flink's own memory
 * calculation ({@code BashJavaUtils}, what {@code bin/taskmanager.sh} runs) and with the JDK 17 flags of Flink's
 * default {@code env.java.opts.all}. Jobs are submitted with Flink's command-line client ({@code CliFrontend}, what
 * {@code bin/flink} runs).
 */
final class FlinkCluster implements AutoCloseable {

    /** Flink's default {@code env.java.opts.all} (flink-dist's config.yaml), which bin/*.sh put on every JVM. */
    static final List<String> JAVA_OPTS_ALL = List.of(
            "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED",
            "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.text=ALL-UNNAMED",
            "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    static final String RESULT_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";

    private final String classpath;
    private final Path dir;
    private final Path conf;
    private final int restPort = FreePort.pick();
    private final List<NodeProcess> taskManagers = new ArrayList<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private NodeProcess jobManager;

    FlinkCluster(String classpath, Path dir) throws IOException {
        this.classpath = classpath;
        this.dir = dir;
        this.conf = Files.createDirectories(dir.resolve("conf"));
        Map<String, String> c = new LinkedHashMap<>();
        c.put("jobmanager.rpc.address", "127.0.0.1");
        c.put("jobmanager.rpc.port", String.valueOf(FreePort.pick()));
        c.put("jobmanager.bind-host", "127.0.0.1");
        c.put("taskmanager.bind-host", "127.0.0.1");
        c.put("taskmanager.host", "127.0.0.1");
        c.put("rest.address", "127.0.0.1");
        c.put("rest.bind-address", "127.0.0.1");
        c.put("rest.port", String.valueOf(restPort));
        c.put("jobmanager.memory.process.size", "1g");
        c.put("taskmanager.memory.process.size", "1200m");
        // the jobs keep their state on the heap: little managed memory, more task heap
        c.put("taskmanager.memory.managed.size", "32m");
        // 4 slots: one TaskManager alone can run both jobs (2 + 2 slots) while the other is gone
        c.put("taskmanager.numberOfTaskSlots", "4");
        c.put("parallelism.default", "2");
        // both subtasks of a job on different TaskManagers (the default fills one TaskManager first)
        c.put("cluster.evenly-spread-out-slots", "true");
        // a killed TaskManager is noticed in seconds, not after the default 50 s
        c.put("heartbeat.interval", "2000");
        c.put("heartbeat.timeout", "10000");
        c.put("state.checkpoints.dir", dir.resolve("checkpoints").toUri().toString());
        c.put("state.savepoints.dir", dir.resolve("savepoints").toUri().toString());
        c.put("io.tmp.dirs", Files.createDirectories(dir.resolve("tmp")).toString());
        c.put("web.submit.enable", "false");
        // the REST metrics (numRestarts) are refreshed every second instead of every 10
        c.put("metrics.fetcher.update-interval", "1000");
        StringBuilder yaml = new StringBuilder();
        c.forEach((k, v) -> yaml.append(k).append(": ").append(v).append('\n'));
        Files.writeString(conf.resolve("flink-conf.yaml"), yaml);
        Files.writeString(
                conf.resolve("log4j.properties"),
                String.join(
                        "\n",
                        "rootLogger.level = WARN",
                        "rootLogger.appenderRef.out.ref = out",
                        "appender.out.type = Console",
                        "appender.out.name = out",
                        "appender.out.layout.type = PatternLayout",
                        "appender.out.layout.pattern = %d{HH:mm:ss,SSS} %-5p %c{1} - %m%n",
                        "logger.gridgov.name = org.gridgov",
                        "logger.gridgov.level = INFO",
                        "logger.restart.name = org.apache.flink.runtime.executiongraph.ExecutionGraph",
                        "logger.restart.level = INFO",
                        // the alerts topic's committer registers a metric twice per checkpoint: noise, not a problem
                        "logger.metrics.name = org.apache.flink.metrics.MetricGroup",
                        "logger.metrics.level = ERROR",
                        ""));
    }

    Path confDir() {
        return conf;
    }

    String restUrl() {
        return "http://127.0.0.1:" + restPort;
    }

    /** Starts the JobManager and {@code taskManagers} TaskManagers and waits until they are registered. */
    FlinkCluster start(int count) throws Exception {
        jobManager = node(
                "jobmanager",
                "GET_JM_RESOURCE_PARAMS",
                "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint");
        NodeProcess.await("the JobManager's REST endpoint", Duration.ofSeconds(120), () -> get("/overview") != null);
        for (int i = 0; i < count; i++) {
            startTaskManager();
        }
        awaitTaskManagers(count, Duration.ofSeconds(180));
        return this;
    }

    void startTaskManager() throws Exception {
        taskManagers.add(node(
                "taskmanager-" + (taskManagers.size() + 1),
                "GET_TM_RESOURCE_PARAMS",
                "org.apache.flink.runtime.taskexecutor.TaskManagerRunner"));
    }

    List<NodeProcess> taskManagers() {
        return taskManagers;
    }

    void awaitTaskManagers(int count, Duration timeout) throws Exception {
        NodeProcess.await(
                count + " TaskManagers registered",
                timeout,
                () -> get("/taskmanagers").path("taskmanagers").size() == count);
    }

    /**
     * A node as bin/jobmanager.sh and bin/taskmanager.sh start it: JVM memory flags and dynamic memory settings from
     * Flink's {@code BashJavaUtils} over the same configuration, then the entry point with {@code --configDir}.
     */
    private NodeProcess node(String name, String command, String mainClass) throws Exception {
        List<String> resources = resourceParams(command);
        List<String> jvm = new ArrayList<>(Arrays.asList(resources.get(0).trim().split("\\s+")));
        jvm.addAll(JAVA_OPTS_ALL);
        jvm.add("-Dlog4j.configurationFile=" + conf.resolve("log4j.properties").toUri());
        jvm.add("-Dlog.file=" + dir.resolve("logs").resolve(name + ".log"));
        List<String> args = new ArrayList<>(List.of("--configDir", conf.toString()));
        if (resources.size() > 1 && !resources.get(1).isBlank()) {
            args.addAll(Arrays.asList(resources.get(1).trim().split("\\s+")));
        }
        return NodeProcess.java(
                name, classpath, jvm, mainClass, args, Map.of("FLINK_CONF_DIR", conf.toString()), dir.resolve("logs"));
    }

    /** The lines BashJavaUtils prints with {@link #RESULT_PREFIX}: JVM parameters, then dynamic configuration. */
    private List<String> resourceParams(String command) throws Exception {
        NodeProcess p = NodeProcess.java(
                "bash-java-utils-" + command.toLowerCase(),
                classpath,
                List.of("-Xmx128m"),
                "org.apache.flink.runtime.util.bash.BashJavaUtils",
                List.of(command, "--configDir", conf.toString()),
                Map.of(),
                dir.resolve("logs"));
        if (p.await(Duration.ofSeconds(60)) != 0) {
            throw new IllegalStateException("BashJavaUtils " + command + " failed: " + p.output());
        }
        List<String> results = p.output()
                .lines()
                .filter(l -> l.startsWith(RESULT_PREFIX))
                .map(l -> l.substring(RESULT_PREFIX.length()))
                .toList();
        if (results.isEmpty()) {
            throw new IllegalStateException("BashJavaUtils " + command + " printed no result: " + p.output());
        }
        return results;
    }

    /** {@code bin/flink <args>}: Flink's command-line client in a JVM of its own; returns it after it ended. */
    NodeProcess flink(String name, List<String> args, Map<String, String> env, Duration timeout) throws Exception {
        List<String> jvm = new ArrayList<>(JAVA_OPTS_ALL);
        jvm.add("-Xmx512m");
        jvm.add("-Dlog4j.configurationFile=" + conf.resolve("log4j.properties").toUri());
        Map<String, String> all = new LinkedHashMap<>(env);
        all.put("FLINK_CONF_DIR", conf.toString());
        NodeProcess p = NodeProcess.java(
                name, classpath, jvm, "org.apache.flink.client.cli.CliFrontend", args, all, dir.resolve("logs"));
        int code = p.await(timeout);
        if (code != 0) {
            throw new IllegalStateException("flink " + String.join(" ", args) + " exited " + code + ":\n" + p.output());
        }
        return p;
    }

    /** A REST resource of the JobManager, or null while it does not answer. */
    JsonNode get(String path) throws Exception {
        HttpResponse<String> r;
        try {
            r = http.send(
                    HttpRequest.newBuilder(URI.create(restUrl() + path))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        }
        return r.statusCode() == 200 ? json.readTree(r.body()) : null;
    }

    /** State of a job (RUNNING, RESTARTING, FINISHED, ...). */
    String jobState(String jobId) throws Exception {
        JsonNode n = get("/jobs/" + jobId);
        return n == null ? "UNKNOWN" : n.path("state").asText();
    }

    /** Restarts of a job so far (its {@code numRestarts} metric). */
    long restarts(String jobId) throws Exception {
        JsonNode n = get("/jobs/" + jobId + "/metrics?get=numRestarts");
        return n == null || n.isEmpty() ? 0 : n.get(0).path("value").asLong();
    }

    /** Completed checkpoints of a job. */
    long completedCheckpoints(String jobId) throws Exception {
        JsonNode n = get("/jobs/" + jobId + "/checkpoints");
        return n == null ? 0 : n.path("counts").path("completed").asLong();
    }

    /** TaskManagers that hold at least one of the job's subtasks, by their resource id. */
    Set<String> taskManagersOf(String jobId) throws Exception {
        Set<String> out = new TreeSet<>();
        JsonNode job = get("/jobs/" + jobId);
        if (job != null) {
            for (JsonNode vertex : job.path("vertices")) {
                JsonNode n =
                        get("/jobs/" + jobId + "/vertices/" + vertex.path("id").asText() + "/taskmanagers");
                if (n != null) {
                    n.path("taskmanagers")
                            .forEach(t -> out.add(t.path("taskmanager-id").asText()));
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        taskManagers.forEach(NodeProcess::close);
        if (jobManager != null) {
            jobManager.close();
        }
    }
}
