package org.gridgov.simulator.generator;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.gridgov.common.model.SourceRecord;
import org.gridgov.common.model.SourceType;
import org.gridgov.simulator.generator.GroundTruth.BigArrears;
import org.gridgov.simulator.generator.GroundTruth.CrossSourcePerson;
import org.gridgov.simulator.generator.GroundTruth.GroupPetition;
import org.gridgov.simulator.generator.GroundTruth.OverdueCases;
import org.gridgov.simulator.generator.GroundTruth.RepeatCaller;
import org.gridgov.simulator.generator.GroundTruth.RepeatPetitioner;
import org.gridgov.simulator.generator.GroundTruth.RisingTopic;

/**
 * The planted scenarios of a run: the records planned in advance (few, so kept by day), the per-day counts of the
 * plentiful ones generated on the fly (overdue cases, rising-topic cases), and the ground-truth entries whose id
 * lists fill in as the records are emitted.
 */
final class ScenarioPlan {

    /** A planned record without its id; {@code onId} receives the id when it is emitted. */
    record Draft(SourceRecord record, Consumer<String> onId) {}

    static final class RepeatPetitionerEntry {
        final String idCard;
        final String name;
        final String categoryCode;
        final List<String> petitionIds = new ArrayList<>();

        RepeatPetitionerEntry(String idCard, String name, String categoryCode) {
            this.idCard = idCard;
            this.name = name;
            this.categoryCode = categoryCode;
        }
    }

    static final class GroupEntry {
        final String company;
        final String categoryCode;
        final LocalDateTime start;
        final LocalDateTime end;
        final List<String> idCards;
        final List<String> petitionIds = new ArrayList<>();

        GroupEntry(String company, String categoryCode, LocalDateTime start, LocalDateTime end, List<String> idCards) {
            this.company = company;
            this.categoryCode = categoryCode;
            this.start = start;
            this.end = end;
            this.idCards = List.copyOf(idCards);
        }
    }

    static final class RepeatCallerEntry {
        final String idCard;
        final String phone;
        final String categoryCode;
        final List<String> caseIds = new ArrayList<>();

        RepeatCallerEntry(String idCard, String phone, String categoryCode) {
            this.idCard = idCard;
            this.phone = phone;
            this.categoryCode = categoryCode;
        }
    }

    static final class CrossSourceEntry {
        final RepeatPetitionerEntry petitioner;
        final List<String> incidentIds = new ArrayList<>();

        CrossSourceEntry(RepeatPetitionerEntry petitioner) {
            this.petitioner = petitioner;
        }
    }

    static final class RisingEntry {
        final YearMonth month;
        final ReferenceData.TopicTemplate topic;
        final List<String> caseIds = new ArrayList<>();
        final List<String> previousMonthCaseIds = new ArrayList<>();

        RisingEntry(YearMonth month, ReferenceData.TopicTemplate topic) {
            this.month = month;
            this.topic = topic;
        }
    }

    private final List<List<Draft>> draftsByDay;
    private final Map<SourceType, Long> planned = new EnumMap<>(SourceType.class);

    final List<RepeatPetitionerEntry> repeatPetitioners = new ArrayList<>();
    final List<GroupEntry> groups = new ArrayList<>();
    final List<RepeatCallerEntry> repeatCallers = new ArrayList<>();
    final List<CrossSourceEntry> crossSource = new ArrayList<>();
    final List<String> overdueIds = new ArrayList<>();
    final List<String> bigArrearsIds = new ArrayList<>();
    final List<RisingEntry> rising = new ArrayList<>();

    /** Overdue hotline cases to plant per day. */
    final long[] overduePerDay;
    /** Rising-topic cases per day and the entry they belong to (null: none that day). */
    final long[] risingPerDay;

    final RisingEntry[] risingOfDay;
    /** Early cases of next month's rising topic per day, and its entry. */
    final long[] baselinePerDay;

    final RisingEntry[] baselineOfDay;

    ScenarioPlan(int days) {
        draftsByDay = new ArrayList<>(days);
        for (int d = 0; d < days; d++) {
            draftsByDay.add(new ArrayList<>());
        }
        overduePerDay = new long[days];
        risingPerDay = new long[days];
        risingOfDay = new RisingEntry[days];
        baselinePerDay = new long[days];
        baselineOfDay = new RisingEntry[days];
        for (SourceType s : SourceType.values()) {
            planned.put(s, 0L);
        }
    }

    void add(int day, SourceRecord draft, Consumer<String> onId) {
        draftsByDay.get(day).add(new Draft(draft, onId));
        countPlanned(draft.source(), 1);
    }

    void countPlanned(SourceType source, long n) {
        planned.merge(source, n, Long::sum);
    }

    List<Draft> drafts(int day) {
        return draftsByDay.get(day);
    }

    /** Frees a day's drafts once emitted. */
    void release(int day) {
        draftsByDay.set(day, List.of());
    }

    long planned(SourceType source) {
        return planned.get(source);
    }

    List<RepeatPetitioner> repeatPetitionersTruth() {
        return repeatPetitioners.stream()
                .map(e -> new RepeatPetitioner(e.idCard, e.name, e.categoryCode, List.copyOf(e.petitionIds)))
                .toList();
    }

    List<GroupPetition> groupsTruth() {
        return groups.stream()
                .map(e -> new GroupPetition(
                        e.company, e.categoryCode, e.start, e.end, List.copyOf(e.petitionIds), e.idCards))
                .toList();
    }

    List<RepeatCaller> repeatCallersTruth() {
        return repeatCallers.stream()
                .map(e -> new RepeatCaller(e.idCard, e.phone, e.categoryCode, List.copyOf(e.caseIds)))
                .toList();
    }

    List<CrossSourcePerson> crossSourceTruth() {
        return crossSource.stream()
                .map(e -> new CrossSourcePerson(
                        e.petitioner.idCard, List.copyOf(e.petitioner.petitionIds), List.copyOf(e.incidentIds)))
                .toList();
    }

    OverdueCases overdueTruth() {
        return new OverdueCases(GroundTruth.OVERDUE_RULE, List.copyOf(overdueIds));
    }

    BigArrears bigArrearsTruth(LocalDateTime periodEnd) {
        return new BigArrears(
                ArrearsCases.MIN_WORKERS,
                ArrearsCases.MIN_AMOUNT_YUAN,
                ArrearsCases.STALE_DAYS,
                ArrearsCases.staleCutoff(periodEnd),
                List.copyOf(bigArrearsIds));
    }

    List<RisingTopic> risingTruth() {
        return rising.stream()
                .map(e -> new RisingTopic(
                        e.month,
                        e.topic.word(),
                        e.topic.categoryCode(),
                        List.copyOf(e.caseIds),
                        List.copyOf(e.previousMonthCaseIds)))
                .toList();
    }
}
