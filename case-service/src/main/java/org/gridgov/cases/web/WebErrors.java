package org.gridgov.cases.web;

import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/**
 * Refusals from the services (403 another area, 404, 409 wrong step…) as a page with the status and the service's
 * Chinese reason. Forms that can be corrected catch their errors themselves and show them in place; this is for the
 * rest. Never a stack trace: anything unexpected falls through to Spring Boot's error page, rendered by
 * {@code error.html} without one.
 */
@ControllerAdvice(basePackages = "org.gridgov.cases.web")
public class WebErrors {

    private static final Logger LOG = LoggerFactory.getLogger(WebErrors.class);

    private final PageModel pageModel;

    public WebErrors(PageModel pageModel) {
        this.pageModel = pageModel;
    }

    @ExceptionHandler(ResponseStatusException.class)
    String refused(ResponseStatusException e, Model model, HttpServletResponse response) {
        return page(e.getStatusCode().value(), e.getReason(), model, response);
    }

    @ExceptionHandler({BindException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class})
    String badInput(Exception e, Model model, HttpServletResponse response) {
        LOG.debug("bad page input: {}", e.toString());
        return page(400, "请求参数不正确，请检查填写的内容", model, response);
    }

    /** Exception handlers get a fresh model, so the navigation bar's attributes are added here. */
    private String page(int status, String message, Model model, HttpServletResponse response) {
        response.setStatus(status);
        model.addAttribute("me", pageModel.me());
        model.addAttribute("myArea", pageModel.myArea());
        model.addAttribute("can", pageModel.can());
        model.addAttribute("now", pageModel.now());
        HttpStatus s = HttpStatus.resolve(status);
        model.addAttribute("status", status);
        model.addAttribute("error", s == null ? "" : s.getReasonPhrase());
        model.addAttribute("reason", message);
        return "error";
    }
}
