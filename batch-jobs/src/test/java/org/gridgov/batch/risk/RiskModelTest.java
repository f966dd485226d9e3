package org.gridgov.batch.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.gridgov.batch.api.AnalyticsOptions;
import org.gridgov.common.config.GridgovConfig;
import org.junit.jupiter.api.Test;

class RiskModelTest {

    private final RiskModel model = RiskModel.defaults();

    private static RiskModel.Features petitions(long n, long repeats, long recent, long groups) {
        return new RiskModel.Features(n, repeats, recent, groups, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void defaultsAreTheDocumentedWeights() {
        assertThat(model.petition()).isEqualTo(new RiskModel.Factor(10, 30));
        assertThat(model.groupPetition()).isEqualTo(new RiskModel.Factor(60, 60));
        assertThat(model.red()).isEqualTo(60);
        assertThat(model.orange()).isEqualTo(40);
        assertThat(model.yellow()).isEqualTo(20);
        assertThat(model.lookbackDays()).isEqualTo(365);
    }

    @Test
    void repeatPetitionersAndGroupPetitionersAreRed() {
        // three petitions on one issue: 30 + 2 × 15 = 60 even without a recent one
        assertThat(model.score(petitions(3, 2, 0, 0))).isEqualTo(60.0);
        assertThat(model.level(model.score(petitions(3, 2, 0, 0)))).isEqualTo(RiskModel.RED);
        // one petition as part of a 集访: 10 + 60 + 10 (recent)
        assertThat(model.score(petitions(1, 0, 1, 1))).isEqualTo(80.0);
        // a single ordinary petition is blue, two on the same issue orange
        assertThat(model.level(model.score(petitions(1, 0, 1, 0)))).isEqualTo(RiskModel.YELLOW);
        assertThat(model.level(model.score(petitions(1, 0, 0, 0)))).isEqualTo(RiskModel.BLUE);
        assertThat(model.level(model.score(petitions(2, 1, 1, 0)))).isEqualTo(RiskModel.ORANGE);
    }

    @Test
    void factorsAreCappedAndTheScoreStopsAtAHundred() {
        RiskModel.Features many = new RiskModel.Features(20, 19, 5, 3, 50, 40, 10, 10, 5, 5);
        assertThat(model.points(many))
                .extracting(RiskModel.Contribution::points)
                .containsExactly(30.0, 45.0, 10.0, 60.0, 20.0, 24.0, 14.0, 10.0, 20.0, 20.0, 30.0);
        assertThat(model.score(many)).isEqualTo(100.0);
        // twelve 12345 calls on different things: capped at 10 points, blue
        RiskModel.Features caller = new RiskModel.Features(0, 0, 0, 0, 12, 0, 0, 0, 0, 0);
        assertThat(model.score(caller)).isEqualTo(10.0);
        assertThat(model.level(10.0)).isEqualTo(RiskModel.BLUE);
    }

    @Test
    void crossSourceNeedsTwoOfPetitionsPoliceAndArrears() {
        assertThat(new RiskModel.Features(1, 0, 0, 0, 5, 0, 0, 0, 0, 0).crossSource())
                .isFalse();
        assertThat(new RiskModel.Features(1, 0, 0, 0, 0, 0, 1, 0, 0, 0).crossSource())
                .isTrue();
        assertThat(new RiskModel.Features(0, 0, 0, 0, 0, 0, 1, 1, 1, 0).crossSource())
                .isTrue();
        assertThat(model.points(new RiskModel.Features(1, 0, 0, 0, 0, 0, 1, 1, 0, 0)))
                .extracting(RiskModel.Contribution::label)
                .contains("信访1次", "多源交叉(信访/警情/欠薪)", "警情1次", "纠纷类警情1次");
    }

    @Test
    void levelThresholdsAreInclusive() {
        assertThat(model.level(60)).isEqualTo(RiskModel.RED);
        assertThat(model.level(59.9)).isEqualTo(RiskModel.ORANGE);
        assertThat(model.level(40)).isEqualTo(RiskModel.ORANGE);
        assertThat(model.level(20)).isEqualTo(RiskModel.YELLOW);
        assertThat(model.level(19.9)).isEqualTo(RiskModel.BLUE);
    }

    @Test
    void weightsAndLevelsComeFromConfig() {
        RiskModel custom = RiskModel.fromConfig(GridgovConfig.of(
                Map.of("risk.weight.group-petition", "30", "risk.level.red", "80", "risk.recent-days", "14"),
                AnalyticsOptions.ALL));
        assertThat(custom.groupPetition().weight()).isEqualTo(30);
        assertThat(custom.red()).isEqualTo(80);
        assertThat(custom.points(petitions(1, 0, 1, 0)).get(2).label()).isEqualTo("近14天信访1次");
        assertThatThrownBy(() ->
                        RiskModel.fromConfig(GridgovConfig.of(Map.of("risk.level.red", "30"), AnalyticsOptions.ALL)))
                .hasMessageContaining("levels");
        assertThatThrownBy(() -> RiskModel.fromConfig(
                        GridgovConfig.of(Map.of("risk.weight.petition", "many"), AnalyticsOptions.ALL)))
                .hasMessageContaining("risk.weight.petition");
        assertThatThrownBy(() -> new RiskModel.Factor(-1, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
