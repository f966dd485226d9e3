package org.gridgov.cases.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.gridgov.cases.attach.AttachmentService;
import org.gridgov.cases.casefile.CaseService;
import org.gridgov.cases.security.CurrentStaff;
import org.gridgov.cases.security.Staff;
import org.gridgov.cases.task.TaskService;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Attachments of cases and tasks from the pages: upload back to the owner's page with the outcome, and download.
 * Both need the same access as the case or task the file belongs to.
 */
@Controller
public class AttachmentPages {

    private final AttachmentService attachments;
    private final CaseService cases;
    private final TaskService tasks;

    public AttachmentPages(AttachmentService attachments, CaseService cases, TaskService tasks) {
        this.attachments = attachments;
        this.cases = cases;
        this.tasks = tasks;
    }

    @PostMapping("/cases/{id}/attachments")
    public String toCase(@PathVariable String id, @RequestParam("file") MultipartFile file, RedirectAttributes flash) {
        Staff s = CurrentStaff.get();
        cases.view(s, id);
        upload(s, "CASE", id, file, flash);
        return "redirect:/cases/" + id;
    }

    @PostMapping("/tasks/{id}/attachments")
    public String toTask(@PathVariable String id, @RequestParam("file") MultipartFile file, RedirectAttributes flash) {
        Staff s = CurrentStaff.get();
        tasks.view(s, id);
        upload(s, "TASK", id, file, flash);
        return "redirect:/tasks/" + id;
    }

    private void upload(Staff s, String ownerType, String ownerId, MultipartFile file, RedirectAttributes flash) {
        try {
            if (file.isEmpty()) {
                flash.addFlashAttribute("error", "请选择要上传的文件");
                return;
            }
            AttachmentService.Attachment a = attachments.add(s, ownerType, ownerId, file.getOriginalFilename(),
                    file.getContentType(), file.getBytes());
            flash.addFlashAttribute("notice", "附件已上传：" + a.fileName());
        } catch (ResponseStatusException e) {
            flash.addFlashAttribute("error", "附件未保存：" + e.getReason());
        } catch (IOException e) {
            flash.addFlashAttribute("error", "附件读取失败，请重试");
        }
    }

    @GetMapping("/attachments/{id}")
    public ResponseEntity<InputStreamResource> download(@PathVariable String id) throws IOException {
        Staff s = CurrentStaff.get();
        AttachmentService.Attachment a = attachments.find(id);
        if (a.ownerType().equals("CASE")) {
            cases.view(s, a.ownerId());
        } else {
            tasks.view(s, a.ownerId());
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(a.contentType()))
                .contentLength(a.sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(a.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(new InputStreamResource(attachments.open(a)));
    }
}
