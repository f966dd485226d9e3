package org.gridgov.simulator.generator;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.district.District;
import org.gridgov.common.model.SourceRecord;
import org.gridgov.common.model.SourceType;
import org.gridgov.simulator.generator.GroundTruth.SeasonalTopic;

/**
 * Generates a seeded, reproducible dataset of the five sources with planted scenarios, and returns their ground
 * truth. The period is walked day by day: the day's planted and background records are buffered, sorted by event
 * time across sources and emitted, so memory grows with one day's volume, never with the total.
 *
 * <p>Per source, exactly the {@link SourceSplit} count is emitted; planted records count inside it and the
 * background fills the rest. {@code invalidRate} of each source's records (rounded half up) are background records
 * broken in one way each. With {@link GeneratorSpec#gridWork()}, the grid workers' attendance and tracked patrols
 * ({@link GridWork}) come on top of the grid source's count, all valid.
 */
public final class SyntheticDataGenerator {

    private interface Background {
        SourceRecord next(int day, SplittableRandom r);
    }

    private final GeneratorSpec spec;
    private final District district;
    private final CategoryCatalog catalog;

    public SyntheticDataGenerator(GeneratorSpec spec) {
        this.spec = spec;
        this.district = District.licheng();
        this.catalog = CategoryCatalog.standard();
    }

    public GeneratorSpec spec() {
        return spec;
    }

    /**
     * About how many records {@link #generate} emits, for progress lines: the spec's total, plus with grid work each
     * worker's check-in and expected patrols on each working day ({@link GridWork#expectedRecords}). Patrols are drawn
     * at random, so the figure is an expectation, not a count.
     */
    public long expectedRecords() {
        return spec.totalRecords()
                + (spec.gridWork() ? GridWork.expectedRecords(district.grids().size(), new PeriodCalendar(spec)) : 0);
    }

    /** Emits every record to {@code sink} and returns the planted truth. Not reentrant; cheap to call again. */
    public GroundTruth generate(RecordSink sink) throws Exception {
        GeneratorContext ctx = new GeneratorContext(spec, district, catalog);
        HotlineCases hotline = new HotlineCases(ctx);
        PoliceIncidents police = new PoliceIncidents(ctx);
        ArrearsCases arrears = new ArrearsCases(ctx);
        Map<SourceType, Background> background = new EnumMap<>(SourceType.class);
        background.put(SourceType.HOTLINE, hotline::background);
        background.put(SourceType.PETITION, new Petitions(ctx)::background);
        background.put(SourceType.ARREARS, arrears::background);
        background.put(SourceType.POLICE, police::background);
        background.put(SourceType.GRID, new GridRecords(ctx)::background);

        ScenarioPlan plan = new ScenarioPlanter(ctx, hotline, police, arrears).plan();
        PeriodCalendar cal = ctx.calendar;
        Map<SourceType, long[]> backgroundPerDay = new EnumMap<>(SourceType.class);
        Map<SourceType, InvalidSchedule> invalid = new EnumMap<>(SourceType.class);
        for (SourceType s : SourceType.values()) {
            long total = ctx.split.count(s);
            long backgroundCount = total - plan.planned(s);
            long invalidCount = ctx.split.invalidCount(s, spec.invalidRate());
            if (backgroundCount < invalidCount) {
                throw new IllegalArgumentException(spec.totalRecords() + " records are too few: " + s + " gets "
                        + total + ", of which " + plan.planned(s) + " are planted and " + invalidCount
                        + " must be invalid");
            }
            backgroundPerDay.put(s, Allocation.spread(backgroundCount, cal.dayWeights(s)));
            invalid.put(s, new InvalidSchedule(s, backgroundCount, invalidCount));
        }

        DayBatch batch = new DayBatch();
        RecordIds ids = new RecordIds();
        DefectInjector injector = new DefectInjector();
        InvalidTally tally = new InvalidTally();
        DailyPlants daily = new DailyPlants(ctx, plan, hotline);
        GridWork work = spec.gridWork() ? new GridWork(ctx) : null;
        for (int day = 0; day < cal.days(); day++) {
            ctx.companyLedger.forgetBefore(cal.start(day).minusDays(1));
            for (ScenarioPlan.Draft draft : plan.drafts(day)) {
                batch.add(draft.record(), null, draft.onId());
            }
            plan.release(day);
            daily.add(day, batch);
            if (work != null) {
                work.add(day, batch);
            }
            for (SourceType s : SourceType.values()) {
                SplittableRandom r = ctx.seeds.random("background:" + s.code(), day);
                Background next = background.get(s);
                InvalidSchedule schedule = invalid.get(s);
                for (long i = backgroundPerDay.get(s)[day]; i > 0; i--) {
                    batch.add(next.next(day, r), schedule.next(), null);
                }
            }
            batch.emit(sink, ids, injector, tally, ctx.seeds.random("defects", day));
        }

        Map<SourceType, Long> emitted = new EnumMap<>(SourceType.class);
        Map<SourceType, Long> valid = new EnumMap<>(SourceType.class);
        for (SourceType s : SourceType.values()) {
            long planned = ctx.split.count(s) + (s == SourceType.GRID && work != null ? work.added() : 0);
            if (batch.emitted(s) != planned) {
                throw new IllegalStateException(s + ": emitted " + batch.emitted(s) + ", planned " + planned);
            }
            emitted.put(s, batch.emitted(s));
            valid.put(s, batch.emitted(s) - tally.count(s));
        }
        return new GroundTruth(
                spec,
                Collections.unmodifiableMap(emitted),
                Collections.unmodifiableMap(valid),
                tally.toTruth(),
                plan.repeatPetitionersTruth(),
                plan.groupsTruth(),
                plan.repeatCallersTruth(),
                plan.crossSourceTruth(),
                plan.overdueTruth(),
                plan.bigArrearsTruth(cal.end()),
                plan.risingTruth(),
                seasonalTopics(),
                work == null ? List.of() : work.truth());
    }

    /** 供暖 is expected among the top hotline categories in winter months, 排水积水 in summer months. */
    private List<SeasonalTopic> seasonalTopics() {
        List<SeasonalTopic> topics = new ArrayList<>();
        for (int m = 0; m < spec.months(); m++) {
            YearMonth month = spec.firstMonth().plusMonths(m);
            Season season = Season.of(month.getMonth());
            List<String> names =
                    switch (season) {
                        case WINTER -> List.of(CategoryMixes.HEATING);
                        case SUMMER -> List.of(CategoryMixes.DRAINAGE);
                        default -> List.of();
                    };
            topics.add(new SeasonalTopic(month, season.name(), names));
        }
        return List.copyOf(topics);
    }
}
