package org.gridgov.cases.notify;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.gridgov.cases.security.Staff;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Messages for a person or a whole department (督办, new tasks, 驳回), shown in their inbox until read. */
@Component
public class Notifications {

    public record Notice(long id, String kind, String refId, String message, LocalDateTime createdAt) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public Notifications(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void toUser(String username, String kind, String refId, String message) {
        insert(username, null, kind, refId, message);
    }

    public void toDepartment(String departmentCode, String kind, String refId, String message) {
        insert(null, departmentCode, kind, refId, message);
    }

    private void insert(String username, String department, String kind, String refId, String message) {
        jdbc.update(
                "INSERT INTO notification (username, department_code, kind, ref_id, message, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                username,
                department,
                kind,
                refId,
                message,
                LocalDateTime.now(clock));
    }

    public List<Notice> unread(Staff staff) {
        return jdbc.query(
                "SELECT id, kind, ref_id, message, created_at FROM notification WHERE read_at IS NULL"
                        + " AND (username = ? OR (department_code IS NOT NULL AND department_code = ?))"
                        + " ORDER BY id DESC LIMIT 50",
                (rs, i) -> new Notice(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, LocalDateTime.class)),
                staff.username(),
                staff.departmentCode());
    }

    public int markRead(Staff staff, long id) {
        return jdbc.update(
                "UPDATE notification SET read_at = ? WHERE id = ? AND read_at IS NULL"
                        + " AND (username = ? OR (department_code IS NOT NULL AND department_code = ?))",
                LocalDateTime.now(clock),
                id,
                staff.username(),
                staff.departmentCode());
    }
}
