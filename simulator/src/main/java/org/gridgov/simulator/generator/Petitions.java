package org.gridgov.simulator.generator;

import java.time.LocalDateTime;
import java.util.Set;
import java.util.SplittableRandom;
import org.gridgov.common.model.Petition;
import org.gridgov.common.model.PetitionForm;
import org.gridgov.common.model.SourceRecord;
import org.gridgov.common.model.SourceType;
import org.gridgov.simulator.generator.CategoryMix.Choice;

/** Builds background petitions (信访件); the planted ones reuse {@link #form} and the speaker convention. */
final class Petitions {

    /** Labour categories whose petitions name the employer in company_name. */
    static final Set<String> COMPANY_CATEGORIES = Set.of("C0401", "C0402", "C0403");

    static final String SPEAKER = "信访人反映";
    private static final double RESIDENT_SHARE = 0.35;

    private final GeneratorContext ctx;

    Petitions(GeneratorContext ctx) {
        this.ctx = ctx;
    }

    SourceRecord background(int day, SplittableRandom r) {
        LocalDateTime t = ctx.calendar.timeOn(day, SourceType.PETITION, r);
        Person p = ctx.backgroundPerson(ctx.petitionLedger, day, RESIDENT_SHARE, SourceType.PETITION, r);
        Choice c = ctx.petitionMix.pick(t.getMonth(), r);
        String company = null;
        // a labour petition names its employer, but only one no other petition names within 7 hours, so
        // background petitions never look like a group petition; when none is free, petition about something else
        for (int attempt = 0; COMPANY_CATEGORIES.contains(c.category().code()); attempt++) {
            company = attempt < 8 ? freeCompany(c.category().code(), t, r) : null;
            if (company != null) {
                break;
            }
            c = ctx.petitionMix.pick(t.getMonth(), r);
        }
        if (company != null) {
            ctx.companyLedger.register(company, t);
        }
        Place place = ctx.places.inGrid(p.homeGrid(), r);
        String content = TextComposer.respeak(
                ctx.composer.compose(c.template().text(), c.category().code(), place, company, r), SPEAKER);
        int groupSize = r.nextInt(100) < 5 ? 2 + r.nextInt(2) : 1;
        String phone = r.nextInt(100) < 85 ? p.phone() : null;
        return new Petition(
                1,
                null,
                p.name(),
                p.idCard(),
                phone,
                form(r),
                c.category().code(),
                content,
                company,
                groupSize,
                place.latitude(),
                place.longitude(),
                t);
    }

    private String freeCompany(String categoryCode, LocalDateTime t, SplittableRandom r) {
        for (int i = 0; i < 4; i++) {
            String name = ctx.composer.companyFor(categoryCode, r);
            if (ctx.companyLedger.isFree(name, t)) {
                return name;
            }
        }
        return null;
    }

    /** 来访 35 %, 网上 35 %, 来信 20 %, 电话 10 %. */
    static PetitionForm form(SplittableRandom r) {
        int x = r.nextInt(100);
        if (x < 35) {
            return PetitionForm.VISIT;
        }
        if (x < 70) {
            return PetitionForm.ONLINE;
        }
        return x < 90 ? PetitionForm.LETTER : PetitionForm.PHONE;
    }
}
