package org.gridgov.batch.risk;

import static org.gridgov.batch.api.AnalyticsOptions.CAP_ARREARS;
import static org.gridgov.batch.api.AnalyticsOptions.CAP_CONFLICT_POLICE;
import static org.gridgov.batch.api.AnalyticsOptions.CAP_GROUP_PETITION;
import static org.gridgov.batch.api.AnalyticsOptions.CAP_HOTLINE;
import static org.gridgov.batch.api.AnalyticsOptions.CAP_KEY_ARREARS;
import static org.gridgov.batch.api.AnalyticsOptions.CAP_PETITION;
import static org.gridgov.batch.api.AnalyticsOptions.CAP_POLICE;
import static org.gridgov.batch.api.AnalyticsOptions.CAP_REPEAT_CALL;
import static org.gridgov.batch.api.AnalyticsOptions.CAP_REPEAT_PETITION;
import static org.gridgov.batch.api.AnalyticsOptions.GROUP_MIN_PERSONS;
import static org.gridgov.batch.api.AnalyticsOptions.GROUP_WINDOW_HOURS;
import static org.gridgov.batch.api.AnalyticsOptions.LEVEL_ORANGE;
import static org.gridgov.batch.api.AnalyticsOptions.LEVEL_RED;
import static org.gridgov.batch.api.AnalyticsOptions.LEVEL_YELLOW;
import static org.gridgov.batch.api.AnalyticsOptions.RISK_LOOKBACK_DAYS;
import static org.gridgov.batch.api.AnalyticsOptions.RISK_RECENT_DAYS;
import static org.gridgov.batch.api.AnalyticsOptions.W_ARREARS;
import static org.gridgov.batch.api.AnalyticsOptions.W_CONFLICT_POLICE;
import static org.gridgov.batch.api.AnalyticsOptions.W_CROSS_SOURCE;
import static org.gridgov.batch.api.AnalyticsOptions.W_GROUP_PETITION;
import static org.gridgov.batch.api.AnalyticsOptions.W_HOTLINE;
import static org.gridgov.batch.api.AnalyticsOptions.W_KEY_ARREARS;
import static org.gridgov.batch.api.AnalyticsOptions.W_PETITION;
import static org.gridgov.batch.api.AnalyticsOptions.W_POLICE;
import static org.gridgov.batch.api.AnalyticsOptions.W_RECENT_PETITION;
import static org.gridgov.batch.api.AnalyticsOptions.W_REPEAT_CALL;
import static org.gridgov.batch.api.AnalyticsOptions.W_REPEAT_PETITION;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gridgov.batch.api.AnalyticsOptions;
import org.gridgov.common.config.GridgovConfig;

/**
 * The person risk model: additive points per factor, each capped, the sum capped at 100, and four levels. Additive
 * and capped so a leader can read a score as the sum of its listed factors, and so no single factor (many 12345 calls)
 * can outweigh the others without limit. Weights and thresholds come from config ({@link AnalyticsOptions}).
 *
 * <p>{@link #points} is the reference implementation in plain Java; the Spark job builds the same sums as column
 * expressions, and tests check that the two agree.
 */
public record RiskModel(
        int lookbackDays,
        int recentDays,
        int groupWindowHours,
        int groupMinPersons,
        Factor petition,
        Factor repeatPetition,
        double recentPetition,
        Factor groupPetition,
        double crossSource,
        Factor police,
        Factor conflictPolice,
        Factor hotline,
        Factor repeatCall,
        Factor arrears,
        Factor keyArrears,
        double red,
        double orange,
        double yellow)
        implements Serializable {

    public static final String RED = "红";
    public static final String ORANGE = "橙";
    public static final String YELLOW = "黄";
    public static final String BLUE = "蓝";
    public static final double MAX_SCORE = 100;

    /** Points per occurrence, capped. */
    public record Factor(double weight, double cap) implements Serializable {
        public Factor {
            if (weight < 0 || cap < 0) {
                throw new IllegalArgumentException("weights and caps must be >= 0");
            }
        }

        public double points(long count) {
            return Math.min(cap, weight * count);
        }
    }

    /** What the model needs to know about one person (counts within the lookback window). */
    public record Features(
            long petitions,
            long repeatPetitions,
            long recentPetitions,
            long groupPetitions,
            long hotlineCalls,
            long repeatCalls,
            long policeIncidents,
            long conflictIncidents,
            long arrearsComplaints,
            long keyArrearsComplaints) {

        /** In at least two of petitions, police incidents and arrears cases. */
        public boolean crossSource() {
            int sources = (petitions > 0 ? 1 : 0) + (policeIncidents > 0 ? 1 : 0) + (arrearsComplaints > 0 ? 1 : 0);
            return sources >= 2;
        }
    }

    /** A factor's name (as shown to leaders, with its count) and its points. */
    public record Contribution(String label, double points) {}

    public RiskModel {
        if (!(red > orange && orange > yellow && yellow > 0 && red <= MAX_SCORE)) {
            throw new IllegalArgumentException("levels must satisfy 0 < yellow < orange < red <= 100");
        }
        if (lookbackDays < 1 || recentDays < 1 || groupWindowHours < 0 || groupMinPersons < 2) {
            throw new IllegalArgumentException("lookback and recent days must be positive, a group >= 2 persons");
        }
    }

    public static RiskModel defaults() {
        return fromConfig(GridgovConfig.of(Map.of(), AnalyticsOptions.ALL));
    }

    public static RiskModel fromConfig(GridgovConfig c) {
        return new RiskModel(
                c.get(RISK_LOOKBACK_DAYS),
                c.get(RISK_RECENT_DAYS),
                c.get(GROUP_WINDOW_HOURS),
                c.get(GROUP_MIN_PERSONS),
                new Factor(c.get(W_PETITION), c.get(CAP_PETITION)),
                new Factor(c.get(W_REPEAT_PETITION), c.get(CAP_REPEAT_PETITION)),
                c.get(W_RECENT_PETITION),
                new Factor(c.get(W_GROUP_PETITION), c.get(CAP_GROUP_PETITION)),
                c.get(W_CROSS_SOURCE),
                new Factor(c.get(W_POLICE), c.get(CAP_POLICE)),
                new Factor(c.get(W_CONFLICT_POLICE), c.get(CAP_CONFLICT_POLICE)),
                new Factor(c.get(W_HOTLINE), c.get(CAP_HOTLINE)),
                new Factor(c.get(W_REPEAT_CALL), c.get(CAP_REPEAT_CALL)),
                new Factor(c.get(W_ARREARS), c.get(CAP_ARREARS)),
                new Factor(c.get(W_KEY_ARREARS), c.get(CAP_KEY_ARREARS)),
                c.get(LEVEL_RED),
                c.get(LEVEL_ORANGE),
                c.get(LEVEL_YELLOW));
    }

    /** Every factor with its points, in the fixed factor order (zeros included). */
    public List<Contribution> points(Features f) {
        List<Contribution> out = new ArrayList<>();
        out.add(new Contribution("信访" + f.petitions() + "次", petition.points(f.petitions())));
        out.add(new Contribution("重复信访" + f.repeatPetitions() + "次", repeatPetition.points(f.repeatPetitions())));
        out.add(new Contribution(
                "近" + recentDays + "天信访" + f.recentPetitions() + "次", f.recentPetitions() > 0 ? recentPetition : 0));
        out.add(new Contribution("参与集访" + f.groupPetitions() + "次", groupPetition.points(f.groupPetitions())));
        out.add(new Contribution("多源交叉(信访/警情/欠薪)", f.crossSource() ? crossSource : 0));
        out.add(new Contribution("警情" + f.policeIncidents() + "次", police.points(f.policeIncidents())));
        out.add(new Contribution("纠纷类警情" + f.conflictIncidents() + "次", conflictPolice.points(f.conflictIncidents())));
        out.add(new Contribution("12345来电" + f.hotlineCalls() + "次", hotline.points(f.hotlineCalls())));
        out.add(new Contribution("重复来电" + f.repeatCalls() + "次", repeatCall.points(f.repeatCalls())));
        out.add(new Contribution("欠薪投诉" + f.arrearsComplaints() + "次", arrears.points(f.arrearsComplaints())));
        out.add(new Contribution(
                "重点欠薪案件" + f.keyArrearsComplaints() + "件", keyArrears.points(f.keyArrearsComplaints())));
        return out;
    }

    /** Sum of the points, at most 100, rounded to one decimal like the warehouse column. */
    public double score(Features f) {
        double sum = points(f).stream().mapToDouble(Contribution::points).sum();
        return Math.round(Math.min(MAX_SCORE, sum) * 10) / 10.0;
    }

    public String level(double score) {
        if (score >= red) {
            return RED;
        }
        if (score >= orange) {
            return ORANGE;
        }
        return score >= yellow ? YELLOW : BLUE;
    }
}
