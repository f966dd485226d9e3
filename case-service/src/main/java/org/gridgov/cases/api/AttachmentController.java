package org.gridgov.cases.api;

import java.io.IOException;
import java.util.List;

import org.gridgov.cases.attach.AttachmentService;
import org.gridgov.cases.security.CurrentStaff;
import org.gridgov.cases.security.Staff;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Attachments of cases and tasks; reading or adding one needs the same access as its case or task. */
@RestController
@RequestMapping("/api")
public class AttachmentController {

    private final AttachmentService attachments;

    public AttachmentController(AttachmentService attachments) {
        this.attachments = attachments;
    }

    @PostMapping("/cases/{id}/attachments")
    @ResponseStatus(HttpStatus.CREATED)
    public AttachmentService.Attachment addToCase(@PathVariable String id, @RequestParam("file") MultipartFile file)
            throws IOException {
        return add("CASE", id, file);
    }

    @PostMapping("/tasks/{id}/attachments")
    @ResponseStatus(HttpStatus.CREATED)
    public AttachmentService.Attachment addToTask(@PathVariable String id, @RequestParam("file") MultipartFile file)
            throws IOException {
        return add("TASK", id, file);
    }

    private AttachmentService.Attachment add(String ownerType, String ownerId, MultipartFile file) throws IOException {
        Staff staff = CurrentStaff.get();
        attachments.requireOwnerAccess(staff, ownerType, ownerId);
        return attachments.add(staff, ownerType, ownerId, file.getOriginalFilename(), file.getContentType(),
                file.getBytes());
    }

    @GetMapping("/cases/{id}/attachments")
    public List<AttachmentService.Attachment> ofCase(@PathVariable String id) {
        attachments.requireOwnerAccess(CurrentStaff.get(), "CASE", id);
        return attachments.list("CASE", id);
    }

    @GetMapping("/attachments/{id}")
    public ResponseEntity<InputStreamResource> download(@PathVariable String id) throws IOException {
        return attachments.download(CurrentStaff.get(), id);
    }
}
