package org.gridgov.cases.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.UUID;
import org.gridgov.cases.attach.AttachmentService;
import org.gridgov.cases.casefile.CaseChannel;
import org.gridgov.cases.casefile.CaseService;
import org.gridgov.cases.casefile.CategorySuggester;
import org.gridgov.cases.domain.DomainException;
import org.gridgov.cases.duplicate.DuplicateFinder;
import org.gridgov.cases.security.CurrentStaff;
import org.gridgov.cases.security.Role;
import org.gridgov.cases.security.Staff;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 事件上报: the form, and its POST, which reports the case and then stores the optional attachment. A refusal keeps
 * the form with what was typed and the reason; success redirects to the new case (Post/Redirect/Get).
 */
@Controller
public class ReportPage {

    private final CaseService cases;
    private final AttachmentService attachments;
    private final FormOptions options;
    private final DuplicateFinder duplicates;

    public ReportPage(
            CaseService cases, AttachmentService attachments, FormOptions options, DuplicateFinder duplicates) {
        this.duplicates = duplicates;
        this.cases = cases;
        this.attachments = attachments;
        this.options = options;
    }

    /**
     * Issue 19: open cases that may be the same problem, for the report form before it is submitted
     * ({@code report-form.js}; the session's twin of {@code POST /api/cases/similar}). A GET: it changes nothing.
     */
    @GetMapping("/cases/similar")
    @ResponseBody
    public java.util.List<DuplicateFinder.Candidate> similar(
            @RequestParam(required = false) Double latitude,
            @RequestParam(required = false) Double longitude,
            @RequestParam(required = false) String gridCode,
            @RequestParam(required = false) String categoryCode,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String description) {
        return duplicates.forReport(
                CurrentStaff.get(),
                DuplicateFinder.probe(latitude, longitude, blank(gridCode), blank(categoryCode), title, description));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @GetMapping("/cases/new")
    public String form(Model model) {
        Staff s = reporter();
        ReportForm form = new ReportForm();
        form.setChannel(s.role() == Role.GRID_WORKER ? CaseChannel.GRID_PATROL : CaseChannel.HOTLINE);
        form.setGridCode(
                options.gridGroups(s).size() == 1
                                && options.gridGroups(s).get(0).grids().size() == 1
                        ? options.gridGroups(s).get(0).grids().get(0).code()
                        : null);
        return show(model, s, form);
    }

    @PostMapping("/cases")
    public String report(
            @Valid @ModelAttribute("form") ReportForm form,
            BindingResult errors,
            @RequestParam(value = "file", required = false) MultipartFile file,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Staff s = reporter();
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(model, s, form);
        }
        CaseService.Reported r;
        try {
            r = cases.report(s, form.toNewCase(), form.getIdempotencyKey());
        } catch (DomainException e) {
            response.setStatus(ErrorResponses.statusOf(e).value());
            model.addAttribute("formError", e.getMessage());
            return show(model, s, form);
        }
        String id = r.record().id();
        if (r.existed()) {
            flash.addFlashAttribute("notice", "该表单已提交过，这是当时上报的事件 " + id);
            return "redirect:/cases/" + id;
        }
        StringBuilder notice = new StringBuilder("事件已上报，编号 ").append(id);
        if (form.toNewCase().categoryCode() == null && r.suggestion() != null) {
            CategorySuggester.Suggestion g = r.suggestion();
            notice.append("；智能推荐分类：")
                    .append(g.parentName())
                    .append(" / ")
                    .append(g.categoryName())
                    .append(String.format("（置信度 %.0f%%）", g.probability() * 100));
            if (!g.autoDispatch()) {
                notice.append("，置信度较低，由指挥中心核定分类；候选：");
                for (int i = 0; i < g.alternatives().size(); i++) {
                    CategorySuggester.Alternative a = g.alternatives().get(i);
                    notice.append(i == 0 ? "" : "、")
                            .append(a.parentName())
                            .append(" / ")
                            .append(a.categoryName());
                }
            }
        }
        flash.addFlashAttribute("notice", notice.toString());
        if (file != null && !file.isEmpty()) {
            try {
                // the reporter sees the case just reported, so no access check is needed before adding to it
                attachments.add(
                        s,
                        AttachmentService.CASE,
                        id,
                        file.getOriginalFilename(),
                        file.getContentType(),
                        file.getBytes());
            } catch (DomainException e) {
                flash.addFlashAttribute("error", "附件未保存：" + e.getMessage() + "。可在本页重新上传。");
            } catch (IOException e) {
                flash.addFlashAttribute("error", "附件读取失败，可在本页重新上传。");
            }
        }
        return "redirect:/cases/" + id;
    }

    private Staff reporter() {
        Staff s = CurrentStaff.get();
        if (!RoleAbilities.of(s).report()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, s.role().label() + "不能上报事件");
        }
        return s;
    }

    private String show(Model model, Staff s, ReportForm form) {
        if (form.getIdempotencyKey() == null || form.getIdempotencyKey().isBlank()) {
            form.setIdempotencyKey(UUID.randomUUID().toString());
        }
        model.addAttribute("form", form);
        model.addAttribute("channels", options.channels());
        model.addAttribute("categoryGroups", options.categoryGroups());
        model.addAttribute("gridGroups", options.gridGroups(s));
        return "case-new";
    }
}
