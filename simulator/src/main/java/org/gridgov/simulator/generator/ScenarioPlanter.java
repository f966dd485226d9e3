package org.gridgov.simulator.generator;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.gridgov.common.district.Category;
import org.gridgov.common.model.Channel;
import org.gridgov.common.model.HotlineCase;
import org.gridgov.common.model.IncidentType;
import org.gridgov.common.model.Petition;
import org.gridgov.common.model.PetitionForm;
import org.gridgov.common.model.PoliceIncident;
import org.gridgov.common.model.SourceType;
import org.gridgov.simulator.generator.ArrearsCases.BigKind;
import org.gridgov.simulator.generator.ReferenceData.Company;
import org.gridgov.simulator.generator.ReferenceData.ComplaintTemplate;
import org.gridgov.simulator.generator.ReferenceData.TopicTemplate;
import org.gridgov.simulator.generator.ScenarioPlan.CrossSourceEntry;
import org.gridgov.simulator.generator.ScenarioPlan.GroupEntry;
import org.gridgov.simulator.generator.ScenarioPlan.RepeatCallerEntry;
import org.gridgov.simulator.generator.ScenarioPlan.RepeatPetitionerEntry;
import org.gridgov.simulator.generator.ScenarioPlan.RisingEntry;

/**
 * Plans the scenarios before any record is generated: who petitions or calls repeatedly and when, the group
 * petitions, the big arrears cases, and how many overdue and rising-topic cases go on each day. Residents used by a
 * scenario are reserved in the ledgers, so the background never adds records that would blur the scenario.
 * Each scenario draws from its own random stream.
 */
final class ScenarioPlanter {

    /** Long-running grievances that bring people back (none names a company, so none looks like a 集访). */
    static final List<String> PETITION_ISSUES = List.of("土地承包", "村务公开", "干部作风", "低保救助", "违章建筑", "物业管理", "信息公开", "退休待遇");

    static final List<String> CALLER_ISSUES = List.of("物业管理", "噪音污染", "停车管理", "供水", "垃圾清运", "道路维修", "油烟污染", "违章建筑");
    /** Share of a month's hotline cases carrying its rising topic, and of the month before. */
    static final double RISING_SHARE = 0.03;

    static final double RISING_BASELINE_SHARE = 0.002;
    static final double OVERDUE_SHARE = 0.015;
    static final double BIG_ARREARS_SHARE = 0.02;
    /** An overdue case accepted on a later day could not be late within the period (deadline ≤ 7 days + 3 late). */
    static final int OVERDUE_LAST_DAY_FROM_END = 11;

    private final GeneratorContext ctx;
    private final HotlineCases hotline;
    private final PoliceIncidents police;
    private final ArrearsCases arrears;
    private final PeriodCalendar cal;
    private final int days;

    ScenarioPlanter(GeneratorContext ctx, HotlineCases hotline, PoliceIncidents police, ArrearsCases arrears) {
        this.ctx = ctx;
        this.hotline = hotline;
        this.police = police;
        this.arrears = arrears;
        this.cal = ctx.calendar;
        this.days = cal.days();
    }

    ScenarioPlan plan() {
        ScenarioPlan plan = new ScenarioPlan(days);
        long petitions = ctx.split.count(SourceType.PETITION);
        long hotlineCases = ctx.split.count(SourceType.HOTLINE);
        int repeatPetitioners = (int) Math.max(5, petitions / 200);
        int repeatCallers = (int) Math.max(5, hotlineCases / 1000);
        int[] reserved = reserveResidents(repeatPetitioners + repeatCallers);
        planRepeatPetitioners(plan, reserved, 0, repeatPetitioners);
        planGroupPetitions(plan, (int) Math.max(3, Math.min(petitions / 500, 2L * days)));
        planRepeatCallers(plan, reserved, repeatPetitioners, repeatCallers);
        planBigArrears(plan, (int) Math.max(5, Math.ceil(ctx.split.count(SourceType.ARREARS) * BIG_ARREARS_SHARE)));
        planOverdue(plan, (long) Math.max(10, Math.ceil(hotlineCases * OVERDUE_SHARE)));
        planRisingTopics(plan);
        return plan;
    }

    private int[] reserveResidents(int count) {
        int members = ctx.people.members();
        if (count > members / 2) {
            throw new IllegalArgumentException(
                    "population of " + members + " too small for " + count + " scenario residents");
        }
        SplittableRandom r = ctx.seeds.random("reserved-residents");
        Set<Integer> chosen = new LinkedHashSet<>();
        while (chosen.size() < count) {
            chosen.add(r.nextInt(members));
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Scenario 1 and 4: repeat petitioners, and a third of them (at least 3) also in police incidents. */
    private void planRepeatPetitioners(ScenarioPlan plan, int[] reserved, int from, int count) {
        SplittableRandom r = ctx.seeds.random("repeat-petitioners");
        int crossSource = Math.min(count, Math.max(3, count / 3));
        for (int i = 0; i < count; i++) {
            int member = reserved[from + i];
            ctx.petitionLedger.reserve(member);
            ctx.policeLedger.reserve(member);
            Person p = ctx.people.member(member);
            Category category = ctx.category(PETITION_ISSUES.get(i % PETITION_ISSUES.size()));
            int times = 3 + r.nextInt(4);
            int[] onDays = repeatDays(times, 28, r);
            Place home = ctx.places.inGrid(p.homeGrid(), r);
            String issue = ctx.composer.compose(anySeasonTemplate(category, r).text(), category.code(), home, null, r);
            RepeatPetitionerEntry entry = new RepeatPetitionerEntry(p.idCard(), p.name(), category.code());
            plan.repeatPetitioners.add(entry);
            for (int j = 0; j < times; j++) {
                LocalDateTime t = cal.timeOn(onDays[j], SourceType.PETITION, r);
                String content = j == 0
                        ? TextComposer.respeak(issue, Petitions.SPEAKER)
                        : TextComposer.respeak(issue, "信访人再次反映") + "（第" + (j + 1) + "次信访）";
                Place at = ctx.places.inGrid(p.homeGrid(), r);
                plan.add(
                        onDays[j],
                        new Petition(
                                1,
                                null,
                                p.name(),
                                p.idCard(),
                                p.phone(),
                                Petitions.form(r),
                                category.code(),
                                content,
                                null,
                                1,
                                at.latitude(),
                                at.longitude(),
                                t),
                        entry.petitionIds::add);
            }
            if (i < crossSource) {
                CrossSourceEntry cross = new CrossSourceEntry(entry);
                plan.crossSource.add(cross);
                int incidents = 1 + r.nextInt(2);
                for (int j = 0; j < incidents; j++) {
                    int day = Math.max(0, Math.min(days - 1, onDays[r.nextInt(times)] + r.nextInt(7) - 3));
                    LocalDateTime t = cal.timeOn(day, SourceType.POLICE, r);
                    IncidentType type = r.nextBoolean() ? IncidentType.DISPUTE : IncidentType.OTHER;
                    PoliceIncident incident = police.identified(t, type, p, ctx.places.inGrid(p.homeGrid(), r), r);
                    plan.add(day, incident, cross.incidentIds::add);
                }
            }
        }
    }

    /** Scenario 2: 集访 — 5–8 workers of one company petition within a few hours, each as one record. */
    private void planGroupPetitions(ScenarioPlan plan, int count) {
        SplittableRandom r = ctx.seeds.random("group-petitions");
        List<Company> builders = ctx.ref.companies(ReferenceData.CONSTRUCTION);
        Category wages = ctx.category(CategoryMixes.WAGES);
        List<Integer> dayOrder = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            dayOrder.add(d);
        }
        shuffle(dayOrder, r);
        List<Set<String>> usedOnDay = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            usedOnDay.add(new HashSet<>());
        }
        for (int i = 0; i < count; i++) {
            int day = dayOrder.get(i % days);
            String company = null;
            for (int k = r.nextInt(builders.size()), tried = 0; tried < builders.size(); k++, tried++) {
                String candidate = builders.get(k % builders.size()).name();
                if (usedOnDay.get(day).add(candidate)) {
                    company = candidate;
                    break;
                }
            }
            if (company == null) {
                throw new IllegalStateException("more group petitions on day " + day + " than companies");
            }
            int size = 5 + r.nextInt(4);
            LocalDateTime start = cal.start(day).plusHours(8).plusSeconds(r.nextInt(3 * 3600));
            long[] offsets = new long[size];
            for (int j = 1; j < size; j++) {
                offsets[j] = r.nextInt(5 * 3600 + 1);
            }
            Arrays.sort(offsets);
            List<ComplaintTemplate> templates = ctx.ref.complaints.stream()
                    .filter(t -> t.categoryCode().equals(wages.code())
                            && t.season().covers(start.getMonth())
                            && t.text().contains("{company}"))
                    .toList();
            Place site = ctx.places.random(r);
            String content = TextComposer.respeak(
                    ctx.composer.compose(
                            templates.get(r.nextInt(templates.size())).text(), wages.code(), site, company, r),
                    Petitions.SPEAKER);
            List<Person> people = new ArrayList<>();
            for (int j = 0; j < size; j++) {
                people.add(ctx.oneOff(GeneratorContext.PLANNED_SLOT));
            }
            GroupEntry entry = new GroupEntry(
                    company,
                    wages.code(),
                    start,
                    start.plusSeconds(offsets[size - 1]),
                    people.stream().map(Person::idCard).toList());
            plan.groups.add(entry);
            for (int j = 0; j < size; j++) {
                Person p = people.get(j);
                LocalDateTime t = start.plusSeconds(offsets[j]);
                Place at = ctx.places.inGrid(site.gridIndex(), r);
                PetitionForm form = r.nextInt(100) < 80 ? PetitionForm.VISIT : PetitionForm.ONLINE;
                String phone = r.nextInt(100) < 90 ? p.phone() : null;
                plan.add(
                        day,
                        new Petition(
                                1,
                                null,
                                p.name(),
                                p.idCard(),
                                phone,
                                form,
                                wages.code(),
                                content,
                                company,
                                1,
                                at.latitude(),
                                at.longitude(),
                                t),
                        entry.petitionIds::add);
                ctx.companyLedger.register(company, t);
            }
        }
    }

    /** Scenario 3: residents calling 12345 again and again about one thing, identified by ID card and phone. */
    private void planRepeatCallers(ScenarioPlan plan, int[] reserved, int from, int count) {
        SplittableRandom r = ctx.seeds.random("repeat-callers");
        for (int i = 0; i < count; i++) {
            int member = reserved[from + i];
            ctx.hotlineLedger.reserve(member);
            Person p = ctx.people.member(member);
            Category category = ctx.category(CALLER_ISSUES.get(i % CALLER_ISSUES.size()));
            int calls = 3 + r.nextInt(3);
            int[] onDays = repeatDays(calls, 25, r);
            Place home = ctx.places.inGrid(p.homeGrid(), r);
            String issue = ctx.composer.compose(anySeasonTemplate(category, r).text(), category.code(), home, null, r);
            RepeatCallerEntry entry = new RepeatCallerEntry(p.idCard(), p.phone(), category.code());
            plan.repeatCallers.add(entry);
            LocalDateTime[] times = new LocalDateTime[calls];
            for (int j = 0; j < calls; j++) {
                times[j] = cal.timeOn(onDays[j], SourceType.HOTLINE, r);
            }
            for (int j = 0; j < calls; j++) {
                LocalDateTime t = times[j];
                String content = j == 0
                        ? TextComposer.respeak(issue, "来电人反映")
                        : TextComposer.respeak(issue, "来电人再次反映") + "（此前已反映" + j + "次）";
                Channel channel = r.nextInt(100) < 80 ? Channel.PHONE : HotlineCases.channel(r);
                // each call a problem of its own (issue 19 part 2: repeat_call counts problems): the case is closed
                // before the caller calls again, so the loader marks no call of a planted repeat caller as a repeat
                // of an open case
                HotlineLifecycle.Lifecycle life = ctx.lifecycle.onTime(t, r);
                if (j + 1 < calls) {
                    life = HotlineLifecycle.closedBefore(life, t, times[j + 1]);
                }
                HotlineCase c = hotline.build(
                        t,
                        channel,
                        category,
                        content,
                        HotlineCases.Caller.identified(p),
                        ctx.places.inGrid(p.homeGrid(), r),
                        life,
                        r);
                plan.add(onDays[j], c, entry.caseIds::add);
            }
        }
    }

    /** Scenario 6: 重点 arrears cases; long-unresolved ones only if the period is long enough to have them. */
    private void planBigArrears(ScenarioPlan plan, int count) {
        SplittableRandom r = ctx.seeds.random("big-arrears");
        // a case reported on day d < staleDays ends its day more than 90 days before the period end
        int staleDays = days - ArrearsCases.STALE_DAYS - 1;
        BigKind[] kinds = staleDays > 0 ? BigKind.values() : new BigKind[] {BigKind.MANY_WORKERS, BigKind.LARGE_AMOUNT};
        for (int i = 0; i < count; i++) {
            BigKind kind = kinds[i % kinds.length];
            int day = kind == BigKind.LONG_UNRESOLVED ? r.nextInt(staleDays) : r.nextInt(days);
            LocalDateTime t = cal.timeOn(day, SourceType.ARREARS, r);
            plan.add(day, arrears.big(kind, t, r), plan.bigArrearsIds::add);
        }
    }

    /** Scenario 5: overdue cases, on days early enough for the late reply or close to fall inside the period. */
    private void planOverdue(ScenarioPlan plan, long count) {
        double[] w = cal.dayWeights(SourceType.HOTLINE);
        for (int d = Math.max(0, days - OVERDUE_LAST_DAY_FROM_END + 1); d < days; d++) {
            w[d] = 0;
        }
        long[] perDay = Allocation.spread(count, w);
        System.arraycopy(perDay, 0, plan.overduePerDay, 0, days);
        plan.countPlanned(SourceType.HOTLINE, count);
    }

    /**
     * Scenario 7: each month after the first gets the next topic of rising_topics.tsv in ~3 % of its hotline cases
     * and ~0.2 % of the previous month's; a one-month spec gets the first topic at ~3 %.
     */
    private void planRisingTopics(ScenarioPlan plan) {
        List<TopicTemplate> topics = ctx.ref.topics;
        int months = ctx.spec.months();
        double[] weights = cal.dayWeights(SourceType.HOTLINE);
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        long hotlineCases = ctx.split.count(SourceType.HOTLINE);
        int[] firstDay = new int[months + 1];
        for (int m = 0; m <= months; m++) {
            firstDay[m] = (int) ChronoUnit.DAYS.between(
                    ctx.spec.firstDay(), ctx.spec.firstMonth().plusMonths(m).atDay(1));
        }
        double[] expected = new double[months];
        for (int m = 0; m < months; m++) {
            double w = 0;
            for (int d = firstDay[m]; d < firstDay[m + 1]; d++) {
                w += weights[d];
            }
            expected[m] = hotlineCases * w / total;
        }
        if (months == 1) {
            RisingEntry entry = new RisingEntry(ctx.spec.firstMonth(), topics.get(0));
            plan.rising.add(entry);
            spreadOverMonth(
                    plan,
                    firstDay[0],
                    firstDay[1],
                    Math.max(1, Math.round(RISING_SHARE * expected[0])),
                    weights,
                    plan.risingPerDay,
                    plan.risingOfDay,
                    entry);
            return;
        }
        for (int m = 1; m < months; m++) {
            YearMonth month = ctx.spec.firstMonth().plusMonths(m);
            RisingEntry entry = new RisingEntry(month, topics.get((m - 1) % topics.size()));
            plan.rising.add(entry);
            spreadOverMonth(
                    plan,
                    firstDay[m],
                    firstDay[m + 1],
                    Math.max(1, Math.round(RISING_SHARE * expected[m])),
                    weights,
                    plan.risingPerDay,
                    plan.risingOfDay,
                    entry);
            spreadOverMonth(
                    plan,
                    firstDay[m - 1],
                    firstDay[m],
                    Math.max(1, Math.round(RISING_BASELINE_SHARE * expected[m - 1])),
                    weights,
                    plan.baselinePerDay,
                    plan.baselineOfDay,
                    entry);
        }
    }

    private static void spreadOverMonth(
            ScenarioPlan plan,
            int from,
            int to,
            long count,
            double[] weights,
            long[] perDay,
            RisingEntry[] entryOfDay,
            RisingEntry entry) {
        double[] w = new double[to - from];
        System.arraycopy(weights, from, w, 0, w.length);
        long[] parts = Allocation.spread(count, w);
        for (int i = 0; i < parts.length; i++) {
            perDay[from + i] = parts[i];
            entryOfDay[from + i] = entry;
        }
        plan.countPlanned(SourceType.HOTLINE, count);
    }

    /**
     * {@code n} distinct days whose first and last are at most {@code maxSpan} days apart (and at least n − 1), so
     * all n records fall within 30 days.
     */
    private int[] repeatDays(int n, int maxSpan, SplittableRandom r) {
        int limit = Math.min(maxSpan, days - 1);
        if (limit < n - 1) {
            throw new IllegalArgumentException("period of " + days + " days too short for " + n + " repeats");
        }
        int span = (n - 1) + r.nextInt(limit - (n - 1) + 1);
        int start = r.nextInt(days - span);
        TreeSet<Integer> offsets = new TreeSet<>(List.of(0, span));
        while (offsets.size() < n) {
            offsets.add(1 + r.nextInt(span - 1));
        }
        return offsets.stream().mapToInt(o -> start + o).toArray();
    }

    /** A template usable in every month, so a grievance repeated across months keeps its wording. */
    private ComplaintTemplate anySeasonTemplate(Category category, SplittableRandom r) {
        List<ComplaintTemplate> all = ctx.ref.complaints.stream()
                .filter(t -> t.categoryCode().equals(category.code()) && t.season() == Season.ALL)
                .toList();
        if (all.isEmpty()) {
            throw new IllegalStateException("no all-season template for " + category.name());
        }
        return all.get(r.nextInt(all.size()));
    }

    private static <T> void shuffle(List<T> list, SplittableRandom r) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}
