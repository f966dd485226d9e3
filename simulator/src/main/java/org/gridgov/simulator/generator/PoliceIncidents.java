package org.gridgov.simulator.generator;

import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;
import org.gridgov.common.model.IncidentType;
import org.gridgov.common.model.PoliceIncident;
import org.gridgov.common.model.SourceRecord;
import org.gridgov.common.model.SourceType;

/** Builds police incidents (警情); the involved person is known on about 60 %. */
final class PoliceIncidents {

    private static final IncidentType[] TYPES = {
        IncidentType.DISPUTE,
        IncidentType.THEFT,
        IncidentType.FRAUD,
        IncidentType.TRAFFIC,
        IncidentType.FIGHT,
        IncidentType.NOISE,
        IncidentType.WAGE,
        IncidentType.OTHER
    };
    private static final int[] TYPE_WEIGHTS = {25, 15, 12, 15, 8, 12, 5, 8};
    private static final double RESIDENT_SHARE = 0.3;

    private final GeneratorContext ctx;

    PoliceIncidents(GeneratorContext ctx) {
        this.ctx = ctx;
    }

    SourceRecord background(int day, SplittableRandom r) {
        LocalDateTime t = ctx.calendar.timeOn(day, SourceType.POLICE, r);
        IncidentType type = type(r);
        if (r.nextInt(100) >= 60) {
            return build(t, type, null, ctx.places.random(r), r);
        }
        Person p = ctx.backgroundPerson(ctx.policeLedger, day, RESIDENT_SHARE, SourceType.POLICE, r);
        return build(t, type, p, ctx.places.inGrid(p.homeGrid(), r), r);
    }

    /** An incident involving {@code p} (null: nobody identified), with ID card on 85 % and phone on 90 %. */
    PoliceIncident build(LocalDateTime t, IncidentType type, Person p, Place place, SplittableRandom r) {
        List<String> texts = ctx.ref.policeTexts.get(type);
        String content = ctx.composer.compose(
                texts.get(r.nextInt(texts.size())), type == IncidentType.WAGE ? "C0401" : "C0902", place, null, r);
        String name = null;
        String idCard = null;
        String phone = null;
        if (p != null) {
            name = p.name();
            idCard = r.nextInt(100) < 85 ? p.idCard() : null;
            phone = r.nextInt(100) < 90 ? p.phone() : null;
        }
        return new PoliceIncident(1, null, type, name, idCard, phone, content, place.latitude(), place.longitude(), t);
    }

    /** An incident whose person is fully identified, as for the planted cross-source persons. */
    PoliceIncident identified(LocalDateTime t, IncidentType type, Person p, Place place, SplittableRandom r) {
        List<String> texts = ctx.ref.policeTexts.get(type);
        String content = ctx.composer.compose(texts.get(r.nextInt(texts.size())), "C0902", place, null, r);
        return new PoliceIncident(
                1, null, type, p.name(), p.idCard(), p.phone(), content, place.latitude(), place.longitude(), t);
    }

    private static IncidentType type(SplittableRandom r) {
        int x = r.nextInt(100);
        int i = 0;
        while (x >= TYPE_WEIGHTS[i]) {
            x -= TYPE_WEIGHTS[i];
            i++;
        }
        return TYPES[i];
    }
}
