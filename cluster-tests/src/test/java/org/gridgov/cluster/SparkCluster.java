package org.gridgov.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Spark 3.5 standalone cluster without a distribution: a SPARK_HOME whose {@code jars/} holds the Spark runtime the
 * build resolved for batch-jobs (Scala 2.12), a {@code Master} and a {@code Worker} as separate JVMs, and
 * {@code SparkSubmit} in client mode, what {@code bin/spark-submit} runs. {@code SPARK_SCALA_VERSION=2.12} lets the
 * worker build its executors' command from SPARK_HOME (Spark's launcher otherwise looks for a source build).
 */
final class SparkCluster implements AutoCloseable {

    /** What Spark's scripts add on JDK 17 (the project's spark.jvm.opens); executors get them from Spark itself. */
    static final List<String> JDK17_OPENS = List.of(
            "-XX:+IgnoreUnrecognizedVMOptions",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
            "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
            "-Djdk.reflect.useDirectMethodHandle=false");

    private final Path home;
    private final Path dir;
    private final int port = FreePort.pick();
    private final List<NodeProcess> nodes = new ArrayList<>();

    /** A SPARK_HOME under {@code dir} with every jar of {@code runtimeClasspath} linked into {@code jars/}. */
    SparkCluster(String runtimeClasspath, Path dir) throws IOException {
        this.dir = dir;
        this.home = Files.createDirectories(dir.resolve("spark-home"));
        Path jars = Files.createDirectories(home.resolve("jars"));
        for (String jar : runtimeClasspath.trim().split(File.pathSeparator)) {
            Path source = Path.of(jar);
            Path link = jars.resolve(source.getFileName());
            if (!Files.exists(link)) {
                Files.createSymbolicLink(link, source.toAbsolutePath());
            }
        }
        Path conf = Files.createDirectories(home.resolve("conf"));
        Files.writeString(
                conf.resolve("log4j2.properties"),
                String.join(
                        "\n",
                        "rootLogger.level = warn",
                        "rootLogger.appenderRef.stdout.ref = console",
                        "appender.console.type = Console",
                        "appender.console.name = console",
                        "appender.console.target = SYSTEM_ERR",
                        "appender.console.layout.type = PatternLayout",
                        "appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n",
                        // the master's and worker's "elected leader" / "registered with master" lines are how start()
                        // waits
                        "logger.deploy.name = org.apache.spark.deploy",
                        "logger.deploy.level = info",
                        ""));
    }

    String masterUrl() {
        return "spark://127.0.0.1:" + port;
    }

    private String classpath() {
        return home.resolve("conf") + File.pathSeparator + home.resolve("jars") + File.separator + "*";
    }

    private Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPARK_HOME", home.toString());
        env.put("SPARK_SCALA_VERSION", "2.12");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_CONF_DIR", home.resolve("conf").toString());
        return env;
    }

    private List<String> jvm(String heap) {
        List<String> jvm = new ArrayList<>(JDK17_OPENS);
        jvm.add("-Xmx" + heap);
        return jvm;
    }

    /** The master and one worker of {@code cores} cores; waits until the worker is registered. */
    SparkCluster start(int cores) throws Exception {
        NodeProcess master = NodeProcess.java(
                "spark-master",
                classpath(),
                jvm("256m"),
                "org.apache.spark.deploy.master.Master",
                List.of(
                        "--host",
                        "127.0.0.1",
                        "--port",
                        String.valueOf(port),
                        "--webui-port",
                        String.valueOf(FreePort.pick())),
                env(),
                dir.resolve("logs"));
        nodes.add(master);
        NodeProcess.await("the Spark master", Duration.ofSeconds(120), () -> master.output()
                .contains("I have been elected leader"));
        NodeProcess worker = NodeProcess.java(
                "spark-worker",
                classpath(),
                jvm("256m"),
                "org.apache.spark.deploy.worker.Worker",
                List.of(
                        "--host",
                        "127.0.0.1",
                        "--cores",
                        String.valueOf(cores),
                        "--memory",
                        "1g",
                        "--webui-port",
                        String.valueOf(FreePort.pick()),
                        "--work-dir",
                        Files.createDirectories(dir.resolve("work")).toString(),
                        masterUrl()),
                env(),
                dir.resolve("logs"));
        nodes.add(worker);
        NodeProcess.await("the Spark worker's registration", Duration.ofSeconds(120), () -> worker.output()
                .contains("Successfully registered with master"));
        return this;
    }

    /** {@code bin/spark-submit <args>} in client mode: the driver runs in this JVM of its own. */
    NodeProcess submit(String name, List<String> args, Map<String, String> extraEnv, Duration timeout)
            throws Exception {
        Map<String, String> env = env();
        env.putAll(extraEnv);
        NodeProcess p = NodeProcess.java(
                name, classpath(), jvm("1g"), "org.apache.spark.deploy.SparkSubmit", args, env, dir.resolve("logs"));
        int code = p.await(timeout);
        if (code != 0) {
            throw new IllegalStateException("spark-submit exited " + code + ":\n" + p.output());
        }
        return p;
    }

    @Override
    public void close() {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            nodes.get(i).close();
        }
    }
}
