package org.gridgov.loading.cases;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.common.district.District;
import org.gridgov.common.district.Grid;
import org.gridgov.common.json.Json;
import org.gridgov.common.model.CaseEvent;
import org.gridgov.common.model.CaseEventType;
import org.gridgov.warehouse.CaseTables;
import org.gridgov.warehouse.TableRow;

/**
 * {@code case.events} into warehouse rows: each event into its {@code ods_case_event} row, and all events of one case
 * into its {@code dwd_case} row. Pure and engine-free, so the stream job and its tests use the same code.
 *
 * <p>The dwd_case row is a function of the <em>set</em> of a case's events (ordered here by time, then by the
 * version the case service puts in its event ids), so rebuilding it after a replay or from events that arrived out of
 * order yields the same row, and the upsert on {@code case_id} is idempotent.
 *
 * <p>Step durations: the time between two consecutive step events belongs to the step the case stood at in between,
 * which the case service states in each event ({@code step}: DISPATCH, the department's step, VERIFY, REVIEW). A step
 * passed twice after a 驳回 sums both passes. 督办, 挂起 and 恢复 do not move the case, so they end no interval.
 * Events without a step (the hotline platform's) fall back to the step that the ending event completes.
 */
public final class CaseEventRows {

    /** Step codes of the case service's workflows ({@code case-service/.../workflow/Workflow.java}). */
    static final String DISPATCH = "DISPATCH";

    static final String VERIFY = "VERIFY";
    static final String REVIEW = "REVIEW";
    static final String CLOSED = "CLOSED";

    private final District district;

    public CaseEventRows(District district) {
        this.district = district;
    }

    /** The event as received; notes were redacted by the producer and are cut to the column. */
    public static TableRow odsRow(CaseEvent e) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("event_id", e.eventId());
        v.put("event_date", e.eventTime().toLocalDate());
        v.put("case_id", e.caseId());
        v.put("schema_version", e.schemaVersion());
        v.put("origin", e.origin());
        v.put("event_type", e.type().name());
        v.put("event_time", Json.time(e.eventTime()));
        v.put("deadline", e.deadline() == null ? null : Json.time(e.deadline()));
        v.put("step", e.step());
        v.put("channel", e.channel());
        v.put("category_code", e.categoryCode());
        v.put("grid_code", e.gridCode());
        v.put("street_code", e.streetCode());
        v.put("department_code", e.departmentCode());
        v.put("self_handled", flag(e.selfHandled()));
        v.put("dispute", flag(e.dispute()));
        v.put(
                "note",
                e.note() == null || e.note().length() <= 500
                        ? e.note()
                        : e.note().substring(0, 500));
        return CaseTables.ODS_CASE_EVENT.row(v);
    }

    /** A case's events in the order they happened: time, then the case version in the id, then the id. */
    static List<CaseEvent> ordered(Collection<CaseEvent> events) {
        Map<String, CaseEvent> byId = new LinkedHashMap<>();
        events.forEach(e -> byId.put(e.eventId(), e));
        List<CaseEvent> out = new ArrayList<>(byId.values());
        out.sort(Comparator.comparing(CaseEvent::eventTime)
                .thenComparingLong(CaseEventRows::version)
                .thenComparing(CaseEvent::eventId));
        return out;
    }

    /** The case service's ids are {@code caseId-version-TYPE}; other producers' ids sort by text only. */
    private static long version(CaseEvent e) {
        String id = e.eventId();
        String prefix = e.caseId() + "-";
        if (!id.startsWith(prefix)) {
            return 0;
        }
        int end = id.indexOf('-', prefix.length());
        try {
            return Long.parseLong(end < 0 ? id.substring(prefix.length()) : id.substring(prefix.length(), end));
        } catch (NumberFormatException ex) {
            return 0;
        }
    }

    /**
     * The case's dwd_case row, or empty while its 上报 (CREATED) event has not arrived: without it the row would lack
     * its report time and partition, and a later rebuild will include it.
     */
    public Optional<TableRow> dwdCase(Collection<CaseEvent> events) {
        return summarize(events).map(CaseSummary::row);
    }

    Optional<CaseSummary> summarize(Collection<CaseEvent> events) {
        List<CaseEvent> list = ordered(events);
        CaseEvent created = list.stream()
                .filter(e -> e.type() == CaseEventType.CREATED)
                .findFirst()
                .orElse(null);
        if (created == null) {
            return Optional.empty();
        }
        CaseSummary s = new CaseSummary();
        s.caseId = created.caseId();
        s.origin = created.origin();
        s.reported = created.eventTime();
        CaseEvent previous = null;
        for (CaseEvent e : list) {
            s.events++;
            s.last = e.eventTime();
            s.facts(e);
            switch (e.type()) {
                case REJECTED -> s.rejected++;
                case SUPERVISED -> s.supervised++;
                case CONVERTED_TO_DISPUTE -> s.dispute = true;
                case ASSIGNED -> {
                    if (s.dispatched == null) {
                        s.dispatched = e.eventTime();
                    }
                }
                case CLOSED -> s.closed = e.eventTime();
                case RESPONDED -> {
                    if (s.firstResponse == null) {
                        s.firstResponse = e.eventTime();
                    }
                }
                case RETURN_VISITED -> s.satisfaction = e.satisfaction() != null ? e.satisfaction() : s.satisfaction;
                case MERGED -> s.master = e.masterCaseId();
                case UNMERGED -> s.master = null;
                default -> {
                    // a merged case's later events repeat the master; an unmerged case's later events carry none
                    if (e.masterCaseId() != null) {
                        s.master = e.masterCaseId();
                    }
                }
            }
            if (!movesTheCase(e.type())) {
                continue;
            }
            if (previous != null && !e.eventTime().isBefore(previous.eventTime())) {
                s.add(
                        phase(previous, e),
                        Duration.between(previous.eventTime(), e.eventTime()).toMinutes());
            }
            previous = e;
        }
        return Optional.of(s);
    }

    private static boolean movesTheCase(CaseEventType t) {
        return switch (t) {
            case SUPERVISED, PAUSED, RESUMED, RESPONDED, RETURN_VISITED, MERGED, UNMERGED -> false;
            default -> true;
        };
    }

    /** The step the case stood at between {@code from} and {@code to}. */
    static Phase phase(CaseEvent from, CaseEvent to) {
        if (from.step() != null) {
            return switch (from.step()) {
                case DISPATCH -> Phase.DISPATCH;
                case VERIFY -> Phase.VERIFY;
                case REVIEW -> Phase.REVIEW;
                case CLOSED -> Phase.NONE;
                default -> Phase.HANDLE;
            };
        }
        return switch (to.type()) {
            case ASSIGNED -> Phase.DISPATCH;
            case PROCESSED -> Phase.HANDLE;
            case REVIEWED -> Phase.VERIFY;
            case APPROVED -> Phase.REVIEW;
            default -> Phase.NONE;
        };
    }

    enum Phase {
        DISPATCH,
        HANDLE,
        VERIFY,
        REVIEW,
        NONE
    }

    /** What the fold learnt about one case. */
    final class CaseSummary {
        String caseId;
        String origin;
        String channel;
        String category;
        String grid;
        String street;
        String department;
        boolean selfHandled;
        boolean dispute;
        LocalDateTime reported;
        LocalDateTime dispatched;
        LocalDateTime closed;
        LocalDateTime deadline;
        LocalDateTime last;
        LocalDateTime firstResponse;
        LocalDateTime responseDeadline;
        String responseLevel;
        String satisfaction;
        String master;
        final Map<Phase, Long> minutes = new LinkedHashMap<>();
        int rejected;
        int supervised;
        int events;

        /** The latest event's facts win; a department, once set, stays when a later event leaves it out. */
        void facts(CaseEvent e) {
            channel = e.channel() != null ? e.channel() : channel;
            category = e.categoryCode() != null ? e.categoryCode() : category;
            grid = e.gridCode() != null ? e.gridCode() : grid;
            street = e.streetCode() != null ? e.streetCode() : street;
            department = e.departmentCode() != null ? e.departmentCode() : department;
            selfHandled = e.selfHandled() != null ? e.selfHandled() : selfHandled;
            dispute = dispute || Boolean.TRUE.equals(e.dispute());
            deadline = e.deadline() != null ? e.deadline() : deadline;
            responseLevel = e.responseLevel() != null ? e.responseLevel() : responseLevel;
            responseDeadline = e.responseDeadline() != null ? e.responseDeadline() : responseDeadline;
        }

        void add(Phase p, long m) {
            if (p != Phase.NONE) {
                minutes.merge(p, m, Long::sum);
            }
        }

        Long minutes(Phase p) {
            return minutes.get(p);
        }

        boolean overdue() {
            if (deadline == null) {
                return false;
            }
            return closed != null ? closed.isAfter(deadline) : last.isAfter(deadline);
        }

        /**
         * 按时响应: the first response came by the response deadline. Undecided (null) without a deadline, or while
         * nobody has responded and no event has passed the deadline yet: "now" is not part of the events, so a
         * silent case turns late only when a later event (or the closure) shows the deadline passed.
         */
        Integer respondedOnTime() {
            if (responseDeadline == null) {
                return null;
            }
            if (firstResponse != null) {
                return firstResponse.isAfter(responseDeadline) ? 0 : 1;
            }
            LocalDateTime seen = closed != null ? closed : last;
            return seen.isAfter(responseDeadline) ? 0 : null;
        }

        /** 按时解决: closed by the resolution deadline; undecided while open and not yet shown past it. */
        Integer resolvedOnTime() {
            if (deadline == null) {
                return null;
            }
            if (closed != null) {
                return closed.isAfter(deadline) ? 0 : 1;
            }
            return last.isAfter(deadline) ? 0 : null;
        }

        TableRow row() {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("case_id", caseId);
            v.put("report_date", reported.toLocalDate());
            v.put("report_month", reported.toLocalDate().toString().substring(0, 7));
            v.put("origin", origin);
            v.put("channel", channel);
            v.put("category_code", category);
            v.put("grid_code", grid);
            v.put(
                    "community_code",
                    grid == null
                            ? null
                            : district.grid(grid).map(Grid::communityCode).orElse(null));
            v.put("street_code", street);
            v.put("department_code", department);
            v.put("status", closed != null ? "CLOSED" : "OPEN");
            v.put("reported_time", Json.time(reported));
            v.put("dispatched_time", dispatched == null ? null : Json.time(dispatched));
            v.put("closed_time", closed == null ? null : Json.time(closed));
            v.put("deadline", deadline == null ? null : Json.time(deadline));
            v.put("dispatch_minutes", minutes(Phase.DISPATCH));
            v.put("handle_minutes", minutes(Phase.HANDLE));
            v.put("verify_minutes", minutes(Phase.VERIFY));
            v.put("review_minutes", minutes(Phase.REVIEW));
            v.put(
                    "total_minutes",
                    closed == null ? null : Duration.between(reported, closed).toMinutes());
            v.put("rejected_cnt", rejected);
            v.put("supervised_cnt", supervised);
            v.put("event_cnt", events);
            v.put("is_self_handled", selfHandled ? 1 : 0);
            v.put("is_dispute", dispute ? 1 : 0);
            v.put("is_closed", closed != null ? 1 : 0);
            v.put("is_overdue", overdue() ? 1 : 0);
            v.put("satisfaction", satisfaction);
            v.put("response_level", responseLevel);
            v.put("response_deadline", responseDeadline == null ? null : Json.time(responseDeadline));
            v.put("first_response_time", firstResponse == null ? null : Json.time(firstResponse));
            v.put("responded_on_time", respondedOnTime());
            v.put("resolved_on_time", resolvedOnTime());
            v.put("master_case_id", master);
            v.put("is_merged", master != null ? 1 : 0);
            v.put("last_event_time", Json.time(last));
            return CaseTables.DWD_CASE.row(v);
        }
    }

    private static Integer flag(Boolean b) {
        return b == null ? null : (b ? 1 : 0);
    }
}
