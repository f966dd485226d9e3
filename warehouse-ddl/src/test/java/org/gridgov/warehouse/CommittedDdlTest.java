package org.gridgov.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The DDL files operators read and run (ddl/doris.sql, ddl/mysql.sql) must be exactly what the catalogue renders.
 * To regenerate after changing {@link WarehouseSchema}: {@code ./mvnw -pl warehouse-ddl test -Dgridgov.ddl.write=true}.
 */
class CommittedDdlTest {

    private static final Path DIR = Path.of("src/main/resources/ddl");

    @Test
    void dorisDdlFileMatchesCatalogue() throws IOException {
        check(SqlDialect.DORIS, "doris.sql");
    }

    @Test
    void mysqlDdlFileMatchesCatalogue() throws IOException {
        check(SqlDialect.MYSQL, "mysql.sql");
    }

    private static void check(SqlDialect dialect, String file) throws IOException {
        String rendered = DdlScript.render(dialect);
        Path path = DIR.resolve(file);
        if (Boolean.getBoolean("gridgov.ddl.write")) {
            Files.writeString(path, rendered, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(path, StandardCharsets.UTF_8))
                .as("%s is stale: regenerate with ./mvnw -pl warehouse-ddl test -Dgridgov.ddl.write=true", path)
                .isEqualTo(rendered);
    }
}
