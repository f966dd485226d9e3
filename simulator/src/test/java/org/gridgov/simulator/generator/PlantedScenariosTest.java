package org.gridgov.simulator.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.simulator.generator.ScenarioRecomputation.THIRTY_DAYS;

import java.time.Duration;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gridgov.common.model.ArrearsCase;
import org.gridgov.common.model.ArrearsStatus;
import org.gridgov.common.model.HotlineCase;
import org.gridgov.common.model.Petition;
import org.gridgov.common.model.PoliceIncident;
import org.gridgov.common.model.SourceType;
import org.gridgov.simulator.generator.GroundTruth.BigArrears;
import org.gridgov.simulator.generator.GroundTruth.CrossSourcePerson;
import org.gridgov.simulator.generator.GroundTruth.GroupPetition;
import org.gridgov.simulator.generator.GroundTruth.RepeatCaller;
import org.gridgov.simulator.generator.GroundTruth.RepeatPetitioner;
import org.gridgov.simulator.generator.GroundTruth.RisingTopic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every planted scenario, recomputed from the emitted valid records by its definition, equals the ground truth
 * exactly — on the one-month demo, on five months from spring into summer and on thirteen months (rising topics
 * month over month, long-unresolved arrears).
 */
class PlantedScenariosTest {

    static List<GeneratorSpec> specs() {
        return List.of(GeneratorSpec.demo(), fiveMonths(), thirteenMonths());
    }

    /** A leap February, every season, and more months than rising topics, so the topics rotate round. */
    static GeneratorSpec thirteenMonths() {
        return new GeneratorSpec(11L, YearMonth.of(2023, 10), 13, 40_000, 0.01);
    }

    static GeneratorSpec fiveMonths() {
        return new GeneratorSpec(7L, YearMonth.of(2024, 4), 5, 30_000, 0.03);
    }

    @ParameterizedTest
    @MethodSource("specs")
    void repeatPetitionersAreExactlyThePlantedOnes(GeneratorSpec spec) {
        GeneratedDataset data = GeneratedDataset.of(spec);
        List<Petition> petitions = data.valid(SourceType.PETITION, Petition.class);
        Map<String, List<String>> recomputed =
                ScenarioRecomputation.repeated(petitions, Petition::personIdCard, 3, THIRTY_DAYS);
        List<RepeatPetitioner> planted = data.truth.repeatPetitioners();
        assertThat(planted).hasSizeGreaterThanOrEqualTo(Math.max(5, (int) (spec.totalRecords() / 10 / 200)));
        assertThat(recomputed).hasSameSizeAs(planted);
        for (RepeatPetitioner p : planted) {
            assertThat(recomputed.get(p.idCard())).as(p.idCard()).containsExactlyElementsOf(p.petitionIds());
            assertThat(p.petitionIds()).hasSizeBetween(3, 6);
            List<Petition> own = petitions.stream()
                    .filter(x -> p.petitionIds().contains(x.petitionId()))
                    .toList();
            assertThat(own).allSatisfy(x -> {
                assertThat(x.categoryCode()).isEqualTo(p.categoryCode());
                assertThat(x.personName()).isEqualTo(p.name());
            });
            assertThat(Duration.between(
                            own.get(0).petitionTime(), own.get(own.size() - 1).petitionTime()))
                    .isLessThanOrEqualTo(THIRTY_DAYS);
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void groupPetitionsAreExactlyThePlantedOnes(GeneratorSpec spec) {
        GeneratedDataset data = GeneratedDataset.of(spec);
        List<Petition> petitions = data.valid(SourceType.PETITION, Petition.class);
        List<GroupPetition> planted = data.truth.groupPetitions();
        assertThat(planted).hasSizeGreaterThanOrEqualTo(3);
        assertThat(ScenarioRecomputation.groupPetitionIds(petitions))
                .containsExactlyInAnyOrderElementsOf(
                        planted.stream().flatMap(g -> g.petitionIds().stream()).toList());
        String wages = org.gridgov.common.district.CategoryCatalog.standard()
                .byName("拖欠工资")
                .orElseThrow()
                .code();
        for (GroupPetition g : planted) {
            List<Petition> members = petitions.stream()
                    .filter(p -> g.petitionIds().contains(p.petitionId()))
                    .toList();
            assertThat(members).hasSameSizeAs(g.petitionIds()).allSatisfy(p -> {
                assertThat(p.companyName()).isEqualTo(g.companyName());
                assertThat(p.categoryCode()).isEqualTo(wages).isEqualTo(g.categoryCode());
                assertThat(p.groupSize()).isEqualTo(1);
                assertThat(p.petitionTime()).isBetween(g.windowStart(), g.windowEnd());
            });
            assertThat(members.stream().map(Petition::personIdCard).collect(Collectors.toSet()))
                    .hasSizeGreaterThanOrEqualTo(5)
                    .containsExactlyInAnyOrderElementsOf(g.personIdCards());
            assertThat(Duration.between(g.windowStart(), g.windowEnd())).isLessThanOrEqualTo(Duration.ofHours(6));
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void repeatCallersAreExactlyThePlantedOnes(GeneratorSpec spec) {
        GeneratedDataset data = GeneratedDataset.of(spec);
        List<HotlineCase> cases = data.valid(SourceType.HOTLINE, HotlineCase.class);
        List<RepeatCaller> planted = data.truth.repeatCallers();
        assertThat(planted).hasSizeGreaterThanOrEqualTo(5);
        // per person (ID card if given, else phone, as PiiProtector.personKey) and category
        Map<String, List<String>> byPersonAndCategory = ScenarioRecomputation.repeated(
                cases, c -> personKey(c) == null ? null : personKey(c) + "|" + c.categoryCode(), 3, THIRTY_DAYS);
        assertThat(byPersonAndCategory.keySet())
                .containsExactlyInAnyOrderElementsOf(planted.stream()
                        .map(p -> p.idCard() + "|" + p.categoryCode())
                        .toList());
        // and no one else calls three times in 30 days even on different categories, by ID card or by phone
        assertThat(ScenarioRecomputation.repeated(cases, HotlineCase::callerIdCard, 3, THIRTY_DAYS)
                        .keySet())
                .containsExactlyInAnyOrderElementsOf(
                        planted.stream().map(RepeatCaller::idCard).toList());
        assertThat(ScenarioRecomputation.repeated(cases, HotlineCase::callerPhone, 3, THIRTY_DAYS)
                        .keySet())
                .containsExactlyInAnyOrderElementsOf(
                        planted.stream().map(RepeatCaller::phone).toList());
        for (RepeatCaller p : planted) {
            assertThat(byPersonAndCategory.get(p.idCard() + "|" + p.categoryCode()))
                    .containsExactlyElementsOf(p.caseIds());
            assertThat(cases.stream().filter(c -> p.caseIds().contains(c.caseId())))
                    .allSatisfy(c -> {
                        assertThat(c.callerIdCard()).isEqualTo(p.idCard());
                        assertThat(c.callerPhone()).isEqualTo(p.phone());
                    });
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void crossSourcePersonsAreTheRepeatPetitionersSeenByThePolice(GeneratorSpec spec) {
        GeneratedDataset data = GeneratedDataset.of(spec);
        List<PoliceIncident> incidents = data.valid(SourceType.POLICE, PoliceIncident.class);
        Set<String> repeatPetitioners = data.truth.repeatPetitioners().stream()
                .map(RepeatPetitioner::idCard)
                .collect(Collectors.toSet());
        Map<String, List<String>> seenByPolice = incidents.stream()
                .filter(i -> repeatPetitioners.contains(i.personIdCard()))
                .collect(Collectors.groupingBy(
                        PoliceIncident::personIdCard,
                        Collectors.mapping(PoliceIncident::incidentId, Collectors.toList())));
        List<CrossSourcePerson> planted = data.truth.crossSourcePersons();
        assertThat(planted).hasSizeGreaterThanOrEqualTo(3);
        assertThat(seenByPolice).hasSameSizeAs(planted);
        for (CrossSourcePerson p : planted) {
            assertThat(seenByPolice.get(p.idCard())).containsExactlyElementsOf(p.incidentIds());
            assertThat(p.petitionIds()).hasSizeGreaterThanOrEqualTo(3);
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void overdueCasesAreExactlyWhatTheLoaderFlags(GeneratorSpec spec) {
        GeneratedDataset data = GeneratedDataset.of(spec);
        List<HotlineCase> cases = data.valid(SourceType.HOTLINE, HotlineCase.class);
        List<String> planted = data.truth.overdueCases().caseIds();
        assertThat(planted.size()).isGreaterThanOrEqualTo(Math.max(10, cases.size() / 100));
        assertThat(ScenarioRecomputation.overdueIds(cases)).containsExactlyInAnyOrderElementsOf(planted);
    }

    @ParameterizedTest
    @MethodSource("specs")
    void bigArrearsCasesAreExactlyThoseOverTheThresholds(GeneratorSpec spec) {
        GeneratedDataset data = GeneratedDataset.of(spec);
        List<ArrearsCase> cases = data.valid(SourceType.ARREARS, ArrearsCase.class);
        BigArrears big = data.truth.bigArrears();
        assertThat(big.minWorkerCount()).isEqualTo(30);
        assertThat(big.minAmountYuan()).isEqualTo(1_000_000);
        assertThat(big.staleCutoff()).isEqualTo(spec.periodEnd().minusDays(90));
        assertThat(big.caseIds()).hasSizeGreaterThanOrEqualTo((int) Math.max(5, cases.size() / 50));
        assertThat(ScenarioRecomputation.bigArrearsIds(cases, big)).containsExactlyInAnyOrderElementsOf(big.caseIds());
        List<ArrearsCase> planted =
                cases.stream().filter(a -> big.caseIds().contains(a.caseId())).toList();
        assertThat(planted)
                .anyMatch(a -> a.workerCount() >= 30)
                .anyMatch(a -> a.amountYuan().longValue() >= 1_000_000);
        boolean longEnough = spec.months() >= 4;
        assertThat(planted.stream()
                        .anyMatch(a -> a.status() != ArrearsStatus.RESOLVED
                                && a.reportTime().isBefore(big.staleCutoff())))
                .isEqualTo(longEnough);
    }

    @ParameterizedTest
    @MethodSource("specs")
    void risingTopicsAppearOnlyInThePlantedCases(GeneratorSpec spec) {
        GeneratedDataset data = GeneratedDataset.of(spec);
        List<HotlineCase> cases = data.valid(SourceType.HOTLINE, HotlineCase.class);
        List<RisingTopic> topics = data.truth.risingTopics();
        assertThat(topics).hasSize(Math.max(1, spec.months() - 1));
        List<String> words = ReferenceData.standard().topics.stream()
                .map(ReferenceData.TopicTemplate::word)
                .toList();
        for (int i = 0; i < topics.size(); i++) {
            RisingTopic t = topics.get(i);
            assertThat(t.topicWord()).isEqualTo(words.get(i % words.size()));
            YearMonth expectedMonth =
                    spec.months() == 1 ? spec.firstMonth() : spec.firstMonth().plusMonths(i + 1);
            assertThat(t.month()).isEqualTo(expectedMonth);
            YearMonth month = t.month();
            List<HotlineCase> withWord = cases.stream()
                    .filter(c -> c.content().contains(t.topicWord()))
                    .toList();
            assertThat(withWord.stream()
                            .filter(c -> YearMonth.from(c.acceptTime()).equals(month))
                            .map(HotlineCase::caseId))
                    .containsExactlyInAnyOrderElementsOf(t.caseIds());
            assertThat(withWord.stream()
                            .filter(c -> YearMonth.from(c.acceptTime()).equals(month.minusMonths(1)))
                            .map(HotlineCase::caseId))
                    .containsExactlyInAnyOrderElementsOf(t.previousMonthCaseIds());
            long inMonth = cases.stream()
                    .filter(c -> YearMonth.from(c.acceptTime()).equals(month))
                    .count();
            assertThat(t.caseIds().size() / (double) inMonth).isBetween(0.02, 0.04);
            if (spec.months() > 1) {
                long before = cases.stream()
                        .filter(c -> YearMonth.from(c.acceptTime()).equals(month.minusMonths(1)))
                        .count();
                assertThat(t.previousMonthCaseIds()).isNotEmpty();
                assertThat(t.previousMonthCaseIds().size() / (double) before).isLessThan(0.005);
            } else {
                assertThat(t.previousMonthCaseIds()).isEmpty();
            }
        }
        // no topic word occurs in a case that was not planted with it
        Set<String> plantedIds = new HashSet<>();
        topics.forEach(t -> {
            plantedIds.addAll(t.caseIds());
            plantedIds.addAll(t.previousMonthCaseIds());
        });
        assertThat(cases.stream()
                        .filter(c -> words.stream().anyMatch(w -> c.content().contains(w)))
                        .map(HotlineCase::caseId))
                .containsExactlyInAnyOrderElementsOf(plantedIds);
    }

    @ParameterizedTest
    @MethodSource("specs")
    void seasonalTopicsAreListedPerMonth(GeneratorSpec spec) {
        GeneratedDataset data = GeneratedDataset.of(spec);
        assertThat(data.truth.seasonalTopics()).hasSize(spec.months());
        data.truth.seasonalTopics().forEach(s -> {
            int m = s.month().getMonthValue();
            String season = m >= 6 && m <= 9 ? "SUMMER" : m == 10 ? "AUTUMN" : m == 4 || m == 5 ? "SPRING" : "WINTER";
            assertThat(s.season()).isEqualTo(season);
            assertThat(s.categoryNames())
                    .isEqualTo(
                            switch (season) {
                                case "WINTER" -> List.of("供暖");
                                case "SUMMER" -> List.of("排水积水");
                                default -> List.of();
                            });
        });
        assertThat(data.truth.seasonalTopics().get(0).month()).isEqualTo(spec.firstMonth());
    }

    private static String personKey(HotlineCase c) {
        return c.callerIdCard() != null ? c.callerIdCard() : c.callerPhone();
    }
}
