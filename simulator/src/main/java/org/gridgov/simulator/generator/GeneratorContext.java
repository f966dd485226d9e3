package org.gridgov.simulator.generator;

import java.util.SplittableRandom;
import org.gridgov.common.district.Category;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.district.District;
import org.gridgov.common.model.SourceType;

/**
 * Everything the record factories share for one generation run: reference data, places, people, category mixes
 * and the ledgers that keep background records out of the planted scenarios. Not thread-safe; one per run.
 */
final class GeneratorContext {

    /** Slots of one-off people: one per source's background, one for planned scenarios, one for daily plants. */
    static final int PLANNED_SLOT = SourceType.values().length;

    static final int DAILY_SLOT = PLANNED_SLOT + 1;

    /** A background resident's third record of a source comes more than this many days after the first. */
    static final int REPEAT_GAP_DAYS = 31;

    final GeneratorSpec spec;
    final Seeds seeds;
    final SourceSplit split;
    final PeriodCalendar calendar;
    final ReferenceData ref;
    final CategoryCatalog catalog;
    final Places places;
    final PersonPool people;
    final TextComposer composer;
    final HotlineLifecycle lifecycle;
    final CategoryMix hotlineMix;
    final CategoryMix petitionMix;
    final CategoryMix gridMix;
    final PersonLedger hotlineLedger;
    final PersonLedger petitionLedger;
    final PersonLedger policeLedger;
    final PersonLedger arrearsLedger;
    final CompanyLedger companyLedger = new CompanyLedger();
    private final long[] oneOffBase;
    private final long[] oneOffCapacity;
    private final long[] oneOffNext;

    GeneratorContext(GeneratorSpec spec, District district, CategoryCatalog catalog) {
        this.spec = spec;
        this.seeds = new Seeds(spec.seed());
        this.split = SourceSplit.of(spec.totalRecords());
        this.calendar = new PeriodCalendar(spec);
        this.ref = ReferenceData.standard();
        this.catalog = catalog;
        this.places = new Places(district);
        int members = (int) Math.min(Integer.MAX_VALUE, Math.max(200, spec.totalRecords() / 20));
        this.people = new PersonPool(spec.seed(), members, places.gridCount(), ref);
        this.composer = new TextComposer(ref);
        this.lifecycle = new HotlineLifecycle(calendar.end());
        this.hotlineMix = CategoryMixes.hotline(ref, catalog);
        this.petitionMix = CategoryMixes.petition(ref, catalog);
        this.gridMix = CategoryMixes.gridReport(ref, catalog);
        this.hotlineLedger = new PersonLedger(members, REPEAT_GAP_DAYS);
        this.petitionLedger = new PersonLedger(members, REPEAT_GAP_DAYS);
        this.policeLedger = new PersonLedger(members, 0);
        this.arrearsLedger = new PersonLedger(members, 0);
        int slots = DAILY_SLOT + 1;
        oneOffBase = new long[slots];
        oneOffCapacity = new long[slots];
        oneOffNext = new long[slots];
        long base = members;
        for (int s = 0; s < slots; s++) {
            // each background record takes at most one one-off person; plants are bounded by the hotline volume
            oneOffCapacity[s] =
                    s < PLANNED_SLOT ? split.count(SourceType.values()[s]) : split.count(SourceType.HOTLINE) + 1000;
            oneOffBase[s] = base;
            base += oneOffCapacity[s];
        }
        if (base > PersonPool.capacity()) {
            throw new IllegalArgumentException(spec.totalRecords() + " records need more distinct people (" + base
                    + ") than the ID-card space holds (" + PersonPool.capacity() + ")");
        }
    }

    /** The next person who appears only once, from the given slot. */
    Person oneOff(int slot) {
        if (oneOffNext[slot] >= oneOffCapacity[slot]) {
            throw new IllegalStateException("one-off people of slot " + slot + " exhausted");
        }
        return people.person(oneOffBase[slot] + oneOffNext[slot]++);
    }

    /**
     * With probability {@code residentShare} a resident the ledger allows (a few tries), otherwise a one-off person.
     */
    Person backgroundPerson(PersonLedger ledger, int day, double residentShare, SourceType source, SplittableRandom r) {
        if (r.nextDouble() < residentShare) {
            for (int attempt = 0; attempt < 3; attempt++) {
                int m = r.nextInt(people.members());
                if (ledger.tryUse(m, day)) {
                    return people.member(m);
                }
            }
        }
        return oneOff(source.ordinal());
    }

    Category category(String name) {
        return catalog.byName(name).orElseThrow(() -> new IllegalStateException("no category named " + name));
    }
}
