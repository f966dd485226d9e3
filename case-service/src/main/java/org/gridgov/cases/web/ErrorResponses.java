package org.gridgov.cases.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.stream.Collectors;
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
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every refusal as HTTP, in one place: the domain's exceptions get their status here (not found 404, not allowed
 * 403, conflict 409, invalid input 400, a contradicting request 422), Spring MVC's own refusals (unreadable body,
 * wrong type, method or media type, oversized upload) theirs, and the answer takes the shape of the chain that was
 * asked, as {@code SecurityConfig} splits them:
 * <ul>
 *   <li>{@code /api/**}: problem details, the reason in {@code detail} and {@code error} ({@link ErrorBodies});</li>
 *   <li>{@code /open311/**}: a GeoReport v2 error list {@code [{"code": 403, "description": "..."}]};</li>
 *   <li>everything else: the {@code error} page with the status and the service's Chinese reason.</li>
 * </ul>
 * Forms that can be corrected catch their errors themselves and show them in place; this is for the rest. A reason is
 * always a sentence of ours: never an exception's message (Jackson's and the database's name classes and SQL), never
 * a stack trace. Bad input is a 4xx; only a fault of the service is a 500, logged here. What never reaches a
 * controller is answered by {@link ErrorEndpoint} in the same shapes.
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
    Object refused(ResponseStatusException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return answer(e.getStatusCode().value(), e.getReason(), request, response, model);
    }

    /** Request parameters or a JSON body that do not bind or fail their constraints. */
    @ExceptionHandler({
        BindException.class,
        MethodArgumentTypeMismatchException.class,
        MissingServletRequestParameterException.class,
        HandlerMethodValidationException.class,
        MissingRequestHeaderException.class,
        MissingServletRequestPartException.class
    })
    Object badInput(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
        LOG.debug("bad request input: {}", e.toString());
        String message = chainOf(request) == Chain.PAGES ? BAD_PAGE_INPUT : problem(e);
        return answer(HttpStatus.BAD_REQUEST.value(), message, request, response, model);
    }

    /** A JSON body that is not JSON, has a value of the wrong type (no coercion), or was cut off at the size limit. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    Object unreadable(
            HttpMessageNotReadableException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (causedBy(e, RequestSizeFilter.TooLargeException.class)) {
            return answer(HttpStatus.PAYLOAD_TOO_LARGE.value(), "request body too large", request, response, model);
        }
        LOG.debug("unreadable body: {}", e.getMessage());
        String message = chainOf(request) == Chain.PAGES ? BAD_PAGE_INPUT : JsonProblems.describe(e.getCause());
        return answer(HttpStatus.BAD_REQUEST.value(), message, request, response, model);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(
            MaxUploadSizeExceededException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return answer(HttpStatus.PAYLOAD_TOO_LARGE.value(), "上传的文件太大 / upload too large", request, response, model);
    }

    @ExceptionHandler(MultipartException.class)
    Object badUpload(MultipartException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return answer(
                HttpStatus.BAD_REQUEST.value(), "上传请求格式不正确 / malformed multipart request", request, response, model);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object mediaType(
            HttpMediaTypeNotSupportedException e,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return answer(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE.value(),
                "Content-Type " + e.getContentType() + " is not accepted here; send " + e.getSupportedMediaTypes(),
                request,
                response,
                model);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object method(
            HttpRequestMethodNotSupportedException e,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return answer(
                HttpStatus.METHOD_NOT_ALLOWED.value(),
                e.getMethod() + " is not allowed here; use " + e.getSupportedHttpMethods(),
                request,
                response,
                model);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object notFound(NoResourceFoundException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        // pages show the template's own 页面不存在
        return answer(
                HttpStatus.NOT_FOUND.value(),
                chainOf(request) == Chain.PAGES ? null : "no such endpoint: " + request.getRequestURI(),
                request,
                response,
                model);
    }

    /** A value that does not fit the database after all: refused like invalid input, without the SQL. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    Object doesNotFit(
            DataIntegrityViolationException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        LOG.warn(
                "a value passed validation but not the database ({}): {}",
                request.getRequestURI(),
                e.getMostSpecificCause().getMessage());
        return answer(
                HttpStatus.BAD_REQUEST.value(),
                "一个字段的值过长或不被接受 / a value is too long or not" + " accepted for its field",
                request,
                response,
                model);
    }

    /** Lock waits, deadlocks, timeouts: the request may succeed when repeated. */
    @ExceptionHandler(TransientDataAccessException.class)
    Object busy(TransientDataAccessException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        LOG.warn(
                "transient database failure on {}: {}",
                request.getRequestURI(),
                e.getMostSpecificCause().toString());
        response.setHeader("Retry-After", "1");
        return answer(
                HttpStatus.SERVICE_UNAVAILABLE.value(), "服务繁忙，请重试 / busy, retry the request", request, response, model);
    }

    /** Spring Security's refusals thrown from a controller, as its filters would answer them. */
    @ExceptionHandler(AccessDeniedException.class)
    Object denied(AccessDeniedException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return answer(HttpStatus.FORBIDDEN.value(), "not allowed", request, response, model);
    }

    @ExceptionHandler(AuthenticationException.class)
    Object unauthenticated(
            AuthenticationException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return answer(HttpStatus.UNAUTHORIZED.value(), "sign-in required", request, response, model);
    }

    /**
     * Everything else: Spring MVC's remaining refusals carry their status ({@link ErrorResponse}); anything that is not
     * one is a fault of the service: logged with its stack trace, answered 500 with a sentence.
     */
    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (e instanceof ErrorResponse er && er.getStatusCode().is4xxClientError()) {
            int status = er.getStatusCode().value();
            return answer(status, generic(status), request, response, model);
        }
        LOG.error("unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return answer(
                HttpStatus.INTERNAL_SERVER_ERROR.value(),
                chainOf(request) == Chain.PAGES ? null : generic(HttpStatus.INTERNAL_SERVER_ERROR.value()),
                request,
                response,
                model);
    }

    /** A reason for a status when there is nothing more specific to say. */
    static String generic(int status) {
        return switch (status) {
            case 400 -> "请求参数不正确 / bad request";
            case 401 -> "请先登录 / sign-in required";
            case 403 -> "没有权限 / not allowed";
            case 404 -> "不存在 / not found";
            case 405 -> "不支持该请求方法 / method not allowed";
            case 411 -> "须带 Content-Length / length required";
            case 413 -> "请求体太大 / request body too large";
            case 415 -> "不支持该内容类型 / unsupported content type";
            case 429 -> "请求过于频繁 / too many requests";
            default -> status < 500 ? "请求无法处理 / request not processed" : "服务暂时出错 / internal error";
        };
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Chain chainOf(HttpServletRequest request) {
        return ErrorBodies.chainOf(request);
    }

    private Object answer(
            int status, String message, HttpServletRequest request, HttpServletResponse response, Model model) {
        Chain chain = chainOf(request);
        if (chain == Chain.PAGES) {
            return page(status, message, model, response);
        }
        String text = message == null ? generic(status) : message;
        return ResponseEntity.status(status)
                .contentType(MediaType.parseMediaType(ErrorBodies.contentType(chain)))
                .body(ErrorBodies.body(chain, status, text));
    }

    /**
     * The error page. Exception handlers get a fresh model, so the navigation bar's attributes are added here; a null
     * {@code reason} lets the template say what the status means.
     */
    String page(int status, String reason, Model model, HttpServletResponse response) {
        response.setStatus(status);
        model.addAttribute("me", pageModel.me());
        model.addAttribute("myArea", pageModel.myArea());
        model.addAttribute("can", pageModel.can());
        model.addAttribute("now", pageModel.now());
        HttpStatus s = HttpStatus.resolve(status);
        model.addAttribute("status", status);
        model.addAttribute("error", s == null ? "" : s.getReasonPhrase());
        model.addAttribute("reason", reason);
        return "error";
    }

    /** What an API client is told about input that did not bind: the fields and their constraints, or the name. */
    private static String problem(Exception e) {
        if (e instanceof BindException b) {
            return b.getBindingResult().getFieldErrors().stream()
                    .map(f -> f.getField() + " " + f.getDefaultMessage())
                    .collect(Collectors.collectingAndThen(Collectors.joining("; "), s -> s.isEmpty() ? "invalid" : s));
        }
        if (e instanceof MethodArgumentTypeMismatchException m) {
            return m.getName() + " is not valid";
        }
        if (e instanceof MissingServletRequestParameterException m) {
            return m.getParameterName() + " is required";
        }
        if (e instanceof MissingRequestHeaderException m) {
            return "header " + m.getHeaderName() + " is required";
        }
        if (e instanceof MissingServletRequestPartException m) {
            return "part '" + m.getRequestPartName() + "' is required";
        }
        if (e instanceof HandlerMethodValidationException) {
            return "a parameter is not valid";
        }
        return "invalid";
    }
}
