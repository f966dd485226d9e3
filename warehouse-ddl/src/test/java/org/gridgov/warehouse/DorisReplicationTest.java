package org.gridgov.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Doris DDL rendered for a cluster's replica count: 3 by default (the committed script), 1 on a single BE. */
class DorisReplicationTest {

    private static final Pattern ALLOCATION =
            Pattern.compile("\"(?:dynamic_partition\\.)?replication_allocation\" = \"([^\"]*)\"");

    @Test
    void theDefaultIsThreeReplicasAndIsTheCommittedScript() {
        assertThat(DdlOptions.DEFAULT.dorisReplication()).isEqualTo(3);
        assertThat(DdlScript.render(SqlDialect.DORIS)).isEqualTo(DdlScript.render(SqlDialect.DORIS, new DdlOptions(3)));
        assertThat(allocations(DdlScript.render(SqlDialect.DORIS))).containsOnly("tag.location.default: 3");
    }

    @Test
    void aSingleBackendClusterGetsOneReplicaOnEveryTableAndEveryDynamicPartition() {
        String ddl = DdlScript.render(SqlDialect.DORIS, new DdlOptions(1));
        int tables = WarehouseSchema.ALL.size();
        long partitioned = WarehouseSchema.ALL.stream()
                .filter(t -> t.partitionColumn().isPresent())
                .count();

        assertThat(allocations(ddl)).hasSize(tables + (int) partitioned).containsOnly("tag.location.default: 1");
        assertThat(ddl)
                .doesNotContain("tag.location.default: 3")
                .doesNotContain("replication_num")
                .contains("-- Rendered for doris.replication=1.");
        // nothing but the replication differs from the committed script
        assertThat(ddl.replace("tag.location.default: 1", "tag.location.default: 3")
                        .replace("-- Rendered for doris.replication=1.\n", ""))
                .isEqualTo(DdlScript.render(SqlDialect.DORIS));
    }

    @Test
    void partitionedTablesSpellOutTheReplicationOfTheirFuturePartitions() {
        String ddl = SqlDialect.DORIS.createTable(WarehouseSchema.ODS_HOTLINE_CASE, new DdlOptions(2));
        assertThat(ddl)
                .contains(
                        "\"replication_allocation\" = \"tag.location.default: 2\"",
                        "\"dynamic_partition.replication_allocation\" = \"tag.location.default: 2\"");
        assertThat(SqlDialect.DORIS.createTable(WarehouseSchema.DIM_STREET, new DdlOptions(2)))
                .contains("\"replication_allocation\" = \"tag.location.default: 2\"")
                .doesNotContain("dynamic_partition");
    }

    @Test
    void mysqlIgnoresTheReplication() {
        assertThat(DdlScript.render(SqlDialect.MYSQL, new DdlOptions(1))).isEqualTo(DdlScript.render(SqlDialect.MYSQL));
    }

    @Test
    void replicationBelowOneOrNotANumberIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> new DdlOptions(0)).hasMessageContaining("doris.replication must be between 1");
        assertThatThrownBy(() -> DdlOptions.parseDorisReplication("three"))
                .hasMessageContaining("doris.replication must be a whole number, got 'three'");
        assertThat(DdlOptions.parseDorisReplication(" 1 ")).isEqualTo(new DdlOptions(1));
    }

    @Test
    void mainPrintsTheScriptForTheGivenReplication() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            DdlScript.main(new String[] {"doris", "--doris.replication=1"});
        } finally {
            System.setOut(original);
        }
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo(DdlScript.render(SqlDialect.DORIS, new DdlOptions(1)));
    }

    private static java.util.List<String> allocations(String ddl) {
        java.util.List<String> out = new java.util.ArrayList<>();
        Matcher m = ALLOCATION.matcher(ddl);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
