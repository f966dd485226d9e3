package org.gridgov.simulator.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.simulator.generator.GroundTruth;
import org.junit.jupiter.api.Test;

class AlertScoringTest {

    static final PiiProtector PII = new PiiProtector("scoring-test-salt-0123456789");
    static final String ID_A = "370112195203011236";
    static final String ID_B = "370112196805203170";

    static ExpectedAlerts truth() throws Exception {
        String json = """
                {"repeat_petitioners":[{"id_card":"%1$s","name":"李秀英","category_code":"C1","petition_ids":["P1","P2","P3"]}],
                 "group_petitions":[{"company_name":"鑫源建筑","category_code":"C2","window_start":"2024-01-02 08:00:00",
                   "window_end":"2024-01-02 12:00:00","petition_ids":["G1","G2","G3","G4","G5"],"person_id_cards":[]}],
                 "repeat_callers":[{"id_card":"%2$s","phone":"13853112345","category_code":"C3","case_ids":["H1","H2","H3"]}],
                 "cross_source_persons":[{"id_card":"%1$s","petition_ids":["P1","P2","P3"],"incident_ids":["J1","J2"]}],
                 "overdue_cases":{"rule":"...","case_ids":["R1","R2"]}}
                """.formatted(ID_A, ID_B);
        return ExpectedAlerts.of(GroundTruth.parse(json), PII);
    }

    static AlertScoring.Raised raised(String rule, String subject, String... evidence) {
        return new AlertScoring.Raised(rule + "-" + subject, rule, subject, Set.of(evidence));
    }

    @Test
    void personsAreComparedByTheirSaltedKeys() throws Exception {
        ExpectedAlerts t = truth();
        assertThat(t.items(ScoredRule.REPEAT_PETITION)).singleElement().satisfies(i -> assertThat(i.subject())
                .isEqualTo(PII.idCardKey(ID_A)));
        assertThat(t.items(ScoredRule.REPEAT_CALL)).singleElement().satisfies(i -> assertThat(i.subject())
                .isEqualTo(PII.personKey(ID_B, "13853112345")));
        assertThat(t.items(ScoredRule.CASE_OVERDUE)).hasSize(2);
    }

    @Test
    void precisionRecallAndEvidencePerRule() throws Exception {
        String a = PII.idCardKey(ID_A);
        List<AlertScoring.Raised> alerts = List.of(
                raised("repeat_petition", a, "P1", "P2", "P3"),
                raised("repeat_petition", "someone-else", "P9", "P8", "P7"),
                raised("group_petition", "鑫源建筑", "G1", "G2", "G3", "G4"),
                raised("cross_source", a, "J1", "P1"),
                raised("cross_source", a, "J2", "P1"),
                raised("case_overdue", "R1", "R1"),
                raised("case_due_soon", "R9", "R9"));
        Map<ScoredRule, AlertScoring.RuleScore> s = AlertScoring.score(truth(), alerts);

        assertThat(s.get(ScoredRule.REPEAT_PETITION).precision()).isEqualTo(0.5);
        assertThat(s.get(ScoredRule.REPEAT_PETITION).recall()).isEqualTo(1.0);
        assertThat(s.get(ScoredRule.GROUP_PETITION).recall()).isEqualTo(1.0);
        assertThat(s.get(ScoredRule.GROUP_PETITION).evidenceRecall()).isEqualTo(0.8);
        assertThat(s.get(ScoredRule.REPEAT_CALL).recall()).isZero();
        assertThat(s.get(ScoredRule.REPEAT_CALL).precision()).isZero();
        assertThat(s.get(ScoredRule.CROSS_SOURCE).precision()).isEqualTo(1.0);
        assertThat(s.get(ScoredRule.CROSS_SOURCE).evidenceRecall()).isEqualTo(1.0);
        assertThat(s.get(ScoredRule.CASE_OVERDUE).recall()).isEqualTo(0.5);
        assertThat(s.get(ScoredRule.CASE_OVERDUE).reaches(0.95)).isFalse();
        assertThat(AlertScoring.line(s)).contains("repeat_petition P=0.500 R=1.000", "case_overdue P=1.000 R=0.500");
    }

    @Test
    void aGroundTruthWithoutAScenarioListIsRefused() throws Exception {
        assertThatThrownBy(() -> ExpectedAlerts.of(GroundTruth.parse("{\"repeat_petitioners\":[]}"), PII))
                .hasMessageContaining("group_petitions");
    }
}
