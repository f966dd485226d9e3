package org.gridgov.cases.attach;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.gridgov.cases.CaseServiceProperties;
import org.gridgov.cases.Sha256;
import org.gridgov.cases.access.Action;
import org.gridgov.cases.audit.AuditLog;
import org.gridgov.cases.casefile.CaseService;
import org.gridgov.cases.domain.InvalidInputException;
import org.gridgov.cases.domain.NotFoundException;
import org.gridgov.cases.security.Staff;
import org.gridgov.cases.task.TaskService;
import org.springframework.stereotype.Service;

/**
 * Attachment limits and bookkeeping: size, an allowed content type, and content that really is of that type
 * (magic bytes), so a renamed executable is not stored as a photo. An attachment has the access of its case or task:
 * callers check it with {@link #requireAttachAccess} before {@link #add}, {@link #requireOwnerAccess} before
 * {@link #list}; {@link #readable} checks it.
 */
@Service
public class AttachmentService {

    /** Owner types: an attachment belongs to a case or to a task. */
    public static final String CASE = "CASE";

    public static final String TASK = "TASK";

    public record Attachment(
            String id,
            String ownerType,
            String ownerId,
            String fileName,
            String contentType,
            long sizeBytes,
            String sha256,
            String storageKey,
            String uploadedBy,
            LocalDateTime at) {}

    private final AttachmentStore store;
    private final AttachmentRepository attachments;
    private final CaseService cases;
    private final TaskService tasks;
    private final CaseServiceProperties props;
    private final AuditLog audit;
    private final Clock clock;

    public AttachmentService(
            AttachmentStore store,
            AttachmentRepository attachments,
            CaseService cases,
            TaskService tasks,
            CaseServiceProperties props,
            AuditLog audit,
            Clock clock) {
        this.store = store;
        this.attachments = attachments;
        this.cases = cases;
        this.tasks = tasks;
        this.props = props;
        this.audit = audit;
        this.clock = clock;
    }

    /** Throws (404, or 403 audited) unless the user may see the case or task the attachments belong to. */
    public void requireOwnerAccess(Staff staff, String ownerType, String ownerId) {
        if (CASE.equals(ownerType)) {
            cases.view(staff, ownerId);
        } else {
            tasks.view(staff, ownerId);
        }
    }

    /**
     * Throws (404, or 403 audited) unless the user may add an attachment to the case or task: whoever may see the
     * case; for a task only its assignees and reviewers, not everyone who oversees it.
     */
    public void requireAttachAccess(Staff staff, String ownerType, String ownerId) {
        if (CASE.equals(ownerType)) {
            cases.view(staff, ownerId, Action.CASE_ATTACH);
        } else {
            tasks.view(staff, ownerId, Action.TASK_ATTACH);
        }
    }

    /** Stores a file for a case or task the caller has checked with {@link #requireAttachAccess}. */
    public Attachment add(
            Staff staff, String ownerType, String ownerId, String fileName, String contentType, byte[] content) {
        if (content.length == 0) {
            throw new InvalidInputException("file", "附件为空");
        }
        if (content.length > props.maxAttachmentBytes()) {
            throw new InvalidInputException("file", "附件超过 " + props.maxAttachmentBytes() / 1024 / 1024 + " MB");
        }
        String type =
                contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase();
        if (!props.attachmentTypes().contains(type)) {
            throw new InvalidInputException("file", "不支持的附件类型 " + type + "，允许 " + props.attachmentTypes());
        }
        if (!looksLike(type, content)) {
            throw new InvalidInputException("file", "附件内容与类型 " + type + " 不符");
        }
        String id = "FJ" + UUID.randomUUID().toString().replace("-", "");
        String key = ownerType.toLowerCase() + "/" + ownerId + "/" + id;
        String safeName = fileName == null || fileName.isBlank() ? id : fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_");
        safeName = safeName.length() > 200 ? safeName.substring(safeName.length() - 200) : safeName;
        try {
            store.put(key, new ByteArrayInputStream(content));
        } catch (IOException e) {
            throw new IllegalStateException("cannot store attachment", e);
        }
        LocalDateTime now = LocalDateTime.now(clock);
        Attachment a = new Attachment(
                id,
                ownerType,
                ownerId,
                safeName,
                type,
                content.length,
                Sha256.hex(content),
                key,
                staff.username(),
                now);
        try {
            attachments.insert(a);
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

    /** The attachments of a case or task the caller has checked access to, oldest first. */
    public List<Attachment> list(String ownerType, String ownerId) {
        return attachments.of(ownerType, ownerId);
    }

    /** An attachment the user may read: it exists and they may see its case or task. */
    public Attachment readable(Staff staff, String id) {
        Attachment a = attachments.find(id).orElseThrow(() -> new NotFoundException("附件 " + id + " 不存在"));
        requireOwnerAccess(staff, a.ownerType(), a.ownerId());
        return a;
    }

    public InputStream open(Attachment a) throws IOException {
        return store.open(a.storageKey());
    }

    static boolean looksLike(String type, byte[] c) {
        return switch (type) {
            case "image/jpeg" -> starts(c, 0xFF, 0xD8, 0xFF);
            case "image/png" -> starts(c, 0x89, 'P', 'N', 'G');
            case "application/pdf" -> starts(c, '%', 'P', 'D', 'F');
            case "text/plain" ->
                Arrays.equals(new String(c, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8), c);
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
}
