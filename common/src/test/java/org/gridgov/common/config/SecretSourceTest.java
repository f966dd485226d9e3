package org.gridgov.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretSourceTest {

    @TempDir
    Path dir;

    @AfterEach
    void forget() {
        SecretSource.clearHandedOver();
    }

    @Test
    void readsTheSecretsFileWhereItIsUsedAndHoldsOnlyItsPath() throws Exception {
        Path file = dir.resolve("secrets.properties");
        Files.writeString(file, "pii.salt=from-the-file-0123456789\nwarehouse.password=\n", StandardCharsets.UTF_8);
        SecretSource source = SecretSource.from(GridgovConfig.of(Map.of("secrets.file", file.toString())));

        assertThat(source.get(GridgovOptions.PII_SALT)).isEqualTo("from-the-file-0123456789");
        assertThat(source.get(GridgovOptions.WAREHOUSE_PASSWORD))
                .as("blank is unset")
                .isNull();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(source);
        }
        assertThat(bytes.toString(StandardCharsets.ISO_8859_1)).doesNotContain("from-the-file");
    }

    @Test
    void aLocalRunsHandedOverValueWinsUntilCleared() {
        SecretSource.handOver(GridgovOptions.PII_SALT, "handed-over-0123456789");
        assertThat(SecretSource.ENVIRONMENT.get(GridgovOptions.PII_SALT)).isEqualTo("handed-over-0123456789");
        SecretSource.clearHandedOver();
        assertThat(SecretSource.ENVIRONMENT.get(GridgovOptions.PII_SALT)).isEqualTo(System.getenv("GRIDGOV_PII_SALT"));
    }

    @Test
    void aMissingSecretNamesTheVariableAndTheFile() {
        SecretSource source = new SecretSource(dir.resolve("none.properties").toString());
        assertThatThrownBy(() -> new SecretSource(" ").require(AlertKeys.TOKEN))
                .hasMessageContaining("GRIDGOV_TEST_TOKEN")
                .hasMessageNotContaining(" in ");
        assertThatThrownBy(() -> source.get(AlertKeys.TOKEN)).hasMessageContaining("none.properties");
    }

    /** A secret no environment sets. */
    private static final class AlertKeys {
        static final ConfigOption<String> TOKEN = ConfigOption.secret("test.token", "A token.");
    }
}
