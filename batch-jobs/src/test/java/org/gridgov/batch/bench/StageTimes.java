package org.gridgov.batch.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.SparkContext;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.storage.RDDInfo;
import scala.collection.JavaConverters;

/**
 * Per Spark stage of a benchmark part: tasks, executor CPU and run seconds, GC seconds, shuffle read/write and spill
 * (Spark's own task metrics, summed by the stage), and the plan operators whose RDDs the stage ran (their scope names,
 * e.g. {@code Exchange}, {@code WholeStageCodegen (3)}, {@code SortAggregate}), so a run says where its CPU went
 * without a profiler. Metrics arrive asynchronously on the listener bus; {@link #report} waits for it to drain.
 */
final class StageTimes extends SparkListener {

    private final Map<Integer, String> lines = new TreeMap<>();
    private double cpu;
    private double run;
    private double gc;

    static StageTimes register(SparkContext sc) {
        StageTimes t = new StageTimes();
        sc.addSparkListener(t);
        return t;
    }

    @Override
    public synchronized void onStageCompleted(SparkListenerStageCompleted event) {
        StageInfo s = event.stageInfo();
        TaskMetrics m = s.taskMetrics();
        if (m == null) {
            return;
        }
        double stageCpu = m.executorCpuTime() / 1e9;
        double stageRun = m.executorRunTime() / 1e3;
        double stageGc = m.jvmGCTime() / 1e3;
        cpu += stageCpu;
        run += stageRun;
        gc += stageGc;
        List<String> ops = new ArrayList<>();
        for (RDDInfo r : JavaConverters.seqAsJavaList(s.rddInfos())) {
            if (r.scope().isDefined()) {
                String name = r.scope().get().name();
                if (!ops.contains(name)) {
                    ops.add(name);
                }
            }
        }
        lines.put(
                s.stageId(),
                String.format(
                        Locale.ROOT,
                        "  stage %3d: %3d tasks, %6.1f CPU s, %6.1f run s, %5.1f GC s,"
                                + " shuffle read %6.1f MB, write %6.1f MB, spill %6.1f MB | %s",
                        s.stageId(),
                        s.numTasks(),
                        stageCpu,
                        stageRun,
                        stageGc,
                        m.shuffleReadMetrics().totalBytesRead() / 1e6,
                        m.shuffleWriteMetrics().bytesWritten() / 1e6,
                        m.diskBytesSpilled() / 1e6,
                        ops.stream().collect(Collectors.joining(", "))));
    }

    /** The stages completed since {@link #clear}, one line each, and their sums. */
    String report(SparkContext sc) {
        drain(sc);
        synchronized (this) {
            List<String> out = new ArrayList<>(lines.values());
            out.add(String.format(
                    Locale.ROOT, "  stages: %.1f executor CPU s, %.1f task run s, %.1f GC s", cpu, run, gc));
            return String.join(System.lineSeparator(), out);
        }
    }

    private static void drain(SparkContext sc) {
        try {
            sc.listenerBus().waitUntilEmpty(60_000);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Spark's listener bus did not drain in 60 s", e);
        }
    }

    void clear(SparkContext sc) {
        drain(sc); // outside the lock: the listener takes it to deliver the events drained
        synchronized (this) {
            lines.clear();
            cpu = 0;
            run = 0;
            gc = 0;
        }
    }
}
