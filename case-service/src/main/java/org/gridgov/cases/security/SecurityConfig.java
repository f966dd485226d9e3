package org.gridgov.cases.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.core.annotation.Order;

/**
 * Two chains. {@code /api/**} is stateless with bearer tokens (no cookies, so no CSRF exposure); the pages use a
 * session from the login form, with CSRF tokens on every form. Who may do what on a case is decided in the services
 * (role of the current step, data scope), not here: these chains only require a signed-in user.
 */
@Configuration
@EnableMethodSecurity
public class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, PasswordLogin login, RateLimits limits)
            throws Exception {
        http.securityMatcher("/api/**", "/open311/**")
                // its own manager without a parent: Boot's global manager holds the same provider, and a failure
                // would run it twice (two failures counted per attempt)
                .authenticationManager(new ProviderManager(login))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(
                        org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
                .addFilterBefore(new RateLimitFilter(limits), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new BearerTokenFilter(tokens), RateLimitFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> ErrorBodies.write(request, response,
                                HttpStatus.UNAUTHORIZED.value(), "sign-in required: Authorization: Bearer <token>"))
                        .accessDeniedHandler((request, response, ex) -> ErrorBodies.write(request, response,
                                HttpStatus.FORBIDDEN.value(), "not allowed")))
                .authorizeHttpRequests(a -> a
                        // only obtaining a token is open; revoking one needs the token itself
                        .requestMatchers(HttpMethod.POST, "/api/auth/token").permitAll()
                        .requestMatchers("/open311/**").permitAll()
                        .anyRequest().authenticated());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, PasswordLogin login, RateLimits limits) throws Exception {
        http.addFilterBefore(new RateLimitFilter(limits), UsernamePasswordAuthenticationFilter.class)
                // its own manager without a parent: Boot's global manager holds the same provider, and a failure
                // would run it twice (two failures counted per attempt)
                .authenticationManager(new ProviderManager(login))
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(
                        new LoginFailureHandler()).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .authorizeHttpRequests(a -> a
                        // "/login" with any query: formLogin's permitAll matches "/login?error" exactly, but the
                        // failure handler sends "/login?error=<reason>", which would otherwise need a sign-in
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico",
                                "/actuator/health", "/error").permitAll()
                        .anyRequest().authenticated());
        return http.build();
    }
}
