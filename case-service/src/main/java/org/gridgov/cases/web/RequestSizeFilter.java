package org.gridgov.cases.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.gridgov.cases.CaseServiceProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies are bounded before anything reads them: {@code max-request-bytes} for JSON and forms, the
 * attachment limit plus room for the form around it for uploads. A declared length over the limit is 413 at once; a
 * form sent without a length is 411 (the container would silently drop a form's fields past its own limit, and the
 * request would then fail for a missing field instead); any other body without a length is cut off at the limit as it
 * is read, which the error handling answers with 413. The answer goes through {@link ErrorEndpoint}, so it has the
 * shape of the endpoint that was asked.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestSizeFilter extends OncePerRequestFilter {

    /** Request attribute with the reason {@link ErrorEndpoint} shows for a refusal sent from a filter. */
    public static final String REASON = RequestSizeFilter.class.getName() + ".reason";

    private static final long MULTIPART_OVERHEAD = 2L << 20;

    /** Thrown while reading a body without a declared length past the limit. */
    public static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(long limit) {
            super("request body larger than " + limit + " bytes");
        }
    }

    private final CaseServiceProperties props;

    public RequestSizeFilter(CaseServiceProperties props) {
        this.props = props;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type =
                request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        long limit = type.startsWith("multipart/")
                ? props.maxAttachmentBytes() + MULTIPART_OVERHEAD
                : props.maxRequestBytes();
        long length = request.getContentLengthLong();
        if (length > limit) {
            refuse(
                    request,
                    response,
                    HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    "请求体超过 " + limit + " 字节 / request body larger than " + limit + " bytes");
            return;
        }
        boolean chunked = length < 0 && request.getHeader("Transfer-Encoding") != null;
        if (chunked && type.startsWith("application/x-www-form-urlencoded")) {
            refuse(
                    request,
                    response,
                    HttpServletResponse.SC_LENGTH_REQUIRED,
                    "表单请求须带 Content-Length / a form needs a Content-Length");
            return;
        }
        chain.doFilter(chunked ? new Bounded(request, limit) : request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String reason)
            throws IOException {
        request.setAttribute(REASON, reason);
        response.sendError(status, reason);
    }

    /** A request whose body stream fails with {@link TooLargeException} after {@code limit} bytes. */
    private static final class Bounded extends HttpServletRequestWrapper {
        private final long limit;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    count(b < 0 ? 0 : 1);
                    return b;
                }

                @Override
                public int read(byte[] buf, int off, int len) throws IOException {
                    int n = in.read(buf, off, len);
                    count(Math.max(n, 0));
                    return n;
                }

                private void count(int n) throws TooLargeException {
                    read += n;
                    if (read > limit) {
                        throw new TooLargeException(limit);
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
