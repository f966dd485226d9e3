package org.gridgov.cases.assessment;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.gridgov.cases.access.Action;
import org.gridgov.cases.access.Target;
import org.gridgov.cases.audit.AuditLog;
import org.gridgov.cases.domain.ConflictException;
import org.gridgov.cases.domain.InvalidInputException;
import org.gridgov.cases.domain.NotFoundException;
import org.gridgov.cases.domain.Refusals;
import org.gridgov.cases.security.Staff;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 考核规则 as data (V30): read the version valid in a month, the history, and publish a new version. Publishing locks
 * the level's newest version row, so of parallel edits of the same version exactly one becomes the next version and
 * the rest are told the rules changed (409); the unique (level, version) key backs the lock up. Every publication is
 * in the audit log, every refusal too (through {@link Refusals}), and the warehouse copy follows after the commit.
 */
@Component
public class AssessmentRules {

    static final String AUDIT_TYPE = "ASSESSMENT_RULE";

    private final JdbcTemplate jdbc;
    private final Refusals refusals;
    private final AuditLog audit;
    private final WarehouseMirror mirror;
    private final Clock clock;

    public AssessmentRules(JdbcTemplate jdbc, Refusals refusals, AuditLog audit, WarehouseMirror mirror, Clock clock) {
        this.jdbc = jdbc;
        this.refusals = refusals;
        this.audit = audit;
        this.mirror = mirror;
        this.clock = clock;
    }

    /** The month now by the service clock. */
    public YearMonth currentMonth() {
        return YearMonth.now(clock);
    }

    /** The level named in a request, or a 400 naming the levels. */
    public static AssessmentLevel level(String code) {
        return AssessmentLevel.of(code).orElseThrow(() -> new InvalidInputException("level",
                "考核层级须为 GRID_WORKER、COMMUNITY、STREET 或 DEPARTMENT"));
    }

    /** A {@code yyyy-MM} month from a request, or a 400; blank = the current month. */
    public YearMonth month(String text) {
        if (text == null || text.isBlank()) {
            return currentMonth();
        }
        YearMonth m = RuleValidation.month(text);
        if (m == null) {
            throw new InvalidInputException("month", "月份须为 yyyy-MM 格式");
        }
        return m;
    }

    /** The version that scores {@code month} for {@code level}; 404 before the first version. */
    public RuleVersion validIn(Staff staff, AssessmentLevel level, YearMonth month) {
        requireView(staff, level);
        return RuleVersions.validIn(load(level), month).orElseThrow(() -> new NotFoundException(
                level.label() + "考核在 " + month + " 没有生效的规则"));
    }

    /** Every version of a level, newest first. */
    public List<RuleVersion> history(Staff staff, AssessmentLevel level) {
        requireView(staff, level);
        List<RuleVersion> all = new ArrayList<>(load(level));
        all.sort((a, b) -> Integer.compare(b.version(), a.version()));
        return all;
    }

    /** Whether the user may publish rules of the level (the page offers the form only then). */
    public boolean mayEdit(Staff staff, AssessmentLevel level) {
        return org.gridgov.cases.access.Authorization.allows(staff, Action.ASSESSMENT_RULES_EDIT,
                new Target.Assessment(level.name(), null, null));
    }

    /**
     * Publishes {@code draft} as the level's next version, from its month's first day; the version it replaces ends
     * the day before. Refused: a role or area that does not set this level's rules (403), any invalid value (400, all
     * reasons), an edit of a version that is no longer the newest, or a start not after the newest version's (409).
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public RuleVersion publish(Staff staff, RuleDraft draft) {
        AssessmentLevel level = level(draft.level());
        refusals.require(staff, Action.ASSESSMENT_RULES_EDIT, new Target.Assessment(level.name(), null, null),
                AUDIT_TYPE, level.name());
        RuleValidation.Result r = RuleValidation.check(draft, currentMonth());
        if (!r.ok()) {
            throw new InvalidInputException(r.problems().get(0).field(), r.message());
        }
        RuleValidation.Checked c = r.checked();
        // the level's newest version row, locked: parallel publications of one level queue here. READ COMMITTED, so
        // the lock is on that row alone (REPEATABLE READ's gap locks made the queued inserts deadlock), and the
        // version read again once the lock is held is the newest committed one: a publication that committed while
        // this one waited makes it a conflict
        List<Map<String, Object>> newest = jdbc.queryForList("SELECT id, version, valid_from FROM"
                + " assessment_rule_version WHERE level = ? ORDER BY version DESC LIMIT 1 FOR UPDATE", level.name());
        int base = 0;
        if (!newest.isEmpty()) {
            Map<String, Object> n = newest.get(0);
            base = ((Number) n.get("version")).intValue();
            Integer latest = jdbc.queryForObject("SELECT MAX(version) FROM assessment_rule_version WHERE level = ?",
                    Integer.class, level.name());
            if (latest != null && latest != base) {
                throw new ConflictException("规则已被修改：" + level.label() + "考核现行最新为第 " + latest
                        + " 版，请在最新版本上修改");
            }
            LocalDate from = toDate(n.get("valid_from"));
            if (c.baseVersion() != base) {
                throw new ConflictException("规则已被修改：" + level.label() + "考核现行最新为第 " + base + " 版（自 "
                        + YearMonth.from(from) + " 起），请在最新版本上修改");
            }
            if (!c.validFrom().isAfter(YearMonth.from(from))) {
                throw new ConflictException("第 " + base + " 版自 " + YearMonth.from(from) + " 起生效，新版本须晚于该月");
            }
            jdbc.update("UPDATE assessment_rule_version SET valid_to = ? WHERE id = ?",
                    c.validFrom().atDay(1).minusDays(1), ((Number) n.get("id")).longValue());
        } else if (c.baseVersion() != 0) {
            throw new ConflictException(level.label() + "考核还没有规则，base_version 须为 0");
        }
        int version = base + 1;
        LocalDateTime now = LocalDateTime.now(clock);
        KeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.update(con -> {
                var ps = con.prepareStatement("INSERT INTO assessment_rule_version (level, version, valid_from,"
                        + " valid_to, note, created_by, created_at) VALUES (?, ?, ?, NULL, ?, ?, ?)",
                        java.sql.Statement.RETURN_GENERATED_KEYS);
                ps.setString(1, level.name());
                ps.setInt(2, version);
                ps.setObject(3, c.validFrom().atDay(1));
                ps.setString(4, c.note());
                ps.setString(5, staff.username());
                ps.setObject(6, now);
                return ps;
            }, key);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("规则已被修改：" + level.label() + "考核第 " + version + " 版已由他人发布，请刷新后修改");
        }
        long id = key.getKey().longValue();
        int position = 1;
        for (RuleItem item : c.items()) {
            jdbc.update("INSERT INTO assessment_rule_item (version_id, position, item_code, item_name, weight, target,"
                            + " method, direction) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, position++,
                    item.item().name(), item.name(), item.weight(), item.target(), item.method().name(),
                    item.direction());
        }
        audit.ok(staff.username(), Action.ASSESSMENT_RULES_EDIT.auditName(), AUDIT_TYPE, level.name() + " v" + version,
                "自 " + c.validFrom() + " 起：" + c.items().stream().map(i -> i.item().name() + " "
                        + RuleValidation.format(i.weight()) + "分/目标" + RuleValidation.format(i.target()) + "/"
                        + i.method().name()).collect(Collectors.joining(", "))
                        + (c.note() == null ? "" : "；说明：" + c.note()));
        mirror.afterCommit();
        return load(level).stream().filter(v -> v.id() == id).findFirst().orElseThrow();
    }

    /** One version of a level, for a result that names it (the caller has checked who reads the result). */
    Optional<RuleVersion> version(AssessmentLevel level, int version) {
        return load(level).stream().filter(v -> v.version() == version).findFirst();
    }

    /** Every version of every level, oldest first (for the warehouse copy). */
    List<RuleVersion> all() {
        List<RuleVersion> out = new ArrayList<>();
        for (AssessmentLevel level : AssessmentLevel.values()) {
            out.addAll(load(level));
        }
        return out;
    }

    private void requireView(Staff staff, AssessmentLevel level) {
        refusals.require(staff, Action.ASSESSMENT_RULES_VIEW, new Target.Assessment(level.name(), null, null),
                AUDIT_TYPE, level.name());
    }

    private List<RuleVersion> load(AssessmentLevel level) {
        Map<Long, List<RuleItem>> items = new LinkedHashMap<>();
        jdbc.query("SELECT i.* FROM assessment_rule_item i JOIN assessment_rule_version v ON v.id = i.version_id"
                + " WHERE v.level = ? ORDER BY i.version_id, i.position", (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    items.computeIfAbsent(rs.getLong("version_id"), k -> new ArrayList<>()).add(item(rs));
                }, level.name());
        return jdbc.query("SELECT * FROM assessment_rule_version WHERE level = ? ORDER BY version", (rs, i) ->
                new RuleVersion(rs.getLong("id"), level, rs.getInt("version"), rs.getDate("valid_from").toLocalDate(),
                        Optional.ofNullable(rs.getDate("valid_to")).map(Date::toLocalDate).orElse(null),
                        rs.getString("note"), rs.getString("created_by"),
                        rs.getTimestamp("created_at").toLocalDateTime(),
                        List.copyOf(items.getOrDefault(rs.getLong("id"), List.of()))), level.name());
    }

    private static RuleItem item(ResultSet rs) throws SQLException {
        AssessmentItem code = AssessmentItem.valueOf(rs.getString("item_code"));
        ScoringMethod method = ScoringMethod.valueOf(rs.getString("method"));
        return new RuleItem(code, rs.getString("item_name"), rs.getDouble("weight"), rs.getDouble("target"), method,
                rs.getString("direction"));
    }

    private static LocalDate toDate(Object o) {
        if (o instanceof Date d) {
            return d.toLocalDate();
        }
        if (o instanceof LocalDate d) {
            return d;
        }
        return LocalDate.parse(String.valueOf(o));
    }
}
