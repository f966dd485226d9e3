package org.gridgov.cases.web;

import java.io.IOException;
import org.gridgov.cases.attach.AttachmentService;
import org.gridgov.cases.domain.DomainException;
import org.gridgov.cases.security.CurrentStaff;
import org.gridgov.cases.security.Staff;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Attachments of cases and tasks from the pages: upload back to the owner's page with the outcome. Uploading needs
 * the same access as the case or task the file belongs to; downloads are the API's {@code AttachmentController},
 * which serves {@code /attachments/{id}} on the pages' session too.
 */
@Controller
public class AttachmentPages {

    private final AttachmentService attachments;

    public AttachmentPages(AttachmentService attachments) {
        this.attachments = attachments;
    }

    @PostMapping("/cases/{id}/attachments")
    public String toCase(@PathVariable String id, @RequestParam("file") MultipartFile file, RedirectAttributes flash) {
        upload(CurrentStaff.get(), AttachmentService.CASE, id, file, flash);
        return "redirect:/cases/" + id;
    }

    @PostMapping("/tasks/{id}/attachments")
    public String toTask(@PathVariable String id, @RequestParam("file") MultipartFile file, RedirectAttributes flash) {
        upload(CurrentStaff.get(), AttachmentService.TASK, id, file, flash);
        return "redirect:/tasks/" + id;
    }

    /** A refused owner (403, 404) is an error page; a refused file is a message on the owner's page. */
    private void upload(Staff s, String ownerType, String ownerId, MultipartFile file, RedirectAttributes flash) {
        attachments.requireAttachAccess(s, ownerType, ownerId);
        try {
            if (file.isEmpty()) {
                flash.addFlashAttribute("error", "请选择要上传的文件");
                return;
            }
            AttachmentService.Attachment a = attachments.add(
                    s, ownerType, ownerId, file.getOriginalFilename(), file.getContentType(), file.getBytes());
            flash.addFlashAttribute("notice", "附件已上传：" + a.fileName());
        } catch (DomainException e) {
            flash.addFlashAttribute("error", "附件未保存：" + e.getMessage());
        } catch (IOException e) {
            flash.addFlashAttribute("error", "附件读取失败，请重试");
        }
    }
}
