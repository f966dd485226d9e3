package org.gridgov.cases.attach;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** SQL for attachment records ({@code attachment}); the bytes themselves are in the {@link AttachmentStore}. */
@Repository
public class AttachmentRepository {

    private static final RowMapper<AttachmentService.Attachment> ROW = (rs, i) -> new AttachmentService.Attachment(
            rs.getString("id"),
            rs.getString("owner_type"),
            rs.getString("owner_id"),
            rs.getString("file_name"),
            rs.getString("content_type"),
            rs.getLong("size_bytes"),
            rs.getString("sha256"),
            rs.getString("storage_key"),
            rs.getString("uploaded_by"),
            rs.getObject("at", LocalDateTime.class));

    private final JdbcTemplate jdbc;

    public AttachmentRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(AttachmentService.Attachment a) {
        jdbc.update(
                "INSERT INTO attachment (id, owner_type, owner_id, file_name, content_type, size_bytes, sha256,"
                        + " storage_key, uploaded_by, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                a.id(),
                a.ownerType(),
                a.ownerId(),
                a.fileName(),
                a.contentType(),
                a.sizeBytes(),
                a.sha256(),
                a.storageKey(),
                a.uploadedBy(),
                a.at());
    }

    /** The attachments of one case or task, oldest first. */
    public List<AttachmentService.Attachment> of(String ownerType, String ownerId) {
        return jdbc.query(
                "SELECT * FROM attachment WHERE owner_type = ? AND owner_id = ? ORDER BY at", ROW, ownerType, ownerId);
    }

    public Optional<AttachmentService.Attachment> find(String id) {
        return jdbc.query("SELECT * FROM attachment WHERE id = ?", ROW, id).stream()
                .findFirst();
    }
}
