package org.gridgov.simulator.generator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.gridgov.common.district.District;
import org.gridgov.common.district.Grid;
import org.gridgov.common.model.GridRecord;
import org.gridgov.common.model.GridRecordKind;
import org.gridgov.common.model.TrackPoint;
import org.gridgov.common.track.PatrolMetrics;
import org.gridgov.simulator.generator.GroundTruth.GridWorkAnomaly;
import org.locationtech.jts.geom.Envelope;

/**
 * The grid workers' daily work (issue 16), one worker per grid: on every working day (Monday to Friday) each checks
 * in at 07:40–08:40 near the grid's work station and out at 17:00–18:15, and patrols with the phone recording a GPS
 * track at walking speed inside the grid: once a week a sweep of the whole grid in lanes (3–4 hours, 60–100 fixes,
 * covering about a fifth of it), on about a third of the other days a round of 30–70 minutes (20–40 fixes).
 *
 * <p>Planted each month, on distinct workers ({@value #PLANTED_PER_KIND} of each {@link GridWorkAnomalyKind}):
 * a worker whose every patrol that month wanders within {@value #STAY_RADIUS_M} m of one spot; a worker with one
 * patrol whose track jumps half the grid (≥ 1 km) in 10–20 s; a worker without check-out on 3–5 days. Everyone else
 * sweeps weekly (coverage ≥ {@value #MIN_SWEEP_COVERAGE}, checked here with {@link PatrolMetrics}), walks without
 * jumps and misses at most {@value #NORMAL_MAX_MISSING} check-outs a month, so the definitions find exactly the
 * planted workers. Not thread-safe; one per generation run, fed day by day.
 */
final class GridWork {

    static final int PLANTED_PER_KIND = 3;
    static final int NORMAL_MAX_MISSING = 2;
    static final double NORMAL_MISSING_RATE = 0.02;
    static final double OFF_GRID_CHECKIN_RATE = 0.02;
    static final double ROUND_RATE = 0.35;
    static final double MIN_SWEEP_COVERAGE = 0.16;
    static final double STAY_RADIUS_M = 120;
    /** Planned paths keep this far from the grid's edges. */
    private static final double EDGE_M = 60;
    /** GPS noise, one standard deviation per axis. */
    private static final double NOISE_M = 3;

    private static final double METRES_PER_DEGREE = 111_195;
    private static final double ROUND_5 = 1e5;
    private static final double ROUND_6 = 1e6;
    /** A Monday, to number weeks from. */
    private static final LocalDate WEEK_ZERO = LocalDate.of(2000, 1, 3);

    /** A grid's local frame: metres east (x) and north (y) of its south-west corner. */
    private record Frame(double minLat, double minLon, double width, double height, double mx, double my) {
        double lat(double y) {
            return Math.round((minLat + y / my) * ROUND_5) / ROUND_5;
        }

        double lon(double x) {
            return Math.round((minLon + x / mx) * ROUND_5) / ROUND_5;
        }
    }

    /** A track being built: seconds and positions in the frame. */
    private record Track(int[] t, double[] x, double[] y) {}

    /** The month's planted workers and the ids collected as evidence. */
    private static final class MonthPlan {
        final Map<Integer, double[]> staySpot = new TreeMap<>();
        final Map<Integer, Integer> jumpDay = new TreeMap<>();
        final Map<Integer, TreeSet<Integer>> missingDays = new TreeMap<>();
        final Map<GridWorkAnomalyKind, Map<Integer, List<String>>> evidence = new EnumMap<>(GridWorkAnomalyKind.class);

        Consumer<String> collect(GridWorkAnomalyKind kind, int worker) {
            return evidence.computeIfAbsent(kind, k -> new TreeMap<>()).computeIfAbsent(worker, w -> new ArrayList<>())
                    ::add;
        }
    }

    private final GeneratorContext ctx;
    private final int workers;
    private final Frame[] frames;
    private final double[][] station;
    private final Map<YearMonth, MonthPlan> plans = new TreeMap<>();
    private final int[] missingThisMonth;
    private YearMonth currentMonth;
    private long added;

    GridWork(GeneratorContext ctx) {
        this.ctx = ctx;
        this.workers = ctx.places.gridCount();
        this.frames = new Frame[workers];
        this.station = new double[workers][];
        this.missingThisMonth = new int[workers];
        for (int w = 0; w < workers; w++) {
            Envelope e = ctx.places.grid(w).boundary().getEnvelopeInternal();
            double my = METRES_PER_DEGREE;
            double mx = METRES_PER_DEGREE * Math.cos(Math.toRadians(e.centre().y));
            frames[w] = new Frame(e.getMinY(), e.getMinX(), e.getWidth() * mx, e.getHeight() * my, mx, my);
            SplittableRandom r = ctx.seeds.random("gridwork:station", w);
            station[w] = new double[] {inside(frames[w].width(), 0.25, r), inside(frames[w].height(), 0.25, r)};
        }
        for (int m = 0; m < ctx.spec.months(); m++) {
            YearMonth month = ctx.spec.firstMonth().plusMonths(m);
            plans.put(month, plan(month, ctx.seeds.random("gridwork:plant", m)));
        }
    }

    /** Records added so far (all valid): what the grid source emits on top of its split. */
    /**
     * The expected number of records {@code workers} emit over the calendar: on each working day a check-in and a
     * patrol on their sweep day (one weekday in five) or, on the other four, with probability {@link #ROUND_RATE}.
     */
    static long expectedRecords(int workers, PeriodCalendar calendar) {
        long workingDays = 0;
        for (int day = 0; day < calendar.days(); day++) {
            if (isWorkingDay(calendar.date(day))) {
                workingDays++;
            }
        }
        return Math.round(workers * workingDays * (1 + 0.2 + 0.8 * ROUND_RATE));
    }

    long added() {
        return added;
    }

    /** The planted anomalies by month, kind and worker, with the ids seen so far as evidence. */
    List<GridWorkAnomaly> truth() {
        List<GridWorkAnomaly> out = new ArrayList<>();
        plans.forEach((month, plan) -> {
            for (GridWorkAnomalyKind kind : GridWorkAnomalyKind.values()) {
                plan.evidence
                        .getOrDefault(kind, Map.of())
                        .forEach((w, ids) -> out.add(new GridWorkAnomaly(
                                month,
                                GridRecords.workerId(ctx.places.grid(w)),
                                ctx.places.grid(w).code(),
                                kind,
                                List.copyOf(ids))));
            }
        });
        out.sort((a, b) -> a.month().equals(b.month())
                ? a.kind() != b.kind()
                        ? a.kind().compareTo(b.kind())
                        : a.workerId().compareTo(b.workerId())
                : a.month().compareTo(b.month()));
        return List.copyOf(out);
    }

    private MonthPlan plan(YearMonth month, SplittableRandom r) {
        int[] order = new int[workers];
        for (int i = 0; i < workers; i++) {
            order[i] = i;
        }
        for (int i = workers - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int x = order[i];
            order[i] = order[j];
            order[j] = x;
        }
        List<Integer> workingDays = new ArrayList<>();
        for (int day = 0; day < ctx.calendar.days(); day++) {
            LocalDate d = ctx.calendar.date(day);
            if (YearMonth.from(d).equals(month) && isWorkingDay(d)) {
                workingDays.add(day);
            }
        }
        MonthPlan plan = new MonthPlan();
        int k = PLANTED_PER_KIND;
        for (int i = 0; i < k; i++) {
            int w = order[i];
            // a spot far enough from the edges that the wandering stays inside the grid
            plan.staySpot.put(w, new double[] {inside(frames[w].width(), 0.3, r), inside(frames[w].height(), 0.3, r)});
        }
        for (int i = k; i < 2 * k; i++) {
            int w = order[i];
            List<Integer> rounds = workingDays.stream()
                    .filter(d -> !isSweepDay(w, ctx.calendar.date(d)))
                    .toList();
            plan.jumpDay.put(w, rounds.get(r.nextInt(rounds.size())));
        }
        for (int i = 2 * k; i < 3 * k; i++) {
            TreeSet<Integer> days = new TreeSet<>();
            int n = GridWorkAnomalyKind.MISSING_CHECKOUT_DAYS + r.nextInt(3);
            while (days.size() < n) {
                days.add(workingDays.get(r.nextInt(workingDays.size())));
            }
            plan.missingDays.put(order[i], days);
        }
        return plan;
    }

    /** Adds the day's attendance and patrols of every worker. */
    void add(int day, DayBatch batch) {
        LocalDate date = ctx.calendar.date(day);
        if (!isWorkingDay(date)) {
            return;
        }
        YearMonth month = YearMonth.from(date);
        if (!month.equals(currentMonth)) {
            currentMonth = month;
            Arrays.fill(missingThisMonth, 0);
        }
        MonthPlan plan = plans.get(month);
        SplittableRandom r = ctx.seeds.random("gridwork", day);
        for (int w = 0; w < workers; w++) {
            attendance(w, day, date, plan, r, batch);
            patrol(w, day, date, plan, r, batch);
        }
    }

    private void attendance(int w, int day, LocalDate date, MonthPlan plan, SplittableRandom r, DayBatch batch) {
        LocalDateTime in = date.atTime(7, 40).plusSeconds(r.nextInt(3600));
        LocalDateTime out = date.atTime(17, 0).plusSeconds(r.nextInt(4500));
        Frame f = frames[w];
        double inLat;
        double inLon;
        if (r.nextDouble() < OFF_GRID_CHECKIN_RATE) {
            // checked in at the community office, which lies in another grid of the community
            // (the district lists a community's grids one after another)
            int perCommunity = District.GRIDS_PER_COMMUNITY;
            int other = (w / perCommunity) * perCommunity
                    + (w % perCommunity + 1 + r.nextInt(perCommunity - 1)) % perCommunity;
            Place p = ctx.places.inGrid(other, r);
            inLat = p.latitude();
            inLon = p.longitude();
        } else {
            inLat = round6(f.minLat() + (station[w][1] + gauss(r, 10)) / f.my());
            inLon = round6(f.minLon() + (station[w][0] + gauss(r, 10)) / f.mx());
        }
        double outLat = round6(f.minLat() + (station[w][1] + gauss(r, 10)) / f.my());
        double outLon = round6(f.minLon() + (station[w][0] + gauss(r, 10)) / f.mx());
        TreeSet<Integer> planted = plan.missingDays.get(w);
        boolean missing;
        double x = r.nextDouble();
        if (planted != null) {
            missing = planted.contains(day);
        } else {
            missing = x < NORMAL_MISSING_RATE && missingThisMonth[w] < NORMAL_MAX_MISSING;
            if (missing) {
                missingThisMonth[w]++;
            }
        }
        Grid grid = ctx.places.grid(w);
        GridRecord g = new GridRecord(
                GridRecord.SCHEMA_VERSION,
                null,
                GridRecordKind.ATTENDANCE,
                grid.code(),
                GridRecords.workerId(grid),
                null,
                null,
                missing ? "上班签到，未签退" : "上班签到，下班签退",
                inLat,
                inLon,
                in,
                null,
                missing ? null : out,
                missing ? null : outLat,
                missing ? null : outLon,
                null,
                null);
        batch.add(g, null, planted != null && missing ? plan.collect(GridWorkAnomalyKind.MISSING_CHECKOUT, w) : null);
        added++;
    }

    private void patrol(int w, int day, LocalDate date, MonthPlan plan, SplittableRandom r, DayBatch batch) {
        boolean sweep = isSweepDay(w, date);
        Integer jumpDay = plan.jumpDay.get(w);
        boolean jump = jumpDay != null && jumpDay == day;
        boolean round = !sweep && (r.nextDouble() < ROUND_RATE || jump);
        if (!sweep && !round) {
            return;
        }
        Frame f = frames[w];
        double[] spot = plan.staySpot.get(w);
        Track t;
        LocalDateTime start;
        Consumer<String> evidence = null;
        if (spot != null) {
            start = date.atTime(sweep ? 9 : 14, 0).plusSeconds(r.nextInt(3600));
            t = stay(spot, r);
            evidence = plan.collect(GridWorkAnomalyKind.STAYS_IN_ONE_PLACE, w);
        } else if (sweep) {
            start = date.atTime(8, 50).plusSeconds(r.nextInt(1800));
            t = sweep(f, r);
        } else {
            start = r.nextBoolean()
                    ? date.atTime(9, 30).plusSeconds(r.nextInt(5400))
                    : date.atTime(14, 0).plusSeconds(r.nextInt(3600));
            t = round(f, station[w], r);
            if (jump) {
                jumpHalfTheGrid(f, t, r);
                evidence = plan.collect(GridWorkAnomalyKind.FAKE_PATROL_JUMP, w);
            }
        }
        List<TrackPoint> track = new ArrayList<>(t.t().length);
        for (int i = 0; i < t.t().length; i++) {
            track.add(new TrackPoint(t.t()[i], f.lat(t.y()[i]), f.lon(t.x()[i])));
        }
        Grid grid = ctx.places.grid(w);
        check(w, sweep, spot != null, jump, track, grid);
        Place first = ctx.places.at(w, track.get(0).latitude(), track.get(0).longitude());
        List<String> texts = ctx.ref.gridTexts.get(GridRecordKind.PATROL);
        String content = ctx.composer.compose(texts.get(r.nextInt(texts.size())), "C1204", first, null, r);
        GridRecord g = new GridRecord(
                GridRecord.SCHEMA_VERSION,
                null,
                GridRecordKind.PATROL,
                grid.code(),
                GridRecords.workerId(grid),
                null,
                null,
                sweep ? "全网格巡查：" + content : content,
                first.latitude(),
                first.longitude(),
                start,
                track,
                null,
                null,
                null,
                null,
                null);
        batch.add(g, null, evidence);
        added++;
    }

    /**
     * The generator's promise, kept or refused loudly: a sweep covers at least {@value #MIN_SWEEP_COVERAGE} of the
     * grid, a stay well under 0.15, and only the planted patrol jumps. Only sweeps, stays and jumps are measured
     * (coverage needs a JTS buffer); a round walks at under 6 km/h by construction.
     */
    private static void check(int w, boolean sweep, boolean stay, boolean jump, List<TrackPoint> track, Grid grid) {
        if (!sweep && !stay && !jump) {
            return;
        }
        PatrolMetrics m = PatrolMetrics.of(track, grid.boundary());
        boolean ok = (stay
                        ? m.coverageRatio() < GridWorkAnomalyKind.STAY_COVERAGE / 2
                        : !sweep || m.coverageRatio() >= MIN_SWEEP_COVERAGE)
                && (jump == m.isFakeJump());
        if (!ok) {
            throw new IllegalStateException("worker " + w + " (" + grid.code() + "): planned "
                    + (stay ? "stay" : sweep ? "sweep" : "jump") + " patrol came out as " + m);
        }
    }

    /** Lanes along the grid's longer side, about 0.2 × width / 60 m of them, walked at 4.3–5.4 km/h. */
    private static Track sweep(Frame f, SplittableRandom r) {
        boolean upright = f.height() >= f.width();
        double across = upright ? f.width() : f.height();
        double along = upright ? f.height() : f.width();
        int lanes = Math.max(2, (int) Math.ceil(0.2 * across / (2 * PatrolMetrics.BUFFER_M)) + r.nextInt(2));
        List<double[]> path = new ArrayList<>();
        boolean reverse = r.nextBoolean();
        for (int i = 0; i < lanes; i++) {
            int lane = reverse ? lanes - 1 - i : i;
            double a = EDGE_M + lane * (across - 2 * EDGE_M) / (lanes - 1);
            boolean up = i % 2 == 0;
            double from = up ? EDGE_M : along - EDGE_M;
            double to = up ? along - EDGE_M : EDGE_M;
            double wobble = clamp(a + gauss(r, 15), EDGE_M, across - EDGE_M);
            path.add(upright ? new double[] {a, from} : new double[] {from, a});
            path.add(upright ? new double[] {wobble, (from + to) / 2} : new double[] {(from + to) / 2, wobble});
            path.add(upright ? new double[] {a, to} : new double[] {to, a});
        }
        return sample(path, 1.2 + 0.3 * r.nextDouble(), 60 + r.nextInt(41), r);
    }

    /** A round from the station through 3–5 places within ~450 m and back, at 3.6–5 km/h. */
    private static Track round(Frame f, double[] station, SplittableRandom r) {
        List<double[]> path = new ArrayList<>();
        path.add(station);
        int stops = 3 + r.nextInt(3);
        for (int i = 0; i < stops; i++) {
            path.add(new double[] {
                clamp(station[0] + (r.nextDouble() - 0.5) * 900, EDGE_M, f.width() - EDGE_M),
                clamp(station[1] + (r.nextDouble() - 0.5) * 900, EDGE_M, f.height() - EDGE_M)
            });
        }
        path.add(station);
        return sample(path, 1.0 + 0.4 * r.nextDouble(), 20 + r.nextInt(21), r);
    }

    /** 40–100 minutes of slow wandering (1.8–2.9 km/h) within {@value #STAY_RADIUS_M} m of one spot. */
    private static Track stay(double[] spot, SplittableRandom r) {
        double speed = 0.5 + 0.3 * r.nextDouble();
        double length = speed * (2400 + r.nextInt(3600));
        List<double[]> path = new ArrayList<>();
        path.add(spot);
        double walked = 0;
        while (walked < length) {
            double angle = r.nextDouble() * 2 * Math.PI;
            double radius = Math.sqrt(r.nextDouble()) * STAY_RADIUS_M;
            double[] next = {spot[0] + radius * Math.cos(angle), spot[1] + radius * Math.sin(angle)};
            double[] last = path.get(path.size() - 1);
            walked += Math.hypot(next[0] - last[0], next[1] - last[1]);
            path.add(next);
        }
        return sample(path, speed, 20 + r.nextInt(21), r);
    }

    /**
     * Halfway through, the rest of the track moves half the grid's longer side (≥ 1 km in this district) along it,
     * and the fix after the move comes 10–20 s after the one before: the mark of a faked position.
     */
    private static void jumpHalfTheGrid(Frame f, Track t, SplittableRandom r) {
        int n = t.t().length;
        int k = n / 2;
        boolean upright = f.height() >= f.width();
        double along = upright ? f.height() : f.width();
        double at = upright ? t.y()[k] : t.x()[k];
        double shift = at < along / 2 ? along / 2 : -along / 2;
        int gap = 10 + r.nextInt(11);
        int saved = t.t()[k + 1] - t.t()[k] - gap;
        if (saved <= 0) {
            throw new IllegalStateException("fixes " + (t.t()[k + 1] - t.t()[k]) + " s apart leave no room for a jump");
        }
        for (int i = k + 1; i < n; i++) {
            t.t()[i] -= saved;
            if (upright) {
                t.y()[i] = clamp(t.y()[i] + shift, EDGE_M, f.height() - EDGE_M);
            } else {
                t.x()[i] = clamp(t.x()[i] + shift, EDGE_M, f.width() - EDGE_M);
            }
        }
    }

    /**
     * {@code n} fixes evenly spaced in time along the path at {@code speed} m/s (slower when the path is short), each
     * with GPS noise; the first at second 0.
     */
    private static Track sample(List<double[]> path, double speed, int n, SplittableRandom r) {
        double[] cum = new double[path.size()];
        for (int i = 1; i < path.size(); i++) {
            cum[i] = cum[i - 1] + Math.hypot(path.get(i)[0] - path.get(i - 1)[0], path.get(i)[1] - path.get(i - 1)[1]);
        }
        double length = cum[cum.length - 1];
        // at least 30 s between fixes (the phone app's shortest interval), which leaves room for a planted jump
        double duration = Math.max(length / speed, 30.0 * (n - 1));
        int[] t = new int[n];
        double[] x = new double[n];
        double[] y = new double[n];
        int segment = 1;
        for (int k = 0; k < n; k++) {
            t[k] = (int) Math.round(k * duration / (n - 1));
            double d = length * k / (n - 1);
            while (segment < cum.length - 1 && cum[segment] < d) {
                segment++;
            }
            double[] a = path.get(segment - 1);
            double[] b = path.get(segment);
            double span = cum[segment] - cum[segment - 1];
            double u = span <= 0 ? 0 : Math.min(1, (d - cum[segment - 1]) / span);
            x[k] = a[0] + u * (b[0] - a[0]) + gauss(r, NOISE_M);
            y[k] = a[1] + u * (b[1] - a[1]) + gauss(r, NOISE_M);
        }
        return new Track(t, x, y);
    }

    /** Monday to Friday; public holidays are not modelled (as {@link PeriodCalendar#addWorkingDays}). */
    static boolean isWorkingDay(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** Each worker sweeps once a week, on a weekday that rotates with the week and differs between neighbours. */
    static boolean isSweepDay(int worker, LocalDate d) {
        long week = ChronoUnit.WEEKS.between(WEEK_ZERO, d);
        return isWorkingDay(d) && (worker + week) % 5 == d.getDayOfWeek().getValue() - 1;
    }

    private static double inside(double extent, double margin, SplittableRandom r) {
        return extent * (margin + (1 - 2 * margin) * r.nextDouble());
    }

    private static double gauss(SplittableRandom r, double sigma) {
        return r.nextGaussian() * sigma;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double round6(double v) {
        return Math.round(v * ROUND_6) / ROUND_6;
    }
}
