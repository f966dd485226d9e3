package org.gridgov.cases.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import org.gridgov.cases.access.Action;
import org.gridgov.cases.access.Target;
import org.gridgov.cases.audit.AuditLog;
import org.gridgov.cases.domain.ConflictException;
import org.gridgov.cases.domain.InvalidInputException;
import org.gridgov.cases.domain.NotFoundException;
import org.gridgov.cases.domain.Refusals;
import org.gridgov.cases.security.Staff;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 手工打分 (V32): a leader's bonus or deduction for one subject in one month, with a reason. Who may score which level
 * and subject is {@code Authorization}'s answer (the leaders who set the level's rules, inside their area); a score can
 * be revoked by its author until the month is closed. A month is open from its first day until the end of the
 * {@value #CLOSING_DAY}th of the next month (the monthly assessment runs after that and reads the scores as final).
 */
@Component
public class ManualScores {

    public static final int CLOSING_DAY = 5;
    public static final double MAX_POINTS = 20;
    public static final int MAX_REASON = 200;
    static final String AUDIT_TYPE = "MANUAL_SCORE";

    /** A score as listed; {@code scoreId} is the warehouse's key. */
    public record ManualScore(
            long id,
            String scoreId,
            String month,
            AssessmentLevel level,
            String subjectCode,
            String subjectName,
            double points,
            String reason,
            String scoredBy,
            LocalDateTime scoredAt,
            String revokedBy,
            LocalDateTime revokedAt) {
        public boolean revoked() {
            return revokedAt != null;
        }
    }

    /** A new score as the page or the API sends it, unchecked. */
    public record ScoreDraft(String month, String level, String subjectCode, String points, String reason) {}

    private final JdbcTemplate jdbc;
    private final Refusals refusals;
    private final AuditLog audit;
    private final Subjects subjects;
    private final WarehouseMirror mirror;
    private final Clock clock;

    public ManualScores(
            JdbcTemplate jdbc,
            Refusals refusals,
            AuditLog audit,
            Subjects subjects,
            WarehouseMirror mirror,
            Clock clock) {
        this.jdbc = jdbc;
        this.refusals = refusals;
        this.audit = audit;
        this.subjects = subjects;
        this.mirror = mirror;
        this.clock = clock;
    }

    /** Whether scores of {@code month} may still be given or revoked on {@code today}. */
    public static boolean open(YearMonth month, LocalDate today) {
        return !month.isAfter(YearMonth.from(today))
                && today.isBefore(month.plusMonths(1).atDay(CLOSING_DAY + 1));
    }

    @Transactional
    public ManualScore add(Staff staff, ScoreDraft d) {
        AssessmentLevel level = AssessmentRules.level(d.level());
        Subjects.Subject subject = subjects.find(level, d.subjectCode())
                .orElseThrow(() -> new InvalidInputException(
                        "subject_code",
                        "考核对象 " + shown(d.subjectCode()) + " 不是" + level.label()
                                + (level == AssessmentLevel.GRID_WORKER ? "（网格员编号为 W 加网格编码去掉区划前缀）" : "")));
        refusals.require(
                staff,
                Action.ASSESSMENT_SCORE,
                new Target.Assessment(level.name(), subject.areaCode(), null),
                AUDIT_TYPE,
                level.name() + ":" + subject.code());
        YearMonth month = RuleValidation.month(d.month());
        if (month == null || (d.month() != null && d.month().strip().length() != 7)) {
            throw new InvalidInputException("month", "考核月份须为 yyyy-MM 格式");
        }
        double points = points(d.points());
        String reason = d.reason() == null ? "" : d.reason().strip();
        if (reason.isEmpty()) {
            throw new InvalidInputException("reason", "手工打分须写明理由");
        }
        if (reason.codePointCount(0, reason.length()) > MAX_REASON) {
            throw new InvalidInputException("reason", "理由不能超过 " + MAX_REASON + " 个字");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        if (month.isAfter(YearMonth.from(now))) {
            throw new InvalidInputException("month", "不能为以后的月份 " + month + " 打分");
        }
        if (!open(month, now.toLocalDate())) {
            throw new ConflictException(month + " 已结账（次月 " + CLOSING_DAY + " 日后不能再打分或撤销）");
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                con -> {
                    var ps = con.prepareStatement(
                            "INSERT INTO assessment_manual_score (month, level, subject_code, points,"
                                    + " reason, scored_by, scored_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                            java.sql.Statement.RETURN_GENERATED_KEYS);
                    ps.setString(1, month.toString());
                    ps.setString(2, level.name());
                    ps.setString(3, subject.code());
                    ps.setDouble(4, points);
                    ps.setString(5, reason);
                    ps.setString(6, staff.username());
                    ps.setObject(7, now);
                    return ps;
                },
                key);
        long id = key.getKey().longValue();
        audit.ok(
                staff.username(),
                Action.ASSESSMENT_SCORE.auditName(),
                AUDIT_TYPE,
                scoreId(id),
                month + " " + level.name() + " " + subject.code() + " " + RuleValidation.format(points) + " 分");
        mirror.afterCommit();
        return find(id);
    }

    /** Revokes a score: its author, while the month is open. */
    @Transactional
    public ManualScore revoke(Staff staff, long id) {
        List<ManualScore> rows =
                jdbc.query("SELECT * FROM assessment_manual_score WHERE id = ? FOR UPDATE", (rs, i) -> row(rs), id);
        if (rows.isEmpty()) {
            throw new NotFoundException("没有手工打分 " + scoreId(id));
        }
        ManualScore s = rows.get(0);
        String area = subjects.find(s.level(), s.subjectCode())
                .map(Subjects.Subject::areaCode)
                .orElse(null);
        refusals.require(
                staff,
                Action.ASSESSMENT_REVOKE,
                new Target.Assessment(s.level().name(), area, s.scoredBy()),
                AUDIT_TYPE,
                s.scoreId());
        if (s.revoked()) {
            throw new ConflictException("手工打分 " + s.scoreId() + " 已于 " + s.revokedAt() + " 撤销");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        if (!open(YearMonth.parse(s.month()), now.toLocalDate())) {
            throw new ConflictException(s.month() + " 已结账（次月 " + CLOSING_DAY + " 日后不能再打分或撤销）");
        }
        jdbc.update(
                "UPDATE assessment_manual_score SET revoked_by = ?, revoked_at = ? WHERE id = ?",
                staff.username(),
                now,
                id);
        audit.ok(
                staff.username(),
                Action.ASSESSMENT_REVOKE.auditName(),
                AUDIT_TYPE,
                s.scoreId(),
                s.month() + " " + s.level().name() + " " + s.subjectCode() + " " + RuleValidation.format(s.points())
                        + " 分");
        mirror.afterCommit();
        return find(id);
    }

    /**
     * A month's scores whose subjects lie in the user's area (departments: district-wide users), revoked ones too.
     * Grid workers see the scores given to themselves.
     */
    public List<ManualScore> list(Staff staff, YearMonth month) {
        refusals.require(
                staff,
                Action.ASSESSMENT_RESULTS,
                new Target.Assessment(AssessmentLevel.GRID_WORKER.name(), staff.scopeCode(), null),
                AUDIT_TYPE,
                null);
        return jdbc
                .query(
                        "SELECT * FROM assessment_manual_score WHERE month = ? ORDER BY id DESC",
                        (rs, i) -> row(rs),
                        month.toString())
                .stream()
                .filter(s -> {
                    String area = subjects.find(s.level(), s.subjectCode())
                            .map(Subjects.Subject::areaCode)
                            .orElse(null);
                    return area == null ? staff.districtWide() : staff.covers(area);
                })
                .toList();
    }

    /** Every score ever given, revoked ones too (for the warehouse copy). */
    List<ManualScore> all() {
        return jdbc.query("SELECT * FROM assessment_manual_score ORDER BY id", (rs, i) -> row(rs));
    }

    public static String scoreId(long id) {
        return "MS" + id;
    }

    private ManualScore find(long id) {
        return jdbc.query("SELECT * FROM assessment_manual_score WHERE id = ?", (rs, i) -> row(rs), id)
                .get(0);
    }

    private ManualScore row(java.sql.ResultSet rs) throws java.sql.SQLException {
        AssessmentLevel level = AssessmentLevel.valueOf(rs.getString("level"));
        java.sql.Timestamp revoked = rs.getTimestamp("revoked_at");
        return new ManualScore(
                rs.getLong("id"),
                scoreId(rs.getLong("id")),
                rs.getString("month"),
                level,
                rs.getString("subject_code"),
                subjects.name(level, rs.getString("subject_code")),
                rs.getDouble("points"),
                rs.getString("reason"),
                rs.getString("scored_by"),
                rs.getTimestamp("scored_at").toLocalDateTime(),
                rs.getString("revoked_by"),
                revoked == null ? null : revoked.toLocalDateTime());
    }

    /** −20..+20, not 0, at most one decimal. */
    static double points(String text) {
        double p;
        try {
            p = Double.parseDouble(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("points", "分值须为数字（-20 到 +20）");
        }
        if (!Double.isFinite(p) || Math.abs(p) > MAX_POINTS) {
            throw new InvalidInputException("points", "分值须在 -20 到 +20 之间");
        }
        if (p == 0) {
            throw new InvalidInputException("points", "分值不能为 0");
        }
        if (Math.abs(p * 10 - Math.rint(p * 10)) > 1e-9) {
            throw new InvalidInputException("points", "分值最多一位小数");
        }
        return p;
    }

    private static String shown(String code) {
        if (code == null || code.isBlank()) {
            return "（空）";
        }
        String c = code.strip();
        return c.length() > 40 ? c.substring(0, 40) + "…" : c;
    }
}
