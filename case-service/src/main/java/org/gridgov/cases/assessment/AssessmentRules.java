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
import org.gridgov.cases.area.AreaDirectory;
import org.gridgov.cases.audit.AuditLog;
import org.gridgov.cases.domain.ConflictException;
import org.gridgov.cases.domain.InvalidInputException;
import org.gridgov.cases.domain.NotFoundException;
import org.gridgov.cases.domain.Refusals;
import org.gridgov.cases.security.Staff;
import org.gridgov.common.district.District;
import org.gridgov.common.district.Street;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 考核规则 as data (V30, V33): read the version valid in a month, the history, publish a new version and withdraw a
 * street's own rules. Rules belong to a scope: the district's (every level) or a street's (COMMUNITY and GRID_WORKER
 * only), which overrides the district's for subjects in that street; versions are numbered per (level, scope).
 * Publishing locks the (level, scope)'s newest version row, so of parallel edits of the same version exactly one
 * becomes the next version and the rest are told the rules changed (409); the unique (level, scope, version) key
 * backs the lock up (and decides between parallel first versions of a street, when there is no row to lock). Every
 * publication and withdrawal is in the audit log, every refusal too (through {@link Refusals}), and the warehouse copy
 * follows after the commit.
 */
@Component
public class AssessmentRules {

    static final String AUDIT_TYPE = "ASSESSMENT_RULE";
    /** The district's scope: its rules hold wherever a street has none of its own. */
    public static final String DISTRICT_SCOPE = District.CODE;
    /** The longest area code (a grid's); a scope is never longer. */
    private static final int MAX_SCOPE_LENGTH = 14;

    private final JdbcTemplate jdbc;
    private final Refusals refusals;
    private final AuditLog audit;
    private final WarehouseMirror mirror;
    private final AreaDirectory areas;
    private final Clock clock;

    public AssessmentRules(
            JdbcTemplate jdbc,
            Refusals refusals,
            AuditLog audit,
            WarehouseMirror mirror,
            AreaDirectory areas,
            Clock clock) {
        this.jdbc = jdbc;
        this.refusals = refusals;
        this.audit = audit;
        this.mirror = mirror;
        this.areas = areas;
        this.clock = clock;
    }

    /** The month now by the service clock. */
    public YearMonth currentMonth() {
        return YearMonth.now(clock);
    }

    /** The level named in a request, or a 400 naming the levels. */
    public static AssessmentLevel level(String code) {
        return AssessmentLevel.of(code)
                .orElseThrow(
                        () -> new InvalidInputException("level", "考核层级须为 GRID_WORKER、COMMUNITY、STREET 或 DEPARTMENT"));
    }

    /** Whether a level may have a street's own rules (the others are the district's alone). */
    public static boolean streetScoped(AssessmentLevel level) {
        return level == AssessmentLevel.GRID_WORKER || level == AssessmentLevel.COMMUNITY;
    }

    /**
     * A request's scope as given (blank = the district's), before anyone checks who may use it; longer than an area
     * code is a 400 at once (it would otherwise reach the audit row of the refusal).
     */
    public static String scopeCode(String text) {
        if (text == null || text.isBlank()) {
            return DISTRICT_SCOPE;
        }
        String code = text.strip();
        if (code.length() > MAX_SCOPE_LENGTH) {
            throw new InvalidInputException("scope", "规则范围须为区（" + DISTRICT_SCOPE + "）或本区街道编码");
        }
        return code;
    }

    /**
     * The scope of a request, checked: the district's code or one of its streets' (a 400 otherwise), and a street
     * only for COMMUNITY and GRID_WORKER.
     */
    public String scope(AssessmentLevel level, String text) {
        String code = scopeCode(text);
        if (DISTRICT_SCOPE.equals(code)) {
            return code;
        }
        if (areas.district().streets().stream().noneMatch(st -> st.code().equals(code))) {
            throw new InvalidInputException("scope", "规则范围须为区（" + DISTRICT_SCOPE + "）或本区街道编码");
        }
        if (!streetScoped(level)) {
            throw new InvalidInputException("scope", level.label() + "考核只有区级规则，街道不能单独设定");
        }
        return code;
    }

    /** "区级" or the street's name, as the page and the audit say it. */
    public String scopeName(String scope) {
        return DISTRICT_SCOPE.equals(scope) ? "区级" : areas.name(scope);
    }

    /** The streets whose rules the page offers: every street to a district user, else the user's own street. */
    public List<Street> streets(Staff staff) {
        String own = staff.scopeCode() == null ? "" : staff.scopeCode();
        return areas.district().streets().stream()
                .filter(st -> staff.districtWide() || own.startsWith(st.code()))
                .toList();
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

    /**
     * The version that scores {@code month} for {@code level}'s subjects in {@code scope}: the street's own version
     * valid then, else the district's; 404 when neither has one.
     */
    public RuleVersion validIn(Staff staff, AssessmentLevel level, String scope, YearMonth month) {
        requireView(staff, level);
        List<RuleVersion> own = DISTRICT_SCOPE.equals(scope) ? List.of() : load(level, scope);
        return RuleVersions.forSubject(load(level, DISTRICT_SCOPE), own, month)
                .orElseThrow(() -> new NotFoundException(level.label() + "考核在 " + month + " 没有生效的规则"));
    }

    /** The district's rules of {@code level} valid in {@code month}. */
    public RuleVersion validIn(Staff staff, AssessmentLevel level, YearMonth month) {
        return validIn(staff, level, DISTRICT_SCOPE, month);
    }

    /** Every version of a level in one scope, newest first. */
    public List<RuleVersion> history(Staff staff, AssessmentLevel level, String scope) {
        requireView(staff, level);
        List<RuleVersion> all = new ArrayList<>(load(level, scope));
        all.sort((a, b) -> Integer.compare(b.version(), a.version()));
        return all;
    }

    /** Every version of the district's rules of a level, newest first. */
    public List<RuleVersion> history(Staff staff, AssessmentLevel level) {
        return history(staff, level, DISTRICT_SCOPE);
    }

    /** Whether the user may publish or withdraw rules of the level in the scope (the page offers the forms only then). */
    public boolean mayEdit(Staff staff, AssessmentLevel level, String scope) {
        return org.gridgov.cases.access.Authorization.allows(
                staff, Action.ASSESSMENT_RULES_EDIT, new Target.Assessment(level.name(), scope, null));
    }

    /** Publishes the district's rules (see {@link #publish(Staff, String, RuleDraft)}). */
    public RuleVersion publish(Staff staff, RuleDraft draft) {
        return publish(staff, null, draft);
    }

    /**
     * Publishes {@code draft} as the next version of the level in {@code scopeText} (blank: the district's), from its
     * month's first day; the version it replaces ends the day before (unless a withdrawal ended it earlier). Refused:
     * a role or area that does not set these rules (403: a street leader sets only their own street's COMMUNITY and
     * GRID_WORKER rules), any invalid value (400, all reasons), an edit of a version that is no longer the newest, or
     * a start not after the newest version's (409).
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public RuleVersion publish(Staff staff, String scopeText, RuleDraft draft) {
        AssessmentLevel level = level(draft.level());
        String requested = scopeCode(scopeText);
        refusals.require(
                staff,
                Action.ASSESSMENT_RULES_EDIT,
                new Target.Assessment(level.name(), requested, null),
                AUDIT_TYPE,
                level.name() + "@" + requested);
        String scope = scope(level, requested);
        RuleValidation.Result r = RuleValidation.check(draft, currentMonth());
        if (!r.ok()) {
            throw new InvalidInputException(r.problems().get(0).field(), r.message());
        }
        RuleValidation.Checked c = r.checked();
        String what = scopeName(scope) + level.label() + "考核";
        // the (level, scope)'s newest version row, locked: parallel publications of one (level, scope) queue here.
        // READ COMMITTED, so the lock is on that row alone (REPEATABLE READ's gap locks made the queued inserts
        // deadlock), and the version read again once the lock is held is the newest committed one: a publication
        // that committed while this one waited makes it a conflict
        List<Map<String, Object>> newest = lockNewest(level, scope);
        int base = 0;
        if (!newest.isEmpty()) {
            Map<String, Object> n = newest.get(0);
            base = ((Number) n.get("version")).intValue();
            requireNewest(level, scope, base, what);
            LocalDate from = toDate(n.get("valid_from"));
            if (c.baseVersion() != base) {
                throw new ConflictException(
                        "规则已被修改：" + what + "现行最新为第 " + base + " 版（自 " + YearMonth.from(from) + " 起），请在最新版本上修改");
            }
            if (!c.validFrom().isAfter(YearMonth.from(from))) {
                throw new ConflictException("第 " + base + " 版自 " + YearMonth.from(from) + " 起生效，新版本须晚于该月");
            }
            // a withdrawal may have ended the newest version earlier: that end stays
            LocalDate end = c.validFrom().atDay(1).minusDays(1);
            LocalDate ended = n.get("valid_to") == null ? null : toDate(n.get("valid_to"));
            if (ended == null || ended.isAfter(end)) {
                jdbc.update(
                        "UPDATE assessment_rule_version SET valid_to = ? WHERE id = ?",
                        end,
                        ((Number) n.get("id")).longValue());
            }
        } else if (c.baseVersion() != 0) {
            throw new ConflictException(what + "还没有规则，base_version 须为 0");
        }
        int version = base + 1;
        LocalDateTime now = LocalDateTime.now(clock);
        KeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.update(
                    con -> {
                        var ps = con.prepareStatement(
                                "INSERT INTO assessment_rule_version (level, scope_code, version,"
                                        + " valid_from, valid_to, note, created_by, created_at) VALUES (?, ?, ?, ?, NULL, ?, ?, ?)",
                                java.sql.Statement.RETURN_GENERATED_KEYS);
                        ps.setString(1, level.name());
                        ps.setString(2, scope);
                        ps.setInt(3, version);
                        ps.setObject(4, c.validFrom().atDay(1));
                        ps.setString(5, c.note());
                        ps.setString(6, staff.username());
                        ps.setObject(7, now);
                        return ps;
                    },
                    key);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("规则已被修改：" + what + "第 " + version + " 版已由他人发布，请刷新后修改");
        }
        long id = key.getKey().longValue();
        int position = 1;
        for (RuleItem item : c.items()) {
            jdbc.update(
                    "INSERT INTO assessment_rule_item (version_id, position, item_code, item_name, weight, target,"
                            + " method, direction) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    id,
                    position++,
                    item.item().name(),
                    item.name(),
                    item.weight(),
                    item.target(),
                    item.method().name(),
                    item.direction());
        }
        audit.ok(
                staff.username(),
                Action.ASSESSMENT_RULES_EDIT.auditName(),
                AUDIT_TYPE,
                level.name() + "@" + scope + " v" + version,
                scopeName(scope) + "，自 " + c.validFrom() + " 起："
                        + c.items().stream()
                                .map(i -> i.item().name() + " "
                                        + RuleValidation.format(i.weight()) + "分/目标" + RuleValidation.format(i.target())
                                        + "/"
                                        + i.method().name())
                                .collect(Collectors.joining(", "))
                        + (c.note() == null ? "" : "；说明：" + c.note()));
        mirror.afterCommit();
        return load(level, scope).stream().filter(v -> v.id() == id).findFirst().orElseThrow();
    }

    /**
     * Withdraws a street's own rules of a level from {@code fromText} (a month after this one) on: every version of
     * the street still holding then ends the day before (one scheduled to begin later never holds), so the street's
     * subjects are scored with the district's rules from that month, and the months before keep theirs. Nothing is
     * deleted; the withdrawal is on the versions (withdrawn_by/at) and in the audit log. Refused like a publication
     * (403 for another street or a non-leader), 400 for the district's scope or a month that has begun, 409 when the
     * street's newest version is not {@code baseVersion} or nothing of the street holds from that month.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public RuleVersion withdraw(
            Staff staff, String levelText, String scopeText, String fromText, Integer baseVersion, String note) {
        AssessmentLevel level = level(levelText);
        String requested = scopeCode(scopeText);
        refusals.require(
                staff,
                Action.ASSESSMENT_RULES_EDIT,
                new Target.Assessment(level.name(), requested, null),
                AUDIT_TYPE,
                level.name() + "@" + requested);
        String scope = scope(level, requested);
        if (DISTRICT_SCOPE.equals(scope)) {
            throw new InvalidInputException("scope", "区级规则不能撤销，只能发布新版本");
        }
        YearMonth from = RuleValidation.month(fromText);
        if (from == null) {
            throw new InvalidInputException("valid_from", "撤销月份须为 yyyy-MM 格式");
        }
        if (!from.isAfter(currentMonth())) {
            throw new InvalidInputException(
                    "valid_from", "撤销月份 " + from + " 不晚于本月 " + currentMonth() + "：已开始的月份按原规则考核");
        }
        String why = note == null ? "" : note.strip();
        if (why.length() > 200) {
            throw new InvalidInputException("note", "说明不能超过 200 个字");
        }
        String what = scopeName(scope) + level.label() + "考核";
        List<Map<String, Object>> newest = lockNewest(level, scope);
        if (newest.isEmpty()) {
            throw new ConflictException(what + "没有单独设定的规则，无需撤销");
        }
        int base = ((Number) newest.get(0).get("version")).intValue();
        requireNewest(level, scope, base, what);
        if (baseVersion == null || baseVersion != base) {
            throw new ConflictException("规则已被修改：" + what + "现行最新为第 " + base + " 版，请刷新后再撤销");
        }
        LocalDate end = from.atDay(1).minusDays(1);
        LocalDateTime now = LocalDateTime.now(clock);
        int ended = jdbc.update(
                "UPDATE assessment_rule_version SET valid_to = ?, withdrawn_by = ?, withdrawn_at = ?"
                        + " WHERE level = ? AND scope_code = ? AND (valid_to IS NULL OR valid_to > ?)",
                end,
                staff.username(),
                now,
                level.name(),
                scope,
                end);
        if (ended == 0) {
            throw new ConflictException(what + "自 " + from + " 起已没有生效的规则，无需撤销");
        }
        audit.ok(
                staff.username(),
                Action.ASSESSMENT_RULES_EDIT.auditName(),
                AUDIT_TYPE,
                level.name() + "@" + scope + " v" + base,
                "撤销" + what + "（" + ended + " 个版本），自 " + from + " 起按区级规则考核" + (why.isEmpty() ? "" : "；说明：" + why));
        mirror.afterCommit();
        return load(level, scope).stream()
                .filter(v -> v.version() == base)
                .findFirst()
                .orElseThrow();
    }

    /** One version of a level in a scope, for a result that names it (the caller has checked who reads it). */
    Optional<RuleVersion> version(AssessmentLevel level, String scope, int version) {
        return load(level, scope == null ? DISTRICT_SCOPE : scope).stream()
                .filter(v -> v.version() == version)
                .findFirst();
    }

    /** Every version of every level and scope, oldest first (for the warehouse copy). */
    List<RuleVersion> all() {
        List<String> scopes = jdbc.queryForList(
                "SELECT DISTINCT scope_code FROM assessment_rule_version" + " ORDER BY scope_code", String.class);
        List<RuleVersion> out = new ArrayList<>();
        for (AssessmentLevel level : AssessmentLevel.values()) {
            for (String scope : scopes) {
                out.addAll(load(level, scope));
            }
        }
        return out;
    }

    private List<Map<String, Object>> lockNewest(AssessmentLevel level, String scope) {
        return jdbc.queryForList(
                "SELECT id, version, valid_from, valid_to FROM assessment_rule_version"
                        + " WHERE level = ? AND scope_code = ? ORDER BY version DESC LIMIT 1 FOR UPDATE",
                level.name(),
                scope);
    }

    private void requireNewest(AssessmentLevel level, String scope, int locked, String what) {
        Integer latest = jdbc.queryForObject(
                "SELECT MAX(version) FROM assessment_rule_version WHERE level = ?" + " AND scope_code = ?",
                Integer.class,
                level.name(),
                scope);
        if (latest != null && latest != locked) {
            throw new ConflictException("规则已被修改：" + what + "现行最新为第 " + latest + " 版，请在最新版本上修改");
        }
    }

    private void requireView(Staff staff, AssessmentLevel level) {
        refusals.require(
                staff,
                Action.ASSESSMENT_RULES_VIEW,
                new Target.Assessment(level.name(), null, null),
                AUDIT_TYPE,
                level.name());
    }

    private List<RuleVersion> load(AssessmentLevel level, String scope) {
        Map<Long, List<RuleItem>> items = new LinkedHashMap<>();
        jdbc.query(
                "SELECT i.* FROM assessment_rule_item i JOIN assessment_rule_version v ON v.id = i.version_id"
                        + " WHERE v.level = ? AND v.scope_code = ? ORDER BY i.version_id, i.position",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    items.computeIfAbsent(rs.getLong("version_id"), k -> new ArrayList<>())
                            .add(item(rs));
                },
                level.name(),
                scope);
        return jdbc.query(
                "SELECT * FROM assessment_rule_version WHERE level = ? AND scope_code = ? ORDER BY version",
                (rs, i) -> new RuleVersion(
                        rs.getLong("id"),
                        level,
                        rs.getString("scope_code"),
                        rs.getInt("version"),
                        rs.getDate("valid_from").toLocalDate(),
                        Optional.ofNullable(rs.getDate("valid_to"))
                                .map(Date::toLocalDate)
                                .orElse(null),
                        rs.getString("note"),
                        rs.getString("created_by"),
                        rs.getTimestamp("created_at").toLocalDateTime(),
                        List.copyOf(items.getOrDefault(rs.getLong("id"), List.of())),
                        rs.getString("withdrawn_by"),
                        Optional.ofNullable(rs.getTimestamp("withdrawn_at"))
                                .map(java.sql.Timestamp::toLocalDateTime)
                                .orElse(null)),
                level.name(),
                scope);
    }

    private static RuleItem item(ResultSet rs) throws SQLException {
        AssessmentItem code = AssessmentItem.valueOf(rs.getString("item_code"));
        ScoringMethod method = ScoringMethod.valueOf(rs.getString("method"));
        return new RuleItem(
                code,
                rs.getString("item_name"),
                rs.getDouble("weight"),
                rs.getDouble("target"),
                method,
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
