package org.gridgov.simulator.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.district.District;
import org.gridgov.common.model.ArrearsCase;
import org.gridgov.common.model.ArrearsStatus;
import org.gridgov.common.model.CaseStatus;
import org.gridgov.common.model.Channel;
import org.gridgov.common.model.GridRecord;
import org.gridgov.common.model.GridRecordKind;
import org.gridgov.common.model.HotlineCase;
import org.gridgov.common.model.Petition;
import org.gridgov.common.model.PoliceIncident;
import org.gridgov.common.model.SourceRecord;
import org.gridgov.common.model.SourceType;
import org.gridgov.simulator.generator.GeneratedDataset.Line;
import org.gridgov.simulator.generator.GroundTruth.InvalidRecords;
import org.junit.jupiter.api.Test;

/** The demo dataset: exact counts, what the decoder accepts and rejects, order, places, times and plausibility. */
class SyntheticDataGeneratorTest {

    private final GeneratedDataset data = GeneratedDataset.demo();

    @Test
    void emitsExactlyTheSplitPerSource() {
        SourceSplit split = SourceSplit.of(20_000);
        assertThat(split.count(SourceType.HOTLINE)).isEqualTo(10_000);
        assertThat(split.count(SourceType.GRID)).isEqualTo(5_000);
        assertThat(split.count(SourceType.POLICE)).isEqualTo(2_000);
        assertThat(split.count(SourceType.PETITION)).isEqualTo(2_000);
        assertThat(split.count(SourceType.ARREARS)).isEqualTo(1_000);
        for (SourceType s : SourceType.values()) {
            assertThat(data.lines(s).count()).as(s.name()).isEqualTo(split.count(s));
            assertThat(data.truth.emitted(s)).as(s.name()).isEqualTo(split.count(s));
        }
        assertThat(data.lines).hasSize(20_000);
    }

    @Test
    void brokenRecordsAreExactlyTheInvalidRateAndAllRejected() {
        for (SourceType s : SourceType.values()) {
            InvalidRecords invalid = data.truth.invalidRecords().get(s);
            long expected = Math.round(SourceSplit.of(20_000).count(s) * 0.02);
            assertThat(invalid.count()).as(s.name()).isEqualTo(expected);
            assertThat(invalid.byDefect().values().stream()
                            .mapToLong(Long::longValue)
                            .sum())
                    .isEqualTo(expected);
            List<Line> rejected = data.lines(s).filter(l -> !l.valid()).toList();
            assertThat(rejected).as(s + " rejected").hasSize((int) expected);
            assertThat(rejected.stream().map(Line::key).filter(k -> k != null).toList())
                    .containsExactlyElementsOf(invalid.recordIds());
            assertThat(data.truth.valid(s)).isEqualTo(SourceSplit.of(20_000).count(s) - expected);
            assertThat(data.lines(s).filter(Line::valid).count()).isEqualTo(data.truth.valid(s));
        }
        // every defect kind that applies to the hotline occurs there
        assertThat(data.truth.invalidRecords().get(SourceType.HOTLINE).byDefect())
                .allSatisfy((d, n) -> assertThat(n).as(d.name()).isPositive());
        assertThat(data.truth.invalidRecords().get(SourceType.ARREARS).byDefect())
                .doesNotContainKey(Defect.UNKNOWN_CATEGORY);
    }

    @Test
    void everyValidLineIsAcceptedAndKeyedByItsId() {
        Set<String> invalidIds = new HashSet<>();
        data.truth.invalidRecords().values().forEach(i -> invalidIds.addAll(i.recordIds()));
        for (Line l : data.lines) {
            if (l.key() == null || invalidIds.contains(l.key())) {
                assertThat(l.valid()).as(l.json()).isFalse();
            } else {
                assertThat(l.valid())
                        .as(l.decoded().reason() + " in " + l.json())
                        .isTrue();
                assertThat(l.decoded().value().recordId()).isEqualTo(l.key());
                assertThat(l.decoded().value().source()).isEqualTo(l.source());
            }
        }
    }

    @Test
    void validRecordsAreAlsoAcceptedByTheStandardDecoder() {
        var standard = org.gridgov.common.validation.RecordDecoder.standard();
        assertThat(data.lines.stream().filter(Line::valid).limit(3000)).allSatisfy(l -> assertThat(
                        standard.decode(l.source(), l.json()).isValid())
                .isTrue());
    }

    @Test
    void linesAreOneLineEachAndIdsAreUnique() {
        assertThat(data.lines).allSatisfy(l -> assertThat(l.json()).doesNotContain("\n"));
        List<String> keys =
                data.lines.stream().map(Line::key).filter(k -> k != null).toList();
        assertThat(new HashSet<>(keys)).hasSize(keys.size());
        assertThat(keys).allSatisfy(k -> assertThat(k).matches("(RX|XF|QX|JQ|WG)2024\\d{4}-\\d{7}"));
    }

    @Test
    void recordsAreEmittedInEventTimeOrderAcrossSources() {
        LocalDateTime previous = LocalDateTime.MIN;
        for (Line l : data.lines) {
            if (l.valid()) {
                LocalDateTime t = l.decoded().value().eventTime();
                assertThat(t).as("line " + l.position()).isAfterOrEqualTo(previous);
                previous = t;
            }
        }
        // every day of the month has records of every source
        Map<SourceType, Set<Integer>> days = new HashMap<>();
        valid().forEach(r -> days.computeIfAbsent(r.source(), k -> new HashSet<>())
                .add(r.eventTime().getDayOfMonth()));
        assertThat(days.values()).allSatisfy(d -> assertThat(d).hasSize(31));
    }

    @Test
    void recordedTimesLieInsideThePeriod() {
        LocalDateTime start = data.spec.periodStart();
        LocalDateTime end = data.spec.periodEnd();
        for (SourceRecord r : valid()) {
            assertThat(r.eventTime()).isAfterOrEqualTo(start).isBefore(end);
            if (r instanceof HotlineCase c) {
                for (LocalDateTime t : new LocalDateTime[] {c.replyTime(), c.closeTime()}) {
                    if (t != null) {
                        assertThat(t).isAfterOrEqualTo(c.acceptTime()).isBefore(end);
                    }
                }
                assertThat(c.deadline()).isAfter(c.acceptTime());
            } else if (r instanceof ArrearsCase a && a.resolvedTime() != null) {
                assertThat(a.resolvedTime()).isAfterOrEqualTo(a.reportTime()).isBefore(end);
            }
        }
        // working hours dominate
        long office = valid().stream()
                .filter(r -> r.eventTime().getHour() >= 8 && r.eventTime().getHour() < 18)
                .count();
        assertThat(office).isGreaterThan(valid().size() * 6L / 10);
    }

    @Test
    void gridRecordsLieInTheirGridAndEveryPointInADistrictGrid() {
        District district = District.licheng();
        for (SourceRecord r : valid()) {
            assertThat(district.locate(r.latitude(), r.longitude()))
                    .as(r.recordId())
                    .isPresent();
        }
        List<GridRecord> grid = data.valid(SourceType.GRID, GridRecord.class);
        assertThat(grid).allSatisfy(g -> {
            assertThat(district.locate(g.latitude(), g.longitude())
                            .orElseThrow()
                            .code())
                    .isEqualTo(g.gridCode());
            assertThat(g.workerId()).isEqualTo("W" + g.gridCode().substring(6));
            assertThat(g.kind() == GridRecordKind.VISIT).isEqualTo(g.personIdCard() != null);
            assertThat(g.kind() == GridRecordKind.REPORT).isEqualTo(g.categoryCode() != null);
        });
        // without spec.gridWork, no attendance and no patrols: those come from GridWork (GridWorkTest)
        assertThat(grid.stream().map(GridRecord::kind).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(GridRecordKind.REPORT, GridRecordKind.VISIT, GridRecordKind.MEDIATION);
        assertThat(grid).allSatisfy(g -> {
            assertThat(g.schemaVersion()).isEqualTo(GridRecord.SCHEMA_VERSION);
            assertThat(g.kind() == GridRecordKind.MEDIATION)
                    .isEqualTo(g.outcome() != null)
                    .isEqualTo(g.disputeType() != null);
        });
    }

    @Test
    void hotlineCasesLookLikeTheHotline() {
        List<HotlineCase> cases = data.valid(SourceType.HOTLINE, HotlineCase.class);
        CategoryCatalog catalog = CategoryCatalog.standard();
        double n = cases.size();
        assertThat(share(cases, c -> c.channel() == Channel.PHONE)).isBetween(0.5, 0.7);
        assertThat(cases.stream().map(HotlineCase::channel).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Channel.values());
        assertThat(share(cases, c -> c.callerPhone() != null)).isBetween(0.9, 0.99);
        assertThat(share(cases, c -> c.callerIdCard() != null)).isBetween(0.25, 0.4);
        assertThat(share(cases, c -> c.status() == CaseStatus.CLOSED)).isGreaterThan(0.6);
        assertThat(cases.stream().map(HotlineCase::status).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(CaseStatus.values());
        List<HotlineCase> rated =
                cases.stream().filter(c -> c.satisfaction() != null).toList();
        assertThat(rated).allSatisfy(c -> assertThat(c.status()).isEqualTo(CaseStatus.CLOSED));
        assertThat(share(rated, c -> c.satisfaction() >= 4)).isGreaterThan(0.7);
        assertThat(cases).allSatisfy(c -> {
            assertThat(c.department()).isEqualTo(catalog.get(c.categoryCode()).department());
            assertThat(c.content()).doesNotContain("{").doesNotContain("}");
            assertThat(c.address()).startsWith("济南市历城区");
        });
        assertThat(n).isGreaterThan(9_000);
    }

    @Test
    void otherSourcesLookPlausible() {
        List<Petition> petitions = data.valid(SourceType.PETITION, Petition.class);
        assertThat(petitions).allSatisfy(p -> {
            assertThat(p.companyName() == null || Petitions.COMPANY_CATEGORIES.contains(p.categoryCode()))
                    .isTrue();
            assertThat(p.content()).startsWith("信访人");
            assertThat(p.groupSize()).isBetween(1, 3);
        });
        assertThat(share(petitions, p -> p.companyName() != null)).isGreaterThan(0.05);

        List<ArrearsCase> arrears = data.valid(SourceType.ARREARS, ArrearsCase.class);
        assertThat(share(arrears, a -> a.workerCount() <= 20)).isGreaterThan(0.8);
        assertThat(share(
                        arrears,
                        a -> a.amountYuan().longValue() >= 2_000
                                && a.amountYuan().longValue() <= 300_000))
                .isGreaterThan(0.9);
        assertThat(arrears.stream().map(ArrearsCase::status).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(ArrearsStatus.values());
        assertThat(arrears).allSatisfy(a -> assertThat(a.status() == ArrearsStatus.RESOLVED)
                .isEqualTo(a.resolvedTime() != null));

        List<PoliceIncident> police = data.valid(SourceType.POLICE, PoliceIncident.class);
        assertThat(share(police, i -> i.personName() != null)).isBetween(0.5, 0.7);
    }

    @Test
    void residentsRecurAcrossSources() {
        Map<String, Set<SourceType>> sourcesById = new HashMap<>();
        for (SourceRecord r : valid()) {
            String id = personIdCard(r);
            if (id != null) {
                sourcesById
                        .computeIfAbsent(id, k -> EnumSet.noneOf(SourceType.class))
                        .add(r.source());
            }
        }
        assertThat(sourcesById.values().stream().filter(s -> s.size() >= 3).count())
                .isGreaterThan(20);
        // names are Chinese, 2 to 5 characters
        assertThat(data.valid(SourceType.PETITION, Petition.class))
                .allSatisfy(p -> assertThat(p.personName()).matches("\\p{IsHan}{2,4}"));
    }

    static String personIdCard(SourceRecord r) {
        if (r instanceof HotlineCase c) {
            return c.callerIdCard();
        } else if (r instanceof Petition p) {
            return p.personIdCard();
        } else if (r instanceof ArrearsCase a) {
            return a.complainantIdCard();
        } else if (r instanceof PoliceIncident i) {
            return i.personIdCard();
        }
        return ((GridRecord) r).personIdCard();
    }

    private List<SourceRecord> valid() {
        return data.lines.stream()
                .filter(Line::valid)
                .map(l -> l.decoded().value())
                .toList();
    }

    private static <T> double share(List<T> items, Function<T, Boolean> test) {
        return items.stream().filter(test::apply).count() / (double) items.size();
    }
}
