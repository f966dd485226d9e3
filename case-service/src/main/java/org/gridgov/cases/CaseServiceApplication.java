package org.gridgov.cases;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The case service: reporting, dispatch, the configurable workflow, tasks, supervision and the leader inbox. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CaseServiceApplication {

    /** Every business time is district time, whatever zone the host runs in. */
    public static final ZoneId DISTRICT_ZONE = ZoneId.of("Asia/Shanghai");

    public static void main(String[] args) {
        SpringApplication.run(CaseServiceApplication.class, args);
    }

    /** Injected so tests can move time forward (time limits, lockout, token expiry). */
    @Bean
    Clock clock() {
        return Clock.system(DISTRICT_ZONE);
    }
}
