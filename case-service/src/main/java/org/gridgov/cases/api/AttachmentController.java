package org.gridgov.cases.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.gridgov.cases.attach.AttachmentService;
import org.gridgov.cases.security.CurrentStaff;
import org.gridgov.cases.security.Staff;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Attachments of cases and tasks; reading or adding one needs the same access as its case or task. */
@RestController
public class AttachmentController {

    private final AttachmentService attachments;

    public AttachmentController(AttachmentService attachments) {
        this.attachments = attachments;
    }

    @PostMapping("/api/cases/{id}/attachments")
    @ResponseStatus(HttpStatus.CREATED)
    public AttachmentService.Attachment addToCase(@PathVariable String id, @RequestParam("file") MultipartFile file)
            throws IOException {
        return add(AttachmentService.CASE, id, file);
    }

    @GetMapping("/api/cases/{id}/attachments")
    public List<AttachmentService.Attachment> ofCase(@PathVariable String id) {
        attachments.requireOwnerAccess(CurrentStaff.get(), AttachmentService.CASE, id);
        return attachments.list(AttachmentService.CASE, id);
    }

    @PostMapping("/api/tasks/{id}/attachments")
    @ResponseStatus(HttpStatus.CREATED)
    public AttachmentService.Attachment addToTask(@PathVariable String id, @RequestParam("file") MultipartFile file)
            throws IOException {
        return add(AttachmentService.TASK, id, file);
    }

    /** The file itself; served on both chains, so pages (session) and clients (token) download the same way. */
    @GetMapping({"/api/attachments/{id}", "/attachments/{id}"})
    public ResponseEntity<InputStreamResource> download(@PathVariable String id) throws IOException {
        AttachmentService.Attachment a = attachments.readable(CurrentStaff.get(), id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(a.contentType()))
                .contentLength(a.sizeBytes())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(a.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(new InputStreamResource(attachments.open(a)));
    }

    private AttachmentService.Attachment add(String ownerType, String ownerId, MultipartFile file) throws IOException {
        Staff staff = CurrentStaff.get();
        attachments.requireAttachAccess(staff, ownerType, ownerId);
        return attachments.add(
                staff, ownerType, ownerId, file.getOriginalFilename(), file.getContentType(), file.getBytes());
    }
}
