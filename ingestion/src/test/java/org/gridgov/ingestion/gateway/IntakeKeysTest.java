package org.gridgov.ingestion.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.gridgov.common.model.SourceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway's source-system keys: the entry format, both ways of proving a key, and every refusal. */
class IntakeKeysTest {

    static final String KEY = "k".repeat(16) + "0123456789abcdef";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-31T10:00:00Z"), ZoneOffset.UTC);
    static final long NOW = CLOCK.instant().getEpochSecond();
    static final byte[] BODY = "{\"case_id\":\"RX1\"}".getBytes(StandardCharsets.UTF_8);

    final IntakeKeys keys = IntakeKeys.parse(
            "# two systems\n12345-platform=hotline+police:" + KEY + ", petitions=petition:" + "p".repeat(40),
            300,
            CLOCK);

    String signed(String client, String key, long timestamp, byte[] body, String path) {
        return IntakeKeys.authorization(client, key, "POST", path, timestamp, body);
    }

    @Test
    void aSignedRequestOfTheClientsOwnSourceIsLetIn() {
        IntakeKeys.Verdict v = keys.check(
                "POST",
                "/intake/hotline",
                signed("12345-platform", KEY, NOW, BODY, "/intake/hotline"),
                SourceType.HOTLINE,
                BODY);
        assertThat(v.allowed()).isTrue();
        assertThat(v.client().id()).isEqualTo("12345-platform");
        assertThat(keys.check("POST", "/intake/police", "Bearer " + KEY, SourceType.POLICE, BODY)
                        .allowed())
                .isTrue();
    }

    @Test
    void everyOtherRequestIsRefusedWithItsReason() {
        String path = "/intake/hotline";
        assertThat(keys.check("POST", path, null, SourceType.HOTLINE, BODY).status())
                .isEqualTo(401);
        assertThat(keys.check("POST", path, "Basic YWRtaW46YWRtaW4=", SourceType.HOTLINE, BODY)
                        .status())
                .isEqualTo(401);
        assertThat(keys.check("POST", path, "Bearer " + "x".repeat(40), SourceType.HOTLINE, BODY)
                        .reason())
                .isEqualTo("unknown key");
        assertThat(keys.check("POST", path, signed("nobody", KEY, NOW, BODY, path), SourceType.HOTLINE, BODY)
                        .reason())
                .isEqualTo("unknown client");
        assertThat(keys.check(
                                "POST",
                                path,
                                signed("12345-platform", KEY, NOW - 301, BODY, path),
                                SourceType.HOTLINE,
                                BODY)
                        .reason())
                .contains("301 s away");
        assertThat(keys.check(
                                "POST",
                                path,
                                signed("12345-platform", KEY, NOW, "{}".getBytes(StandardCharsets.UTF_8), path),
                                SourceType.HOTLINE,
                                BODY)
                        .reason())
                .isEqualTo("signature does not match the request");
        assertThat(keys.check(
                                "POST",
                                path,
                                signed("12345-platform", KEY, NOW, BODY, "/intake/police"),
                                SourceType.HOTLINE,
                                BODY)
                        .status())
                .as("signed for another path")
                .isEqualTo(401);
        IntakeKeys.Verdict foreign = keys.check(
                "POST",
                "/intake/petition",
                signed("12345-platform", KEY, NOW, BODY, "/intake/petition"),
                SourceType.PETITION,
                BODY);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.reason()).contains("12345-platform", "[hotline, police]", "petition");
    }

    @Test
    void badKeyEntriesAreRefusedAtStart(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> IntakeKeys.parse("a=hotline:short", 300, CLOCK))
                .hasMessageContaining("at least " + IntakeKeys.MIN_KEY_LENGTH);
        assertThatThrownBy(() -> IntakeKeys.parse("a=weather:" + KEY, 300, CLOCK))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IntakeKeys.parse("a=hotline:" + KEY + "\na=police:" + KEY, 300, CLOCK))
                .hasMessageContaining("two keys");
        assertThatThrownBy(() -> IntakeKeys.parse("# nothing", 300, CLOCK)).hasMessageContaining("no gateway keys");
        assertThatThrownBy(() -> IntakeKeys.parse("hotline " + KEY, 300, CLOCK))
                .hasMessageNotContaining(KEY.substring(0, 20));
        Path open = dir.resolve("keys");
        Files.writeString(open, "a=hotline:" + KEY);
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> IntakeKeys.readFile(open, 300, CLOCK)).hasMessageContaining("chmod 600");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-------"));
        assertThat(IntakeKeys.readFile(open, 300, CLOCK).clientIds()).containsExactly("a");
    }
}
