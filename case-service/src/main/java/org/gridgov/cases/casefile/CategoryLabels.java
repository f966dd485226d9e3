package org.gridgov.cases.casefile;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVPrinter;
import org.gridgov.cases.jdbc.WriteBatch;
import org.gridgov.cases.security.Staff;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.io.TsvTable;
import org.gridgov.common.pii.PiiProtector;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What the classifier suggested for a case ({@code case_category_suggestion}) and the operators' corrections of case
 * categories ({@code case_category_label}): the labels {@code gridgov nlp train} learns from. The stored text is the
 * description the classifier saw, with ID-card and phone numbers masked, so an export of the labels carries no PII
 * the description happened to contain.
 */
@Repository
public class CategoryLabels {

    /** One 改分类 as stored. */
    public record Label(
            long id,
            String caseId,
            String text,
            String oldCategory,
            String newCategory,
            String changedBy,
            String changedRole,
            LocalDateTime changedAt,
            String modelVersion) {}

    /** The classifier's choice at report time. */
    public record Suggested(String categoryCode, double confidence, String modelVersion) {}

    private final JdbcTemplate jdbc;

    public CategoryLabels(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the classifier's choice for a new case to {@code rows}; it is written when the batch is sent. */
    public void suggested(WriteBatch rows, String caseId, CategorySuggester.Suggestion s, LocalDateTime at) {
        rows.add(
                "INSERT INTO case_category_suggestion (case_id, category_code, confidence, model_version,"
                        + " suggested_at) VALUES (?, ?, ?, ?, ?)",
                caseId,
                s.categoryCode(),
                s.probability(),
                s.modelVersion(),
                at);
    }

    public Optional<Suggested> suggestion(String caseId) {
        return jdbc
                .query(
                        "SELECT category_code, confidence, model_version FROM case_category_suggestion"
                                + " WHERE case_id = ?",
                        (rs, i) -> new Suggested(rs.getString(1), rs.getDouble(2), rs.getString(3)),
                        caseId)
                .stream()
                .findFirst();
    }

    public void add(
            String caseId,
            String text,
            String oldCategory,
            String newCategory,
            Staff by,
            LocalDateTime at,
            String modelVersion) {
        jdbc.update(
                "INSERT INTO case_category_label (case_id, text, old_category, new_category, changed_by,"
                        + " changed_role, changed_at, model_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                caseId,
                PiiProtector.redact(text),
                oldCategory,
                newCategory,
                by.username(),
                by.role().name(),
                at,
                modelVersion);
    }

    /** The case's corrections, oldest first. */
    public List<Label> of(String caseId) {
        return jdbc.query("SELECT * FROM case_category_label WHERE case_id = ? ORDER BY id", LABEL, caseId);
    }

    /**
     * The newest correction of every case changed at or after {@code since}, oldest first: a case corrected twice
     * teaches only its final category.
     */
    public List<Label> latest(LocalDateTime since, int limit) {
        return jdbc.query("""
                SELECT l.* FROM case_category_label l
                WHERE l.changed_at >= ? AND l.id = (SELECT MAX(m.id) FROM case_category_label m
                                                    WHERE m.case_id = l.case_id)
                ORDER BY l.id LIMIT ?""", LABEL, since, limit);
    }

    /** Columns of {@link #export}; {@code text} and {@code category_code} are what {@code gridgov nlp train} reads. */
    public static final List<String> EXPORT_COLUMNS =
            List.of("case_id", "text", "old_category", "category_code", "changed_role", "changed_at", "model_version");

    /**
     * The newest correction of every case changed since {@code since} as a TSV with a header ({@link TsvTable}'s
     * format, so tabs, quotes and line breaks in a text survive), a retired category as the one that replaced it.
     * Returns the number of rows written.
     */
    public int export(LocalDateTime since, Appendable out) throws IOException {
        CategoryCatalog catalog = CategoryCatalog.standard();
        List<Label> rows = latest(since, Integer.MAX_VALUE);
        CSVPrinter p = TsvTable.printer(out);
        p.printRecord(EXPORT_COLUMNS);
        for (Label l : rows) {
            p.printRecord(
                    l.caseId(),
                    l.text(),
                    l.oldCategory(),
                    catalog.current(l.newCategory()).code(),
                    l.changedRole(),
                    l.changedAt(),
                    l.modelVersion() == null ? "" : l.modelVersion());
        }
        p.flush();
        return rows.size();
    }

    private static final org.springframework.jdbc.core.RowMapper<Label> LABEL = (rs, i) -> new Label(
            rs.getLong("id"),
            rs.getString("case_id"),
            rs.getString("text"),
            rs.getString("old_category"),
            rs.getString("new_category"),
            rs.getString("changed_by"),
            rs.getString("changed_role"),
            rs.getTimestamp("changed_at").toLocalDateTime(),
            rs.getString("model_version"));
}
