package org.gridgov.cases.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sign-in and public requests over their per-address limit ({@link RateLimits}) get 429 with {@code Retry-After}
 * before any work is done: the API and Open311 in their error shapes, the login form back on the login page with the
 * reason. Runs first in both security chains.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimits limits;

    public RateLimitFilter(RateLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimits.Limit limit = limitOf(request);
        if (limit == null || limits.tryConsume(limit, request.getRemoteAddr())) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Retry-After", "60");
        if (ErrorBodies.chainOf(request) == ErrorBodies.Chain.PAGES) {
            response.sendRedirect(request.getContextPath() + "/login?error="
                    + URLEncoder.encode(LoginMessages.TOO_FAST, StandardCharsets.UTF_8));
            return;
        }
        ErrorBodies.write(request, response, 429, "请求过于频繁，请稍后再试 / too many requests, retry in a minute");
    }

    static RateLimits.Limit limitOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean post = "POST".equalsIgnoreCase(request.getMethod());
        if (post && (path.equals("/login") || path.equals("/api/auth/token"))) {
            return RateLimits.Limit.LOGIN_PER_IP;
        }
        return path.startsWith("/open311/") ? RateLimits.Limit.PUBLIC_PER_IP : null;
    }
}
