package org.gridgov.simulator.generator;

import java.time.LocalDateTime;
import java.util.SplittableRandom;
import org.gridgov.common.district.Category;
import org.gridgov.common.model.HotlineCase;
import org.gridgov.common.model.SourceType;
import org.gridgov.simulator.generator.CategoryMix.Choice;
import org.gridgov.simulator.generator.ReferenceData.TopicTemplate;
import org.gridgov.simulator.generator.ScenarioPlan.RisingEntry;

/**
 * Generates the plentiful planted hotline cases day by day instead of holding them from the start: overdue cases
 * and the rising-topic cases (and their sparse forerunners in the month before).
 */
final class DailyPlants {

    private final GeneratorContext ctx;
    private final ScenarioPlan plan;
    private final HotlineCases hotline;
    private long overdueOrdinal;

    DailyPlants(GeneratorContext ctx, ScenarioPlan plan, HotlineCases hotline) {
        this.ctx = ctx;
        this.plan = plan;
        this.hotline = hotline;
    }

    void add(int day, DayBatch batch) {
        SplittableRandom r = ctx.seeds.random("daily-plants", day);
        for (long i = 0; i < plan.overduePerDay[day]; i++) {
            batch.add(overdue(day, r), null, plan.overdueIds::add);
        }
        RisingEntry rising = plan.risingOfDay[day];
        for (long i = 0; i < plan.risingPerDay[day]; i++) {
            batch.add(topicCase(rising.topic, day, r), null, rising.caseIds::add);
        }
        RisingEntry next = plan.baselineOfDay[day];
        for (long i = 0; i < plan.baselinePerDay[day]; i++) {
            batch.add(topicCase(next.topic, day, r), null, next.previousMonthCaseIds::add);
        }
    }

    /** Half closed late, half replied late and still open. */
    private HotlineCase overdue(int day, SplittableRandom r) {
        LocalDateTime accept = ctx.calendar.timeOn(day, SourceType.HOTLINE, r);
        Person p = ctx.oneOff(GeneratorContext.DAILY_SLOT);
        Choice c = ctx.hotlineMix.pick(accept.getMonth(), r);
        Place place = ctx.places.inGrid(p.homeGrid(), r);
        String content = ctx.composer.compose(c.template().text(), c.category().code(), place, null, r);
        return hotline.build(
                accept,
                HotlineCases.channel(r),
                c.category(),
                content,
                HotlineCases.typicalCaller(p, r),
                place,
                ctx.lifecycle.overdue(accept, overdueOrdinal++ % 2 == 0, r),
                r);
    }

    private HotlineCase topicCase(TopicTemplate topic, int day, SplittableRandom r) {
        LocalDateTime accept = ctx.calendar.timeOn(day, SourceType.HOTLINE, r);
        Person p = ctx.oneOff(GeneratorContext.DAILY_SLOT);
        Place place = ctx.places.inGrid(p.homeGrid(), r);
        Category category = ctx.catalog.get(topic.categoryCode());
        String content = ctx.composer.compose(topic.text(), category.code(), place, null, r);
        return hotline.build(
                accept,
                HotlineCases.channel(r),
                category,
                content,
                HotlineCases.typicalCaller(p, r),
                place,
                ctx.lifecycle.onTime(accept, r),
                r);
    }
}
