package org.gridgov.cases.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The body of a refusal in the shape of the chain that was asked, for the web layer's advice and for the filters
 * that answer before any controller (bearer tokens, sign-in required, rate limits):
 * <ul>
 *   <li>{@code /api/**}: problem details (RFC 9457) {@code {"type", "title", "status", "detail"}} plus
 *   {@code "error"} (the same reason, as clients have always read it), {@code application/problem+json};</li>
 *   <li>{@code /open311/**}: the GeoReport v2 error list {@code [{"code": 403, "description": "..."}]};</li>
 *   <li>the pages: the error page (the advice) or, from a filter, the reason as plain text.</li>
 * </ul>
 * The reason is always the service's own sentence: never an exception's class name, SQL or a stack trace.
 */
public final class ErrorBodies {

    public enum Chain {
        API,
        OPEN311,
        PAGES
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorBodies() {}

    /** The chain of the request, or during an error dispatch ({@code /error}) of the request that failed. */
    public static Chain chainOf(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = failed != null ? String.valueOf(failed) : request.getRequestURI();
        return chainOf(
                uri.substring(Math.min(uri.length(), request.getContextPath().length())));
    }

    /** The chain of a path inside the application (without the context path). */
    public static Chain chainOf(String path) {
        if (path.startsWith("/api/")) {
            return Chain.API;
        }
        return path.startsWith("/open311/") ? Chain.OPEN311 : Chain.PAGES;
    }

    /** The JSON body for the API or Open311 chain. */
    public static Object body(Chain chain, int status, String message) {
        String text = String.valueOf(message);
        if (chain == Chain.OPEN311) {
            return List.of(Map.of("code", status, "description", text));
        }
        HttpStatus s = HttpStatus.resolve(status);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", s == null ? "Error" : s.getReasonPhrase());
        body.put("status", status);
        body.put("detail", text);
        body.put("error", text);
        return body;
    }

    /** The content type of {@link #body}. */
    public static String contentType(Chain chain) {
        return chain == Chain.API ? "application/problem+json;charset=UTF-8" : "application/json;charset=UTF-8";
    }

    /** Writes the refusal from a filter, before Spring MVC is involved. */
    public static void write(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        Chain chain = chainOf(request);
        response.setStatus(status);
        if (chain == Chain.PAGES) {
            response.setContentType("text/plain;charset=UTF-8");
            response.getOutputStream().write((status + " " + message).getBytes(StandardCharsets.UTF_8));
            return;
        }
        response.setContentType(contentType(chain));
        response.getOutputStream().write(JSON.writeValueAsBytes(body(chain, status, message)));
    }
}
