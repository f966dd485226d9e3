package org.gridgov.simulator.generator;

import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;
import org.gridgov.common.district.District;
import org.gridgov.common.district.Grid;
import org.gridgov.common.model.DisputeType;
import org.gridgov.common.model.GridRecord;
import org.gridgov.common.model.GridRecordKind;
import org.gridgov.common.model.MediationOutcome;
import org.gridgov.common.model.SourceRecord;
import org.gridgov.common.model.SourceType;
import org.gridgov.simulator.generator.CategoryMix.Choice;

/**
 * Builds grid workers' event-like records, the grid source's share of {@code totalRecords}: event reports 40 % (with
 * a category), household visits 40 %, dispute mediations 20 % (most settled). Attendance and patrols, which every
 * worker records each working day, come from {@link GridWork} on top.
 */
final class GridRecords {

    /** Relative frequencies of the dispute types grid workers mediate, in {@link DisputeType} order. */
    private static final int[] DISPUTE_WEIGHTS = {30, 20, 20, 10, 10, 5, 5};

    private final GeneratorContext ctx;

    GridRecords(GeneratorContext ctx) {
        this.ctx = ctx;
    }

    SourceRecord background(int day, SplittableRandom r) {
        LocalDateTime t = ctx.calendar.timeOn(day, SourceType.GRID, r);
        int x = r.nextInt(100);
        GridRecordKind kind = x < 40 ? GridRecordKind.REPORT : x < 80 ? GridRecordKind.VISIT : GridRecordKind.MEDIATION;
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
        DisputeType dispute = null;
        MediationOutcome outcome = null;
        if (kind == GridRecordKind.REPORT) {
            Choice c = ctx.gridMix.pick(t.getMonth(), r);
            category = c.category().code();
            content = TextComposer.respeak(
                    ctx.composer.compose(c.template().text(), category, place, null, r), "网格员上报，居民反映");
        } else {
            List<String> texts = ctx.ref.gridTexts.get(kind);
            content = ctx.composer.compose(texts.get(r.nextInt(texts.size())), "C1204", place, null, r);
            if (kind == GridRecordKind.MEDIATION) {
                dispute = DisputeType.values()[weighted(DISPUTE_WEIGHTS, r)];
                int o = r.nextInt(100);
                outcome =
                        o < 70 ? MediationOutcome.RESOLVED : o < 90 ? MediationOutcome.PARTLY : MediationOutcome.FAILED;
                content = content + "（" + dispute.label() + "，" + outcome.label() + "）";
            }
        }
        if (!ctx.places.locatedIn(place)) {
            throw new IllegalStateException("point " + place + " is not located in its grid");
        }
        return new GridRecord(
                GridRecord.SCHEMA_VERSION,
                null,
                kind,
                place.grid().code(),
                workerId(place),
                idCard,
                category,
                content,
                place.latitude(),
                place.longitude(),
                t,
                null,
                null,
                null,
                null,
                dispute,
                outcome);
    }

    private static int weighted(int[] weights, SplittableRandom r) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int x = r.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** One worker per grid: W and the grid code without the district prefix. */
    static String workerId(Place place) {
        return workerId(place.grid());
    }

    static String workerId(Grid grid) {
        return "W" + grid.code().substring(District.CODE.length());
    }
}
