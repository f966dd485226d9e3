package org.gridgov.simulator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.common.validation.RecordDecoder;
import org.gridgov.simulator.score.ExpectedAlerts;
import org.gridgov.simulator.score.ScoredRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EvaluationSetGeneratorTest {

    private static EvaluationSet set;

    @BeforeAll
    static void generate() {
        set = new EvaluationSetGenerator(EvaluationSpec.standard()).generate();
    }

    @Test
    void theSameSpecGivesTheSameRecordsAndTruth() {
        EvaluationSet again = new EvaluationSetGenerator(EvaluationSpec.standard()).generate();
        assertThat(again.records()).isEqualTo(set.records());
        assertThat(again.truth().toJson()).isEqualTo(set.truth().toJson());
    }

    @Test
    void recordsCalledValidAreAcceptedAndOnlyTheMistypedCardsAreRejected() {
        RecordDecoder decoder = RecordDecoder.standard();
        Set<String> invalid = new HashSet<>();
        set.truth().invalidRecords().values().forEach(i -> invalid.addAll(i.recordIds()));
        assertThat(invalid).isNotEmpty();
        for (EvaluationRecord r : set.records()) {
            var decoded = decoder.decode(r.source(), r.json());
            assertThat(decoded.isValid())
                    .as("%s %s", r.key(), decoded.isValid() ? "" : decoded.reason())
                    .isEqualTo(!invalid.contains(r.key()));
        }
    }

    @Test
    void everyRuleHasPlantedIncidentsAndEveryEdgeItsHardNegatives() {
        ExpectedAlerts expected = ExpectedAlerts.of(set.truth(), new PiiProtector("evaluation-test-salt-0123"));
        for (ScoredRule rule : ScoredRule.values()) {
            assertThat(expected.items(rule)).as(rule.code()).isNotEmpty();
        }
        assertThat(set.hardNegatives())
                .containsKeys(
                        "2 petitions in 30 days",
                        "3 petitions in 31 days",
                        "4 persons in 6 hours",
                        "5 persons in 6 h 01 min",
                        "two similar companies, 3 persons each",
                        "groups that write their company two ways",
                        "namesakes of repeat petitioners",
                        "2 calls in 30 days",
                        "3 calls on 3 categories",
                        "3 calls in 31 days",
                        "cases closed 1–60 minutes before their deadline",
                        "mistyped ID cards (rejected records)",
                        "background records two days late");
        System.out.println(
                "evaluation set: " + set.records().size() + " records; hard negatives " + set.hardNegatives());
    }

    @Test
    void recordsArriveInArrivalOrderAndSomeOutOfEventTimeOrder() {
        List<EvaluationRecord> records = set.records();
        int outOfOrder = 0;
        for (int i = 1; i < records.size(); i++) {
            assertThat(records.get(i).arrivalTime())
                    .isAfterOrEqualTo(records.get(i - 1).arrivalTime());
            if (records.get(i).eventTime().isBefore(records.get(i - 1).eventTime())) {
                outOfOrder++;
            }
        }
        assertThat(outOfOrder).isGreaterThan(50);
    }

    @Test
    void theSetSharesNoRecordIdWithTheDemoGenerator() {
        assertThat(set.records()).allSatisfy(r -> assertThat(r.key()).startsWith("EV"));
    }
}
