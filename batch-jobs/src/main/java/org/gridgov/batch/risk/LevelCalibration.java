package org.gridgov.batch.risk;

import static org.gridgov.batch.api.AnalyticsOptions.LEVEL_MIN_SEATS;
import static org.gridgov.batch.api.AnalyticsOptions.LEVEL_ORANGE_SHARE;
import static org.gridgov.batch.api.AnalyticsOptions.LEVEL_RED_SHARE;
import static org.gridgov.batch.api.AnalyticsOptions.LEVEL_YELLOW_SHARE;

import java.io.Serializable;
import java.util.Map;
import org.gridgov.batch.api.AnalyticsOptions;
import org.gridgov.common.config.GridgovConfig;

/**
 * Levels calibrated to the population scored: a person is 红 when their score reaches the red threshold <em>and</em>
 * they are within the top {@code redShare} of the ranking; 橙 likewise within the next {@code orangeShare}, 黄 within
 * the next {@code yellowShare}; everyone else is 蓝. So 红 stays at most {@code redShare} of the persons at any scale
 * (a million persons with uniformly random events put 87 % at ≥ 60 points: thresholds alone made the red list
 * meaningless), while the thresholds still decide in a small population: no level holds fewer than {@code minSeats}
 * persons, so twelve persons keep their threshold levels, and nobody is 红 below 60 points however few persons
 * score. A person whose score reaches a level but whose rank is past its seats falls to the next level that has a
 * seat for them. Ties at a seat's edge go by rank, which orders equal scores by person key: stable, not meaningful.
 */
public record LevelCalibration(double redShare, double orangeShare, double yellowShare, int minSeats)
        implements Serializable {

    public LevelCalibration {
        if (redShare < 0
                || orangeShare < 0
                || yellowShare < 0
                || redShare + orangeShare + yellowShare > 1
                || minSeats < 0) {
            throw new IllegalArgumentException("level shares must be >= 0 and add up to at most 1, min seats >= 0");
        }
    }

    public static LevelCalibration defaults() {
        return fromConfig(GridgovConfig.of(Map.of(), AnalyticsOptions.ALL));
    }

    public static LevelCalibration fromConfig(GridgovConfig c) {
        return new LevelCalibration(
                c.get(LEVEL_RED_SHARE), c.get(LEVEL_ORANGE_SHARE), c.get(LEVEL_YELLOW_SHARE), c.get(LEVEL_MIN_SEATS));
    }

    /** The last rank that may be 红 in a population of {@code persons}. */
    public long redSeats(long persons) {
        return seats(redShare, persons);
    }

    /** The last rank that may be 橙 or better. */
    public long orangeSeats(long persons) {
        return seats(redShare + orangeShare, persons);
    }

    /** The last rank that may be 黄 or better. */
    public long yellowSeats(long persons) {
        return seats(redShare + orangeShare + yellowShare, persons);
    }

    private long seats(double share, long persons) {
        // floor: 红 never exceeds its share; a tiny epsilon keeps 0.3 × 1000 from flooring to 299
        return Math.max(minSeats, (long) Math.floor(share * persons + 1e-9));
    }

    /** The calibrated level of the person at {@code rank} (1 = highest) with {@code score}, among {@code persons}. */
    public String level(RiskModel model, double score, long rank, long persons) {
        if (score >= model.red() && rank <= redSeats(persons)) {
            return RiskModel.RED;
        }
        if (score >= model.orange() && rank <= orangeSeats(persons)) {
            return RiskModel.ORANGE;
        }
        if (score >= model.yellow() && rank <= yellowSeats(persons)) {
            return RiskModel.YELLOW;
        }
        return RiskModel.BLUE;
    }
}
