package org.gridgov.cases.duplicate;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.gridgov.cases.access.Action;
import org.gridgov.cases.access.Authorization;
import org.gridgov.cases.access.Target;
import org.gridgov.cases.audit.AuditLog;
import org.gridgov.cases.casefile.CaseEvents;
import org.gridgov.cases.casefile.CaseRecord;
import org.gridgov.cases.casefile.CaseRepository;
import org.gridgov.cases.casefile.CaseStatus;
import org.gridgov.cases.domain.ConflictException;
import org.gridgov.cases.domain.InvalidInputException;
import org.gridgov.cases.domain.NotFoundException;
import org.gridgov.cases.domain.Refusals;
import org.gridgov.cases.security.Staff;
import org.gridgov.cases.similarity.TextSimilarity;
import org.gridgov.common.model.CaseEventType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 合并重复件 and its undo. Both cases are locked in id order ({@code SELECT … FOR UPDATE}), so two merges touching
 * the same case run one after the other whatever order they name them in: A→B and B→A at once end with one merge and
 * one conflict, never a cycle. A master is open and no duplicate; a duplicate is open and no master (a case with
 * duplicates of its own is not merged away: undo those first). So the links are one level deep and cannot loop.
 */
@Service
public class CaseMerges {

    private final JdbcTemplate jdbc;
    private final CaseRepository cases;
    private final Refusals refusals;
    private final AuditLog audit;
    private final CaseEvents events;
    private final Clock clock;

    public CaseMerges(
            JdbcTemplate jdbc,
            CaseRepository cases,
            Refusals refusals,
            AuditLog audit,
            CaseEvents events,
            Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.cases = cases;
        this.refusals = refusals;
        this.audit = audit;
        this.clock = clock;
    }

    /** Makes {@code duplicateId} a linked duplicate of {@code masterId}. */
    @Transactional
    public CaseRecord merge(Staff staff, String duplicateId, String masterId) {
        if (masterId == null || masterId.isBlank()) {
            throw new InvalidInputException("master_case_id", "请指定主事件 / master_case_id is required");
        }
        if (masterId.equals(duplicateId)) {
            throw new InvalidInputException("master_case_id", "不能把事件合并到它自己 / a case cannot be merged into itself");
        }
        boolean dupFirst = duplicateId.compareTo(masterId) < 0;
        CaseRecord first = lock(dupFirst ? duplicateId : masterId);
        CaseRecord second = lock(dupFirst ? masterId : duplicateId);
        CaseRecord dup = dupFirst ? first : second;
        CaseRecord master = dupFirst ? second : first;
        refusals.require(
                staff,
                Action.CASE_MERGE,
                new Target.Merge(
                        dup.accessTarget(), master.accessTarget(), dup.report().createdBy()),
                "CASE",
                duplicateId);
        if (dup.assignment().status() == CaseStatus.DUPLICATE) {
            throw new ConflictException("事件已合并到 " + masterOf(duplicateId) + "，请先撤销合并");
        }
        if (!dup.open()) {
            throw new ConflictException("事件已结案，不能合并");
        }
        if (master.assignment().status() == CaseStatus.DUPLICATE) {
            throw new ConflictException(
                    "主事件 " + masterId + " 本身是 " + masterOf(masterId) + " 的重复件，请合并到 " + masterOf(masterId));
        }
        if (!master.open()) {
            throw new ConflictException("主事件 " + masterId + " 已结案，不能合并到已结案事件");
        }
        Integer ownDuplicates = jdbc.queryForObject(
                "SELECT COUNT(*) FROM case_record WHERE master_case_id = ?", Integer.class, duplicateId);
        if (ownDuplicates != null && ownDuplicates > 0) {
            throw new ConflictException("事件本身是 " + ownDuplicates + " 件重复件的主事件，不能再合并到其他事件");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        double s = DuplicateFinder.score(
                TextSimilarity.features(dup.report().title(), dup.report().description()),
                TextSimilarity.features(master.report().title(), master.report().description()),
                dup.report().categoryCode().equals(master.report().categoryCode()));
        Integer distance = distance(dup, master);
        jdbc.update(
                "UPDATE case_record SET status = 'DUPLICATE', master_case_id = ?, pending_role = NULL,"
                        + " updated_at = ?, version = version + 1 WHERE id = ?",
                masterId,
                now,
                duplicateId);
        jdbc.update(
                "INSERT INTO case_merge (duplicate_id, master_id, score, distance_m, prior_pending_role, merged_by,"
                        + " merged_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                duplicateId,
                masterId,
                Math.round(s * 1000) / 1000.0,
                distance,
                dup.assignment().currentRole(),
                staff.username(),
                now);
        String step = dup.assignment().currentStep();
        cases.addStep(duplicateId, "MERGE", step, step, staff, "合并为 " + masterId + " 的重复件", now);
        audit.ok(
                staff.username(),
                "MERGE",
                "CASE",
                duplicateId,
                "master " + masterId + String.format(java.util.Locale.ROOT, " score %.3f", s)
                        + (distance == null ? "" : " distance " + distance + " m"));
        // MERGED carries masterCaseId: consumers stop timing the case and count it under its master
        CaseRecord merged = cases.find(duplicateId).orElseThrow();
        events.publish(merged, CaseEventType.MERGED, staff.username(), "合并为 " + masterId + " 的重复件", now);
        return merged;
    }

    /**
     * Whether {@code staff} may merge this open case into a case they see, as {@link #merge} decides (the command
     * centre; a grid worker their own report while it waits for dispatch): the pages offer 合并 only then. Every
     * suggested master is a case the user may see (the finder checks), so the decision on the duplicate is the one.
     */
    public boolean mayMerge(Staff staff, CaseRecord dup) {
        return dup.open()
                && dup.assignment().status() != CaseStatus.DUPLICATE
                && Authorization.allows(
                        staff,
                        Action.CASE_MERGE,
                        new Target.Merge(
                                dup.accessTarget(),
                                dup.accessTarget(),
                                dup.report().createdBy()));
    }

    /** Whether {@code staff} may undo this case's merge, as {@link #unmerge} decides (the command centre). */
    public boolean mayUnmerge(Staff staff, CaseRecord dup) {
        return dup.assignment().status() == CaseStatus.DUPLICATE
                && Authorization.allows(
                        staff,
                        Action.CASE_UNMERGE,
                        new Target.Merge(
                                dup.accessTarget(),
                                dup.accessTarget(),
                                dup.report().createdBy()));
    }

    /** Gives a duplicate back its own life: open again, at the step and pending role it had. */
    @Transactional
    public CaseRecord unmerge(Staff staff, String duplicateId) {
        CaseRecord dup = lock(duplicateId);
        refusals.require(
                staff,
                Action.CASE_UNMERGE,
                new Target.Merge(
                        dup.accessTarget(), dup.accessTarget(), dup.report().createdBy()),
                "CASE",
                duplicateId);
        if (dup.assignment().status() != CaseStatus.DUPLICATE) {
            throw new ConflictException("事件不是重复件，没有可撤销的合并");
        }
        List<Map<String, Object>> merge = jdbc.queryForList(
                "SELECT id, master_id, prior_pending_role FROM case_merge"
                        + " WHERE duplicate_id = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1",
                duplicateId);
        if (merge.isEmpty()) {
            throw new ConflictException("找不到该事件的合并记录");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        Map<String, Object> m = merge.get(0);
        jdbc.update(
                "UPDATE case_record SET status = 'OPEN', master_case_id = NULL, pending_role = ?, updated_at = ?,"
                        + " version = version + 1 WHERE id = ?",
                m.get("prior_pending_role"),
                now,
                duplicateId);
        jdbc.update(
                "UPDATE case_merge SET undone_by = ?, undone_at = ? WHERE id = ?", staff.username(), now, m.get("id"));
        String step = dup.assignment().currentStep();
        cases.addStep(duplicateId, "UNMERGE", step, step, staff, "撤销合并（原主事件 " + m.get("master_id") + "）", now);
        audit.ok(staff.username(), "UNMERGE", "CASE", duplicateId, "master " + m.get("master_id"));
        // UNMERGED: the case is timed and dispatched on its own again, from its own deadlines
        CaseRecord back = cases.find(duplicateId).orElseThrow();
        events.publish(back, CaseEventType.UNMERGED, staff.username(), "撤销合并（原主事件 " + m.get("master_id") + "）", now);
        return back;
    }

    /** The master a duplicate points at, or null. */
    public String masterOf(String caseId) {
        return jdbc.queryForList("SELECT master_case_id FROM case_record WHERE id = ?", String.class, caseId).stream()
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    private CaseRecord lock(String id) {
        return cases.findForUpdate(id).orElseThrow(() -> new NotFoundException("事件 " + id + " 不存在"));
    }

    private static Integer distance(CaseRecord a, CaseRecord b) {
        CaseRecord.Location x = a.location();
        CaseRecord.Location y = b.location();
        if (x.latitude() == null || x.longitude() == null || y.latitude() == null || y.longitude() == null) {
            return null;
        }
        return (int) Math.round(GeoDistance.metres(
                x.latitude().doubleValue(),
                x.longitude().doubleValue(),
                y.latitude().doubleValue(),
                y.longitude().doubleValue()));
    }
}
