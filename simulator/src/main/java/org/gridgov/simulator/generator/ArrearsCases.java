package org.gridgov.simulator.generator;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;
import org.gridgov.common.model.ArrearsCase;
import org.gridgov.common.model.ArrearsStatus;
import org.gridgov.common.model.SourceRecord;
import org.gridgov.common.model.SourceType;
import org.gridgov.simulator.generator.ReferenceData.Company;

/**
 * Builds wage-arrears cases. Background cases stay below every 重点案件 threshold ({@link #MIN_WORKERS} workers,
 * {@link #MIN_AMOUNT_YUAN} yuan, unresolved for {@link #STALE_DAYS} days at the period end), so the planted big
 * cases are exactly the ones that meet them.
 */
final class ArrearsCases {

    static final int MIN_WORKERS = 30;
    static final long MIN_AMOUNT_YUAN = 1_000_000;
    static final int STALE_DAYS = 90;

    /** Why a planted case is big. */
    enum BigKind {
        MANY_WORKERS,
        LARGE_AMOUNT,
        LONG_UNRESOLVED
    }

    private static final double RESIDENT_SHARE = 0.2;

    private final GeneratorContext ctx;
    private final LocalDateTime staleCutoff;

    ArrearsCases(GeneratorContext ctx) {
        this.ctx = ctx;
        this.staleCutoff = staleCutoff(ctx.calendar.end());
    }

    /** Open cases reported before this are long unresolved. */
    static LocalDateTime staleCutoff(LocalDateTime periodEnd) {
        return periodEnd.minusDays(STALE_DAYS);
    }

    SourceRecord background(int day, SplittableRandom r) {
        LocalDateTime t = ctx.calendar.timeOn(day, SourceType.ARREARS, r);
        // 1–20 workers usually, up to 29; a few thousand to 15 000 yuan each, capped at 300 000
        int workers = r.nextInt(100) < 90 ? 1 + r.nextInt(20) : 21 + r.nextInt(9);
        long amount = Math.max(2_000, Math.min(299_990, workers * (2_000L + r.nextInt(13_000))));
        Person p = ctx.backgroundPerson(ctx.arrearsLedger, day, RESIDENT_SHARE, SourceType.ARREARS, r);
        return build(t, constructionMostly(r), workers, amount, p, r, false);
    }

    ArrearsCase big(BigKind kind, LocalDateTime t, SplittableRandom r) {
        Company company = construction(r);
        Person p = ctx.oneOff(GeneratorContext.PLANNED_SLOT);
        return switch (kind) {
            case MANY_WORKERS -> {
                int workers = MIN_WORKERS + r.nextInt(121);
                // stays below the amount threshold so each planted case shows one reason clearly
                yield build(t, company, workers, workers * (3_000L + r.nextInt(3_500)), p, r, false);
            }
            case LARGE_AMOUNT ->
                build(t, company, 5 + r.nextInt(21), MIN_AMOUNT_YUAN + 100L * r.nextInt(40_000), p, r, false);
            case LONG_UNRESOLVED -> build(t, company, 3 + r.nextInt(18), 20_000 + 10L * r.nextInt(28_000), p, r, true);
        };
    }

    private ArrearsCase build(
            LocalDateTime t,
            Company company,
            int workers,
            long amountYuan,
            Person p,
            SplittableRandom r,
            boolean keepOpen) {
        Place site = ctx.places.random(r);
        List<String> projects = ctx.ref.projectTexts.getOrDefault(
                company.industry(), ctx.ref.projectTexts.get(ReferenceData.CONSTRUCTION));
        String project =
                ctx.composer.compose(projects.get(r.nextInt(projects.size())), "C0401", site, company.name(), r);
        ArrearsStatus status;
        LocalDateTime resolved = null;
        // resolved within 3..89 days; whatever is not resolved by the export is still open or in progress
        LocalDateTime planned = t.plusDays(3 + r.nextInt(87)).plusSeconds(r.nextInt(86_400));
        int openOrInProgress = r.nextInt(100);
        if (keepOpen) {
            status = openOrInProgress < 50 ? ArrearsStatus.OPEN : ArrearsStatus.IN_PROGRESS;
        } else if (planned.isBefore(ctx.calendar.end())) {
            status = ArrearsStatus.RESOLVED;
            resolved = planned;
        } else {
            status = openOrInProgress < 40 ? ArrearsStatus.OPEN : ArrearsStatus.IN_PROGRESS;
        }
        if (!keepOpen && status != ArrearsStatus.RESOLVED && t.isBefore(staleCutoff)) {
            // cannot happen (planned < t + 90 days < end); guards the exactness of the big-case set
            throw new IllegalStateException("background arrears case reported " + t + " would be long unresolved");
        }
        String phone = r.nextInt(100) < 90 ? p.phone() : null;
        return new ArrearsCase(
                1,
                null,
                company.name(),
                project,
                workers,
                BigDecimal.valueOf(amountYuan, 0).setScale(2),
                p.name(),
                p.idCard(),
                phone,
                site.latitude(),
                site.longitude(),
                t,
                status,
                resolved);
    }

    private Company constructionMostly(SplittableRandom r) {
        if (r.nextInt(100) < 80) {
            return construction(r);
        }
        List<Company> all = ctx.ref.companies;
        return all.get(r.nextInt(all.size()));
    }

    private Company construction(SplittableRandom r) {
        List<Company> builders = ctx.ref.companies(ReferenceData.CONSTRUCTION);
        return builders.get(r.nextInt(builders.size()));
    }
}
