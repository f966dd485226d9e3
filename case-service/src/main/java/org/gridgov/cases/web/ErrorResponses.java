package org.gridgov.cases.web;

import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gridgov.cases.domain.ConflictException;
import org.gridgov.cases.domain.DomainException;
import org.gridgov.cases.domain.InvalidInputException;
import org.gridgov.cases.domain.NotAllowedException;
import org.gridgov.cases.domain.NotFoundException;
import org.gridgov.cases.domain.UnprocessableException;
import org.gridgov.cases.security.ErrorBodies;
import org.gridgov.cases.security.ErrorBodies.Chain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/**
 * Every refusal as HTTP, in one place: the domain's exceptions get their status here (not found 404, not allowed
 * 403, conflict 409, invalid input 400), and the answer takes the shape of the chain that was asked, as
 * {@code SecurityConfig} splits them:
 * <ul>
 *   <li>{@code /api/**}: problem details with the reason in {@code detail} and {@code error} ({@link ErrorBodies});</li>
 *   <li>{@code /open311/**}: a GeoReport v2 error list {@code [{"code": 403, "description": "..."}]};</li>
 *   <li>everything else: the {@code error} page with the status and the service's Chinese reason.</li>
 * </ul>
 * Forms that can be corrected catch their errors themselves and show them in place; this is for the rest. Never a
 * stack trace: anything unexpected falls through to Spring Boot's error handling, whose page is the same template.
 */
@ControllerAdvice
public class ErrorResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);
    static final String BAD_PAGE_INPUT = "请求参数不正确，请检查填写的内容";

    private final PageModel pageModel;

    public ErrorResponses(PageModel pageModel) {
        this.pageModel = pageModel;
    }

    /** The HTTP status of a domain refusal; pages that keep a form on screen answer with it too. */
    public static HttpStatus statusOf(DomainException e) {
        if (e instanceof NotFoundException) {
            return HttpStatus.NOT_FOUND;
        }
        if (e instanceof NotAllowedException) {
            return HttpStatus.FORBIDDEN;
        }
        if (e instanceof ConflictException) {
            return HttpStatus.CONFLICT;
        }
        if (e instanceof InvalidInputException) {
            return HttpStatus.BAD_REQUEST;
        }
        if (e instanceof UnprocessableException) {
            return HttpStatus.UNPROCESSABLE_ENTITY;
        }
        throw new IllegalStateException("no HTTP status for " + e.getClass().getName());
    }

    @ExceptionHandler(DomainException.class)
    Object refused(DomainException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (e instanceof InvalidInputException invalid) {
            LOG.debug("invalid {}: {}", invalid.field(), invalid.getMessage());
        }
        return answer(statusOf(e).value(), e.getMessage(), request, response, model);
    }

    /** The web layer's own refusals (a page a role does not get, a failed sign-in on the token endpoint). */
    @ExceptionHandler(ResponseStatusException.class)
    Object refused(ResponseStatusException e, HttpServletRequest request, HttpServletResponse response,
                   Model model) {
        return answer(e.getStatusCode().value(), e.getReason(), request, response, model);
    }

    /** Request parameters or a JSON body that do not bind or fail their constraints. */
    @ExceptionHandler({BindException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class})
    Object badInput(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
        LOG.debug("bad request input: {}", e.toString());
        String message = chainOf(request) == Chain.PAGES ? BAD_PAGE_INPUT : problem(e);
        return answer(HttpStatus.BAD_REQUEST.value(), message, request, response, model);
    }

    private static Chain chainOf(HttpServletRequest request) {
        return ErrorBodies.chainOf(request);
    }

    private Object answer(int status, String message, HttpServletRequest request, HttpServletResponse response,
                          Model model) {
        String text = String.valueOf(message);
        Chain chain = chainOf(request);
        if (chain == Chain.PAGES) {
            return page(status, text, model, response);
        }
        return ResponseEntity.status(status).contentType(MediaType.parseMediaType(ErrorBodies.contentType(chain)))
                .body(ErrorBodies.body(chain, status, text));
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

    /** What an API client is told about input that did not bind: the fields and their constraints, or the name. */
    private static String problem(Exception e) {
        if (e instanceof BindException b) {
            return b.getBindingResult().getFieldErrors().stream().map(f -> f.getField() + " " + f.getDefaultMessage())
                    .collect(Collectors.collectingAndThen(Collectors.joining("; "), s -> s.isEmpty() ? "invalid" : s));
        }
        if (e instanceof MethodArgumentTypeMismatchException m) {
            return m.getName() + " is not valid";
        }
        if (e instanceof MissingServletRequestParameterException m) {
            return m.getParameterName() + " is required";
        }
        return "invalid";
    }
}
