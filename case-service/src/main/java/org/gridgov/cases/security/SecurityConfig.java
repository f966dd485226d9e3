package org.gridgov.cases.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two chains. {@code /api/**} is stateless with bearer tokens (no cookies, so no CSRF exposure); the pages use a
 * session from the login form, with CSRF tokens on every form. Who may do what on a case is decided in the services
 * (role of the current step, data scope), not here: these chains only require a signed-in user.
 */
@Configuration
@EnableMethodSecurity
public class SecurityConfig {

    /**
     * Scripts, styles, images and connections from the service itself only: no inline script (the pages' scripts are
     * files under /js), no plugins, no framing. Inline style attributes stay allowed ({@code style-src-attr}):
     * ECharts writes its tooltips with them; style elements do not.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " style-src-attr 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self';"
            + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * The same headers on both chains. HSTS only on requests that came over TLS (Spring Security's default matcher;
     * behind a reverse proxy {@code server.forward-headers-strategy} makes its X-Forwarded-Proto count), one year,
     * subdomains included. Session cookies are marked Secure by the container on those requests.
     */
    static void headers(HttpSecurity http) throws Exception {
        http.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(f -> f.deny())
                .httpStrictTransportSecurity(t -> t.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
    }

    /**
     * No Micrometer observation around the security chain, its authentications and authorizations. The
     * {@code management.observations.enable.spring.security: false} predicate only turns each observation into a
     * no-op: the chain is still wrapped in {@code ObservationFilterChainDecorator}, which adds two frames and an
     * observation object to every filter of every request (about a tenth of a case creation's CPU, issue 15). With
     * this setting Spring Security does not decorate at all (spring-security-config 6.5
     * {@code ObservationConfiguration.filterChainDecoratorPostProcessor}).
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The chains' URL patterns ({@code securityMatcher}, {@code requestMatchers}) as {@code PathPatternRequestMatcher}s,
     * parsed once and matched against the path alone, the matchers Spring Security 7 uses by default; without this bean
     * Spring Security 6.5 builds an {@code MvcRequestMatcher} per pattern, which asks Spring MVC's
     * {@code HandlerMappingIntrospector}. The 6.5 reference's migration guide (migration-7/web, "Use
     * PathPatternRequestMatcher by Default") publishes this bean to opt in. Measured (issue 15): it does not remove the
     * introspection a creation pays (~4 % of the request threads): that is {@code HandlerMappingIntrospector.setCache},
     * run for every request by the cache filter {@code WebMvcSecurityConfiguration} puts in front of every chain
     * whether or not a matcher reads it, with no setting to leave it out in 6.5. What can break: a pattern only Spring
     * MVC's matching understood (suffix or trailing-slash matches, both off in Spring 6, or a servlet path other than
     * "/") — this service has none; AccessIT and ScopeAttackIT cover the chains.
     */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean pathPatternRequestMatchers() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, PasswordLogin login, RateLimits limits)
            throws Exception {
        headers(http);
        http.securityMatcher("/api/**", "/open311/**")
                // its own manager without a parent: Boot's global manager holds the same provider, and a failure
                // would run it twice (two failures counted per attempt)
                .authenticationManager(new ProviderManager(login))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(
                        org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
                .addFilterBefore(new RateLimitFilter(limits), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new BearerTokenFilter(tokens), RateLimitFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> ErrorBodies.write(
                                request,
                                response,
                                HttpStatus.UNAUTHORIZED.value(),
                                "sign-in required: Authorization: Bearer <token>"))
                        .accessDeniedHandler((request, response, ex) ->
                                ErrorBodies.write(request, response, HttpStatus.FORBIDDEN.value(), "not allowed")))
                .authorizeHttpRequests(a -> a
                        // only obtaining a token is open; revoking one needs the token itself
                        .requestMatchers(HttpMethod.POST, "/api/auth/token")
                        .permitAll()
                        .requestMatchers("/open311/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, PasswordLogin login, RateLimits limits) throws Exception {
        headers(http);
        http.addFilterBefore(new RateLimitFilter(limits), UsernamePasswordAuthenticationFilter.class)
                // its own manager without a parent: Boot's global manager holds the same provider, and a failure
                // would run it twice (two failures counted per attempt)
                .authenticationManager(new ProviderManager(login))
                .formLogin(f -> f.loginPage("/login")
                        .defaultSuccessUrl("/", false)
                        .failureHandler(new LoginFailureHandler())
                        .permitAll())
                .logout(l ->
                        l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .authorizeHttpRequests(a -> a
                        // "/login" with any query: formLogin's permitAll matches "/login?error" exactly, but the
                        // failure handler sends "/login?error=<reason>", which would otherwise need a sign-in
                        .requestMatchers(
                                "/login",
                                "/css/**",
                                "/js/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/actuator/health",
                                "/error")
                        .permitAll()
                        .anyRequest()
                        .authenticated());
        return http.build();
    }
}
