package org.gridgov.cases.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gridgov.cases.security.ErrorBodies;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The container's error page ({@code /error}) in place of Spring Boot's: what never reached a controller (a body
 * refused by {@link RequestSizeFilter}, a container refusal, an exception outside Spring MVC) is answered in the shape
 * of the endpoint that was asked, like {@link ErrorResponses} answers the rest. The reason is ours or the status's
 * own phrase: never the exception, its class or its message (which may hold SQL).
 */
@Controller
@RequestMapping("${server.error.path:/error}")
public class ErrorEndpoint implements ErrorController {

    private final ErrorResponses responses;

    public ErrorEndpoint(ErrorResponses responses) {
        this.responses = responses;
    }

    @RequestMapping
    public Object error(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpStatus.INTERNAL_SERVER_ERROR.value();
        ErrorBodies.Chain chain = ErrorBodies.chainOf(request);
        Object ours = request.getAttribute(RequestSizeFilter.REASON);
        if (chain == ErrorBodies.Chain.PAGES) {
            return responses.page(status, ours == null ? null : String.valueOf(ours), model, response);
        }
        String reason = ours != null ? String.valueOf(ours) : ErrorResponses.generic(status);
        return ResponseEntity.status(status)
                .contentType(MediaType.parseMediaType(ErrorBodies.contentType(chain)))
                .body(ErrorBodies.body(chain, status, reason));
    }
}
