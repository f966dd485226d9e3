package org.gridgov.cases.attach;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.gridgov.cases.CaseServiceProperties;
import org.gridgov.cases.api.ApiErrors;
import org.gridgov.cases.audit.AuditLog;
import org.gridgov.cases.security.Staff;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Attachment limits and bookkeeping: size, an allowed content type, and content that really is of that type
 * (magic bytes), so a renamed executable is not stored as a photo. Access is checked by the owner's service.
 */
@Service
public class AttachmentService {

    public record Attachment(String id, String ownerType, String ownerId, String fileName, String contentType,
                             long sizeBytes, String sha256, String storageKey, String uploadedBy, LocalDateTime at) {
    }

    private static final org.springframework.jdbc.core.RowMapper<Attachment> ROW = (rs, i) -> new Attachment(
            rs.getString("id"), rs.getString("owner_type"), rs.getString("owner_id"), rs.getString("file_name"),
            rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("storage_key"),
            rs.getString("uploaded_by"), rs.getObject("at", LocalDateTime.class));

    private final AttachmentStore store;
    private final JdbcTemplate jdbc;
    private final CaseServiceProperties props;
    private final AuditLog audit;
    private final Clock clock;

    public AttachmentService(AttachmentStore store, JdbcTemplate jdbc, CaseServiceProperties props, AuditLog audit,
                             Clock clock) {
        this.store = store;
        this.jdbc = jdbc;
        this.props = props;
        this.audit = audit;
        this.clock = clock;
    }

    public Attachment add(Staff staff, String ownerType, String ownerId, String fileName, String contentType,
                          byte[] content) {
        if (content.length == 0) {
            throw ApiErrors.badRequest("附件为空");
        }
        if (content.length > props.maxAttachmentBytes()) {
            throw ApiErrors.badRequest("附件超过 " + props.maxAttachmentBytes() / 1024 / 1024 + " MB");
        }
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase();
        if (!props.attachmentTypes().contains(type)) {
            throw ApiErrors.badRequest("不支持的附件类型 " + type + "，允许 " + props.attachmentTypes());
        }
        if (!looksLike(type, content)) {
            throw ApiErrors.badRequest("附件内容与类型 " + type + " 不符");
        }
        String id = "FJ" + UUID.randomUUID().toString().replace("-", "");
        String key = ownerType.toLowerCase() + "/" + ownerId + "/" + id;
        String safeName = fileName == null || fileName.isBlank() ? id
                : fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_");
        safeName = safeName.length() > 200 ? safeName.substring(safeName.length() - 200) : safeName;
        try {
            store.put(key, new ByteArrayInputStream(content));
        } catch (IOException e) {
            throw new IllegalStateException("cannot store attachment", e);
        }
        LocalDateTime now = LocalDateTime.now(clock);
        Attachment a = new Attachment(id, ownerType, ownerId, safeName, type, content.length, sha256(content), key,
                staff.username(), now);
        try {
            jdbc.update("INSERT INTO attachment (id, owner_type, owner_id, file_name, content_type, size_bytes, sha256,"
                            + " storage_key, uploaded_by, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    a.id(), a.ownerType(), a.ownerId(), a.fileName(), a.contentType(), a.sizeBytes(), a.sha256(),
                    a.storageKey(), a.uploadedBy(), a.at());
        } catch (RuntimeException e) {
            try {
                store.delete(key);
            } catch (IOException ignored) {
                // the row failed; an orphan file is harmless and the error below is what matters
            }
            throw e;
        }
        audit.ok(staff.username(), "ATTACH", ownerType, ownerId, safeName + " " + content.length + " B");
        return a;
    }

    public List<Attachment> list(String ownerType, String ownerId) {
        return jdbc.query("SELECT * FROM attachment WHERE owner_type = ? AND owner_id = ? ORDER BY at", ROW,
                ownerType, ownerId);
    }

    public Attachment find(String id) {
        return jdbc.query("SELECT * FROM attachment WHERE id = ?", ROW, id).stream().findFirst()
                .orElseThrow(() -> ApiErrors.notFound("附件 " + id + " 不存在"));
    }

    public InputStream open(Attachment a) throws IOException {
        return store.open(a.storageKey());
    }

    static boolean looksLike(String type, byte[] c) {
        return switch (type) {
            case "image/jpeg" -> starts(c, 0xFF, 0xD8, 0xFF);
            case "image/png" -> starts(c, 0x89, 'P', 'N', 'G');
            case "application/pdf" -> starts(c, '%', 'P', 'D', 'F');
            case "text/plain" -> Arrays.equals(new String(c, java.nio.charset.StandardCharsets.UTF_8)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8), c);
            default -> true;
        };
    }

    private static boolean starts(byte[] c, int... magic) {
        if (c.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((c[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static String sha256(byte[] c) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
