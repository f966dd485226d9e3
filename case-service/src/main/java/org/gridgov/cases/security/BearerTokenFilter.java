package org.gridgov.cases.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Signs in API requests that carry {@code Authorization: Bearer <token>}; a bad or expired token is a 401. */
public class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;

    public BearerTokenFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** The token of an {@code Authorization: Bearer <token>} header; empty for a missing or other header. */
    public static Optional<String> bearerToken(String header) {
        if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer", 0, 6)) {
            Optional<String> token = bearerToken(header);
            // a token is at most a few hundred characters: a longer one is not looked up (nor hashed) at all
            Optional<Staff> staff = token.filter(t -> t.length() <= 512).flatMap(tokens::resolve);
            if (staff.isEmpty()) {
                ErrorBodies.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "invalid or expired token");
                return;
            }
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(PasswordLogin.authenticated(staff.get()));
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
