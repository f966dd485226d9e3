package org.gridgov.simulator.duplicates;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.gridgov.common.json.Json;

/**
 * Issue 19, part 5: seeded ground truth for the similar-case finder, written apart from it (it knows nothing of the
 * finder's features or weights). Plants duplicate clusters — one problem reported by 2 to 4 callers in different
 * wordings, up to 300 m apart, within two days — and near-duplicates that must stay separate: another problem at the
 * same place (often of the same category), and the same wording of a problem 3 to 5 km away. The case service's
 * {@code DuplicateAccuracyTest} and the demo score the finder on it ({@link DuplicateScore}).
 */
public final class PlantedDuplicates {

    /**
     * One planted report; reports of one cluster share {@code cluster}, every other report has its own.
     * {@code minute} is its report time in minutes from the start of the planted period.
     */
    public record Report(
            String id,
            int cluster,
            String category,
            String title,
            String description,
            double lat,
            double lon,
            long minute) {}

    /**
     * A report as the finder is shown it: everything but the cluster (the answer). The JSON names are the contract
     * with the case service's {@code PairVerdicts}, which reads this file without the simulator.
     */
    public record Shown(
            String id,
            String categoryCode,
            String title,
            String description,
            double latitude,
            double longitude,
            long reportedMinute) {}

    /** A problem, its category and ways callers put it. */
    private record Problem(String category, String[] wordings) {}

    private static final List<Problem> PROBLEMS = List.of(
            new Problem(
                    "C0101",
                    new String[] {"小区门口井盖破损塌陷，行人容易摔倒", "门口的井盖坏了塌下去了，有人摔倒", "井盖塌陷破损很危险，请尽快维修", "路口井盖松动破损，晚上有人踩空摔倒"}),
            new Problem(
                    "C0101",
                    new String[] {"路灯不亮已经一周了，晚上很黑", "这边的路灯一直不亮，晚上走路很黑", "好几盏路灯坏了不亮，夜里出行不安全", "路灯晚上不亮，请派人修一下路灯"}),
            new Problem(
                    "C0101",
                    new String[] {"垃圾桶满了没人清运，气味很大", "垃圾桶垃圾溢出无人清运，臭味熏人", "垃圾好几天没有清运，垃圾桶都满了", "垃圾桶满溢发臭，环卫一直没来清运"}),
            new Problem("C0101", new String[] {"共享单车乱停乱放堵住人行道", "人行道上共享单车乱停堵路", "大量共享单车乱停放，人行道走不了", "共享单车停放混乱占用人行道"}),
            new Problem("C0201", new String[] {"楼上邻居深夜装修噪音扰民", "晚上十一点了楼上还在装修，噪音太大", "邻居夜间装修噪音扰民影响休息", "深夜装修电钻噪音严重扰民"}),
            new Problem(
                    "C0201", new String[] {"小区供暖温度不达标，室内只有十四度", "暖气不热，家里温度才十四度", "供暖温度太低，室温不达标", "暖气片不热，室内温度达不到标准"}),
            new Problem("C0201", new String[] {"自来水管爆裂漏水，路面积水", "水管破裂一直在漏水，路上全是水", "供水管道爆管漏水严重", "马路边水管漏水，积水很深"}),
            new Problem(
                    "C0201", new String[] {"饭店油烟直排，熏得没法开窗", "餐馆油烟扰民，油烟直接排到居民楼", "烧烤店油烟很大，影响居民生活", "饭店油烟污染，没有安装净化设备"}));

    private static final double CENTRE_LAT = 36.68;
    private static final double CENTRE_LON = 117.06;
    private static final double METRES_PER_DEG = 111_195;

    private PlantedDuplicates() {}

    /**
     * {@code clusters} clusters, each with its two near-duplicates, in generation order (not time order: the
     * scorers order by {@code minute}, ties by position). The same seed gives the same reports.
     */
    public static List<Report> generate(long seed, int clusters) {
        Random rnd = new Random(seed);
        List<Report> out = new ArrayList<>();
        int singles = 1_000_000;
        for (int c = 0; c < clusters; c++) {
            int p = rnd.nextInt(PROBLEMS.size());
            Problem problem = PROBLEMS.get(p);
            // clusters 8 km apart on a ring of places, so planted clusters do not overlap by chance
            double lat = CENTRE_LAT + (c / 10) * 8000 / METRES_PER_DEG;
            double lon = CENTRE_LON + (c % 10) * 8000 / (METRES_PER_DEG * Math.cos(Math.toRadians(CENTRE_LAT)));
            long minute = rnd.nextInt(60 * 24 * 5);
            int callers = 2 + rnd.nextInt(3);
            List<Integer> wordings = new ArrayList<>(List.of(0, 1, 2, 3));
            Collections.shuffle(wordings, rnd);
            for (int k = 0; k < callers; k++) {
                double[] at = offset(rnd, lat, lon, 300);
                String w = problem.wordings()[wordings.get(k)];
                out.add(new Report(id(out), c, problem.category(), "", w, at[0], at[1], minute + rnd.nextInt(60 * 48)));
            }
            // same place, another problem (half the time of the same category)
            int q = (p + 1 + rnd.nextInt(PROBLEMS.size() - 1)) % PROBLEMS.size();
            double[] near = offset(rnd, lat, lon, 150);
            out.add(new Report(
                    id(out),
                    singles++,
                    PROBLEMS.get(q).category(),
                    "",
                    PROBLEMS.get(q).wordings()[rnd.nextInt(4)],
                    near[0],
                    near[1],
                    minute + rnd.nextInt(60 * 48)));
            // the same words far away: 3 to 5 km north-east, beyond every planted place's radius
            double[] far = shift(lat, lon, 3000 + rnd.nextInt(2000), Math.PI / 4 + rnd.nextDouble() * 0.3);
            out.add(new Report(
                    id(out),
                    singles++,
                    problem.category(),
                    "",
                    problem.wordings()[wordings.get(0)],
                    far[0],
                    far[1],
                    minute + rnd.nextInt(60 * 48)));
        }
        return out;
    }

    /** How many clusters {@code reports} plant (reports sharing a cluster with another one). */
    public static long clusters(List<Report> reports) {
        return reports.stream()
                .collect(
                        java.util.stream.Collectors.groupingBy(Report::cluster, java.util.stream.Collectors.counting()))
                .values()
                .stream()
                .filter(n -> n > 1)
                .count();
    }

    /** Writes what the finder may see of {@code reports} (no cluster) as a JSON array, in their order. */
    public static void writeShown(List<Report> reports, Path file) throws IOException {
        List<Shown> shown = reports.stream()
                .map(r -> new Shown(r.id(), r.category(), r.title(), r.description(), r.lat(), r.lon(), r.minute()))
                .toList();
        Files.writeString(file, Json.write(shown));
    }

    private static String id(List<Report> sofar) {
        return String.format("D%04d", sofar.size() + 1);
    }

    private static double[] offset(Random rnd, double lat, double lon, double maxMetres) {
        return shift(lat, lon, rnd.nextDouble() * maxMetres / 2, rnd.nextDouble() * 2 * Math.PI);
    }

    private static double[] shift(double lat, double lon, double metres, double bearing) {
        double dLat = metres * Math.cos(bearing) / METRES_PER_DEG;
        double dLon = metres * Math.sin(bearing) / (METRES_PER_DEG * Math.cos(Math.toRadians(lat)));
        return new double[] {lat + dLat, lon + dLon};
    }
}
