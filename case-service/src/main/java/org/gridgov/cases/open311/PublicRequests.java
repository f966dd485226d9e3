package org.gridgov.cases.open311;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * SQL of the public Open311 GET: publishable cases only ({@code case_record.publishable}), each page in one query
 * (the responsible department's name joined in, not looked up per row), newest first, by the index on
 * {@code (publishable, created_at)}.
 */
@Repository
public class PublicRequests {

    /** What the public may see of a case, before redaction: no reporter, no grid, no workflow internals. */
    public record PublicCase(
            String id,
            boolean open,
            String currentStep,
            String categoryCode,
            String categoryName,
            String description,
            String address,
            BigDecimal latitude,
            BigDecimal longitude,
            String agency,
            LocalDateTime createdAt,
            LocalDateTime updatedAt,
            LocalDateTime dueAt) {}

    private static final String SELECT = "SELECT c.id, c.status, c.current_step, c.category_code, c.category_name,"
            + " c.description, c.address, c.latitude, c.longitude, d.name AS agency, c.created_at, c.updated_at,"
            + " c.due_at FROM case_record c LEFT JOIN department d ON d.code = c.department_code WHERE c.publishable";

    private static final RowMapper<PublicCase> ROW = (rs, i) -> new PublicCase(
            rs.getString("id"),
            "OPEN".equals(rs.getString("status")),
            rs.getString("current_step"),
            rs.getString("category_code"),
            rs.getString("category_name"),
            rs.getString("description"),
            rs.getString("address"),
            rs.getBigDecimal("latitude"),
            rs.getBigDecimal("longitude"),
            rs.getString("agency"),
            rs.getObject("created_at", LocalDateTime.class),
            rs.getObject("updated_at", LocalDateTime.class),
            rs.getObject("due_at", LocalDateTime.class));

    private final JdbcTemplate jdbc;

    public PublicRequests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PublicCase> find(String id) {
        return jdbc.query(SELECT + " AND c.id = ?", ROW, id).stream().findFirst();
    }

    /** The publishable ones among {@code ids}, in one query. */
    public List<PublicCase> findAll(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
        return jdbc.query(
                SELECT + " AND c.id IN (" + marks + ") ORDER BY c.created_at DESC, c.id DESC", ROW, ids.toArray());
    }

    /**
     * One page of publishable cases created in [from, to], optionally of one category and open or closed, newest
     * first; {@code page} counts from 1.
     */
    public List<PublicCase> page(
            LocalDateTime from, LocalDateTime to, String categoryCode, Boolean open, int page, int pageSize) {
        String status = open == null ? null : open ? "OPEN" : "CLOSED";
        return jdbc.query(
                SELECT + " AND c.created_at BETWEEN ? AND ? AND (? IS NULL OR c.category_code = ?)"
                        + " AND (? IS NULL OR c.status = ?) ORDER BY c.created_at DESC, c.id DESC LIMIT ? OFFSET ?",
                ROW,
                from,
                to,
                categoryCode,
                categoryCode,
                status,
                status,
                pageSize,
                (long) (page - 1) * pageSize);
    }
}
