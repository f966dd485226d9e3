package org.gridgov.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The smoke test attacks its target, so it refuses every target but this machine (no network needed here). */
class SecuritySmokeTest {

    @Test
    void onlyLoopbackTargetsAreAccepted() {
        SecuritySmoke.requireLoopback("http://127.0.0.1:8080");
        SecuritySmoke.requireLoopback("http://localhost:8080/");
        SecuritySmoke.requireLoopback("https://[::1]:8443");
        assertThatThrownBy(() -> SecuritySmoke.requireLoopback("http://10.1.2.3:8080"))
                .hasMessageContaining("not this machine");
        assertThatThrownBy(() -> SecuritySmoke.requireLoopback("http://192.168.0.10"))
                .hasMessageContaining("loopback only");
        assertThatThrownBy(() -> SecuritySmoke.requireLoopback("ftp://127.0.0.1/"))
                .hasMessageContaining("http(s)");
    }

    @Test
    void anotherHostIsRefusedWithExitCode2BeforeAnyRequest() {
        SecuritySmoke smoke = new SecuritySmoke();
        smoke.url = "http://10.255.255.1:8080";
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(smoke.run(System.out, new PrintStream(err, true, StandardCharsets.UTF_8)))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("loopback only");
        assertThat(smoke.checks()).isEmpty();
    }
}
