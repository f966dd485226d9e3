package org.gridgov.streaming.odsloader;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.common.district.District;
import org.gridgov.common.district.Grid;
import org.gridgov.common.json.Json;
import org.gridgov.common.kafka.Topics;
import org.gridgov.common.model.CaseEvent;
import org.gridgov.common.model.CaseEventType;

/**
 * Deterministic case-service lifecycles as they appear on {@code case.events}: case {@code i} is reported at a fixed
 * time and walked 上报 → 分派 → (督办) → 处理 → 复核 驳回 → 处理 → 复核 → 审查 → 结案, ids as the case service builds
 * them. Expected per case: 分派 30 min, 处理 270 + 180, 复核 120, 审查 120, one 驳回, one 督办.
 */
final class CaseWalks {

    static final String TOPIC = Topics.CASE_EVENTS.name();
    static final LocalDateTime T0 = LocalDateTime.of(2024, 3, 4, 9, 0);
    static final int EVENTS_PER_CASE = 10;

    private CaseWalks() {}

    static String caseId(int i) {
        return "CS-IT-" + i;
    }

    /** The events of case {@code i}, in the order the case service publishes them. */
    static List<CaseEvent> walk(int i) {
        Grid grid =
                District.licheng().grids().get(i % District.licheng().grids().size());
        LocalDateTime t = T0.plusDays(i % 20);
        List<CaseEvent> out = new ArrayList<>();
        Object[][] steps = {
            {CaseEventType.CREATED, 0, "DISPATCH"},
            {CaseEventType.ASSIGNED, 30, "HANDLE"},
            {CaseEventType.SUPERVISED, 120, "HANDLE"},
            {CaseEventType.PROCESSED, 300, "VERIFY"},
            {CaseEventType.REJECTED, 360, "HANDLE"},
            {CaseEventType.PROCESSED, 540, "VERIFY"},
            {CaseEventType.REVIEWED, 600, "REVIEW"},
            {CaseEventType.APPROVED, 720, "CLOSED"},
            {CaseEventType.CLOSED, 720, "CLOSED"},
            {CaseEventType.SUPERVISED, 725, "CLOSED"},
        };
        int version = 0;
        for (Object[] s : steps) {
            CaseEventType type = (CaseEventType) s[0];
            version++;
            String department = type == CaseEventType.CREATED ? null : "D0" + (1 + i % 3);
            out.add(new CaseEvent(
                    1,
                    caseId(i) + "-" + version + "-" + type.name(),
                    caseId(i),
                    "case-service",
                    type,
                    t.plusHours(72),
                    t.plusMinutes((Integer) s[1]),
                    "it_user",
                    null,
                    "GRID_APP",
                    "C0101",
                    grid.code(),
                    grid.streetCode(),
                    department,
                    (String) s[2],
                    false,
                    false));
        }
        return out;
    }

    /** Case {@code i}'s events as Kafka records would carry them. */
    static List<RawRecord> records(int i, long firstOffset) {
        List<RawRecord> out = new ArrayList<>();
        long offset = firstOffset;
        for (CaseEvent e : walk(i)) {
            out.add(new RawRecord(TOPIC, 0, offset++, 1_700_000_000_000L, e.caseId(), Json.write(e), false));
        }
        return out;
    }
}
