package org.gridgov.simulator.generator;

import java.time.LocalDateTime;
import java.util.SplittableRandom;
import org.gridgov.common.district.Category;
import org.gridgov.common.model.Channel;
import org.gridgov.common.model.HotlineCase;
import org.gridgov.common.model.SourceRecord;
import org.gridgov.common.model.SourceType;
import org.gridgov.simulator.generator.CategoryMix.Choice;
import org.gridgov.simulator.generator.HotlineLifecycle.Lifecycle;

/** Builds 12345 cases: background ones and the pieces the planted scenarios reuse. Ids are given later. */
final class HotlineCases {

    /** Who the platform recorded as the caller; any part may be missing. */
    record Caller(String name, String phone, String idCard) {
        static Caller identified(Person p) {
            return new Caller(p.name(), p.phone(), p.idCard());
        }
    }

    private static final Channel[] CHANNELS = {
        Channel.PHONE, Channel.WECHAT, Channel.WEB, Channel.APP, Channel.GOV_INTERACTION, Channel.LETTER_VISIT
    };
    private static final int[] CHANNEL_WEIGHTS = {60, 12, 8, 10, 6, 4};
    /** Share of callers who are recurring residents rather than one-off callers. */
    private static final double RESIDENT_SHARE = 0.25;

    private final GeneratorContext ctx;

    HotlineCases(GeneratorContext ctx) {
        this.ctx = ctx;
    }

    SourceRecord background(int day, SplittableRandom r) {
        LocalDateTime accept = ctx.calendar.timeOn(day, SourceType.HOTLINE, r);
        Person p = ctx.backgroundPerson(ctx.hotlineLedger, day, RESIDENT_SHARE, SourceType.HOTLINE, r);
        return typical(accept, p, r);
    }

    /** An ordinary case on time by a typical caller: the background, and the carrier of the rising topics. */
    HotlineCase typical(LocalDateTime accept, Person p, SplittableRandom r) {
        Choice c = ctx.hotlineMix.pick(accept.getMonth(), r);
        Place place = ctx.places.inGrid(p.homeGrid(), r);
        String content = ctx.composer.compose(c.template().text(), c.category().code(), place, null, r);
        return build(
                accept,
                channel(r),
                c.category(),
                content,
                typicalCaller(p, r),
                place,
                ctx.lifecycle.onTime(accept, r),
                r);
    }

    HotlineCase build(
            LocalDateTime accept,
            Channel channel,
            Category category,
            String content,
            Caller caller,
            Place place,
            Lifecycle lc,
            SplittableRandom r) {
        return new HotlineCase(
                1,
                null,
                channel,
                category.code(),
                content,
                caller.name(),
                caller.phone(),
                caller.idCard(),
                place.latitude(),
                place.longitude(),
                Places.address(place, r),
                category.department(),
                accept,
                lc.deadline(),
                lc.status(),
                lc.reply(),
                lc.close(),
                lc.satisfaction());
    }

    /** Phone on about 95 % of cases, ID card on about 30 %, name on about 70 %. */
    static Caller typicalCaller(Person p, SplittableRandom r) {
        int x = r.nextInt(1000);
        String phone = x < 950 ? p.phone() : null;
        String idCard = r.nextInt(100) < 30 ? p.idCard() : null;
        String name = r.nextInt(100) < 70 ? p.name() : null;
        return new Caller(name, phone, idCard);
    }

    static Channel channel(SplittableRandom r) {
        int x = r.nextInt(100);
        int i = 0;
        while (x >= CHANNEL_WEIGHTS[i]) {
            x -= CHANNEL_WEIGHTS[i];
            i++;
        }
        return CHANNELS[i];
    }
}
