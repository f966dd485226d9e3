package org.gridgov.cases.casefile;

import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 接诉即办 response levels as data (issue 19; rows of {@code response_level} and {@code category_response_level},
 * seeded by V11): which level a report gets and the two deadlines it sets. Pure, so the mapping is unit-tested as a
 * table ({@code ResponseLevelPolicyTest}).
 *
 * <p>A category's level is its level-2 code's row, else its level-1 code's, else the {@code '*'} row. The report's
 * urgency can only make it stricter: the strictest level whose {@code minUrgency} the urgency reaches is the least
 * strict the case gets. The
 * resolution deadline is the stricter of the category's 办理时限 and the level's; the response deadline is the
 * level's.
 */
public final class ResponseLevelPolicy {

    /** A row of {@code response_level}; levels order by code, L1 strictest. */
    public record Level(String code, String name, int responseHours, int resolveHours, Integer minUrgency) {}

    /** What a report gets: its level, when the first contact is due and when it must be resolved. */
    public record Deadlines(Level level, LocalDateTime responseDueAt, LocalDateTime resolveDueAt) {}

    public static final String DEFAULT = "*";

    private final List<Level> levels;
    private final Map<String, String> byCategory;

    /**
     * @param levels     every level
     * @param byCategory category code (level 1, level 2 or {@code '*'}) → level code; must have a {@code '*'} row
     */
    public ResponseLevelPolicy(List<Level> levels, Map<String, String> byCategory) {
        this.levels = levels.stream().sorted(Comparator.comparing(Level::code)).toList();
        this.byCategory = Map.copyOf(byCategory);
        if (!byCategory.containsKey(DEFAULT)) {
            throw new IllegalStateException("category_response_level has no '*' row");
        }
        byCategory.values().forEach(this::level);
    }

    public Level level(String code) {
        return levels.stream()
                .filter(l -> l.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown response level " + code));
    }

    /** The level for a category (a level-2 code like C0901) reported at {@code urgency} (1 一般, 2 紧急, 3 特急). */
    public Level levelFor(String categoryCode, int urgency) {
        String code = Optional.ofNullable(byCategory.get(categoryCode))
                .or(() -> Optional.ofNullable(
                        categoryCode != null && categoryCode.length() > 3
                                ? byCategory.get(categoryCode.substring(0, 3))
                                : null))
                .orElse(byCategory.get(DEFAULT));
        Level byCategoryLevel = level(code);
        // the strictest level whose urgency threshold the report reaches, if any; the stricter of the two wins
        Optional<Level> byUrgency = levels.stream()
                .filter(l -> l.minUrgency() != null && urgency >= l.minUrgency())
                .min(Comparator.comparing(Level::code));
        return byUrgency
                .filter(u -> u.code().compareTo(byCategoryLevel.code()) < 0)
                .orElse(byCategoryLevel);
    }

    /** Both deadlines of a case reported at {@code createdAt} whose category allows {@code categoryHours}. */
    public Deadlines deadlines(String categoryCode, int urgency, LocalDateTime createdAt, int categoryHours) {
        Level l = levelFor(categoryCode, urgency);
        return new Deadlines(
                l,
                createdAt.plusHours(l.responseHours()),
                createdAt.plusHours(Math.min(categoryHours, l.resolveHours())));
    }
}
