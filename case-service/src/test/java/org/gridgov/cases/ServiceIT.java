package org.gridgov.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.gridgov.cases.security.Role;
import org.gridgov.cases.security.UserStore;
import org.gridgov.embedded.EmbeddedWarehouse;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the service's integration tests: the real application on a random port against the embedded MariaDB and
 * Kafka, with a clock the tests can move. Every subclass shares one application context.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {CaseServiceApplication.class, ServiceIT.TestClock.class},
        properties = {
            // every test signs in from 127.0.0.1, many times: the rate limits are tested in a context of their
            // own (RateLimitIT redeclares these)
            "gridgov.case.login-per-ip-per-minute=0",
            "gridgov.case.login-per-account-per-minute=0",
            "gridgov.case.public-per-ip-per-minute=0",
            // as behind a reverse proxy on this host: X-Forwarded-Proto from loopback counts (HeadersIT)
            "server.forward-headers-strategy=native"
        })
public abstract class ServiceIT {

    public static final String PASSWORD = "Test-Passw0rd!";

    /** A clock that tests move forward; starts at the real now, so Kafka and the database agree on dates. */
    public static final class MovableClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        public void advance(Duration d) {
            offset = offset.plus(d);
        }

        public void reset() {
            offset = Duration.ZERO;
        }

        @Override
        public ZoneId getZone() {
            return CaseServiceApplication.DISTRICT_ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }

    @TestConfiguration
    public static class TestClock {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", TestStack::caseDbUrl);
        r.add("spring.datasource.username", () -> EmbeddedWarehouse.USER);
        r.add("spring.datasource.password", () -> EmbeddedWarehouse.PASSWORD);
        r.add("gridgov.case.kafka-bootstrap-servers", TestStack::kafkaBootstrap);
        r.add("gridgov.case.warehouse-url", () -> TestStack.warehouse().jdbcUrl());
        r.add("gridgov.case.warehouse-user", () -> EmbeddedWarehouse.USER);
        r.add("gridgov.case.warehouse-password", () -> EmbeddedWarehouse.PASSWORD);
        r.add("gridgov.case.open311-api-keys", () -> "test-open311-key");
        r.add("gridgov.case.attachment-dir", () -> System.getProperty("java.io.tmpdir") + "/gridgov-case-it-files");
        r.add("gridgov.case.outbox-interval", () -> "100ms");
        r.add("gridgov.case.pii-salt", () -> org.gridgov.cases.lookup.PlantedPersons.SALT);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected UserStore users;

    @Autowired
    protected PasswordEncoder encoder;

    @Autowired
    protected MovableClock clock;

    protected Api api;

    @BeforeEach
    void baseSetUp() {
        clock.reset();
        api = new Api("http://127.0.0.1:" + port);
    }

    /** Creates the user once per JVM (tests share the database) with {@link #PASSWORD}. */
    protected void user(String username, Role role, String scope, String departmentName) {
        if (users.find(username).isPresent()) {
            users.resetFailures(username);
            return;
        }
        String dept = departmentName == null
                ? null
                : jdbc.queryForObject("SELECT code FROM department WHERE name = ?", String.class, departmentName);
        users.create(username, username, encoder.encode(PASSWORD), role, scope, dept, LocalDateTime.now());
    }

    protected Api.Session login(String username) {
        return api.login(username, PASSWORD);
    }
}
