package org.gridgov.cases.api;

import java.io.IOException;
import java.util.List;

import org.gridgov.cases.attach.AttachmentService;
import org.gridgov.cases.casefile.CaseService;
import org.gridgov.cases.security.CurrentStaff;
import org.gridgov.cases.security.Staff;
import org.gridgov.cases.task.TaskService;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
    private final CaseService cases;
    private final TaskService tasks;

    public AttachmentController(AttachmentService attachments, CaseService cases, TaskService tasks) {
        this.attachments = attachments;
        this.cases = cases;
        this.tasks = tasks;
    }

    @PostMapping("/cases/{id}/attachments")
    @ResponseStatus(HttpStatus.CREATED)
    public AttachmentService.Attachment addToCase(@PathVariable String id, @RequestParam("file") MultipartFile file)
            throws IOException {
        Staff staff = CurrentStaff.get();
        cases.view(staff, id);
        return attachments.add(staff, "CASE", id, file.getOriginalFilename(), file.getContentType(), file.getBytes());
    }

    @GetMapping("/cases/{id}/attachments")
    public List<AttachmentService.Attachment> ofCase(@PathVariable String id) {
        cases.view(CurrentStaff.get(), id);
        return attachments.list("CASE", id);
    }

    @PostMapping("/tasks/{id}/attachments")
    @ResponseStatus(HttpStatus.CREATED)
    public AttachmentService.Attachment addToTask(@PathVariable String id, @RequestParam("file") MultipartFile file)
            throws IOException {
        Staff staff = CurrentStaff.get();
        tasks.view(staff, id);
        return attachments.add(staff, "TASK", id, file.getOriginalFilename(), file.getContentType(), file.getBytes());
    }

    @GetMapping("/attachments/{id}")
    public ResponseEntity<InputStreamResource> download(@PathVariable String id) throws IOException {
        Staff staff = CurrentStaff.get();
        AttachmentService.Attachment a = attachments.find(id);
        if (a.ownerType().equals("CASE")) {
            cases.view(staff, a.ownerId());
        } else {
            tasks.view(staff, a.ownerId());
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(a.contentType()))
                .contentLength(a.sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(a.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(new InputStreamResource(attachments.open(a)));
    }
}
