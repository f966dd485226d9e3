package org.gridgov.simulator.generator;

import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;
import org.gridgov.common.district.District;
import org.gridgov.common.model.GridRecord;
import org.gridgov.common.model.GridRecordKind;
import org.gridgov.common.model.SourceRecord;
import org.gridgov.common.model.SourceType;
import org.gridgov.simulator.generator.CategoryMix.Choice;

/** Builds grid workers' records: patrols 45 %, event reports 30 % (with a category), household visits 25 %. */
final class GridRecords {

    private final GeneratorContext ctx;

    GridRecords(GeneratorContext ctx) {
        this.ctx = ctx;
    }

    SourceRecord background(int day, SplittableRandom r) {
        LocalDateTime t = ctx.calendar.timeOn(day, SourceType.GRID, r);
        int x = r.nextInt(100);
        GridRecordKind kind = x < 45 ? GridRecordKind.PATROL : x < 75 ? GridRecordKind.REPORT : GridRecordKind.VISIT;
        String idCard = null;
        Place place;
        if (kind == GridRecordKind.VISIT) {
            // a visit is to a resident at home, in the resident's grid
            Person p = ctx.people.member(r.nextInt(ctx.people.members()));
            idCard = p.idCard();
            place = ctx.places.inGrid(p.homeGrid(), r);
        } else {
            place = ctx.places.random(r);
        }
        String category = null;
        String content;
        if (kind == GridRecordKind.REPORT) {
            Choice c = ctx.gridMix.pick(t.getMonth(), r);
            category = c.category().code();
            content = TextComposer.respeak(ctx.composer.compose(c.template().text(), category, place, null, r),
                    "网格员上报，居民反映");
        } else {
            List<String> texts = ctx.ref.gridTexts.get(kind);
            content = ctx.composer.compose(texts.get(r.nextInt(texts.size())), "C1204", place, null, r);
        }
        if (!ctx.places.locatedIn(place)) {
            throw new IllegalStateException("point " + place + " is not located in its grid");
        }
        return new GridRecord(1, null, kind, place.grid().code(), workerId(place), idCard, category, content,
                place.latitude(), place.longitude(), t);
    }

    /** One worker per grid: W and the grid code without the district prefix. */
    static String workerId(Place place) {
        return "W" + place.grid().code().substring(District.CODE.length());
    }
}
