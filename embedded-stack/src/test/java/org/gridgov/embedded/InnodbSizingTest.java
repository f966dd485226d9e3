package org.gridgov.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.gridgov.common.config.MemorySize;
import org.junit.jupiter.api.Test;

class InnodbSizingTest {

    private static final long GIB = 1L << 30;

    @Test
    void anEighthOfPhysicalMemoryAndHalfOfThatForTheRedoLog() {
        InnodbSizing s = InnodbSizing.of(Map.of(), 24 * GIB);
        assertThat(s.bufferPool()).isEqualTo(MemorySize.ofMebiBytes(3072));
        assertThat(s.logFile()).isEqualTo(MemorySize.ofMebiBytes(1536));
        assertThat(s.serverArguments())
                .containsExactly(
                        "--innodb-buffer-pool-size=" + 3 * GIB,
                        "--innodb-log-file-size=" + 1536L * 1024 * 1024,
                        "--innodb-doublewrite=0",
                        "--innodb-io-capacity=2000",
                        "--innodb-io-capacity-max=4000");
    }

    @Test
    void smallAndLargeMachinesStayWithinTheBounds() {
        InnodbSizing small = InnodbSizing.of(Map.of(), GIB / 2);
        assertThat(small.bufferPool()).isEqualTo(InnodbSizing.MIN_POOL);
        assertThat(small.logFile()).isEqualTo(InnodbSizing.MIN_LOG);
        InnodbSizing large = InnodbSizing.of(Map.of(), 256 * GIB);
        assertThat(large.bufferPool()).isEqualTo(InnodbSizing.MAX_POOL);
        assertThat(large.logFile()).isEqualTo(InnodbSizing.MAX_LOG);
    }

    @Test
    void environmentVariablesOverrideTheDerivedSizes() {
        InnodbSizing s = InnodbSizing.of(Map.of("GRIDGOV_EMBEDDED_WAREHOUSE_BUFFER_POOL", "512mb"), 24 * GIB);
        assertThat(s.bufferPool()).isEqualTo(MemorySize.ofMebiBytes(512));
        assertThat(s.logFile()).as("derived from the pool given").isEqualTo(MemorySize.ofMebiBytes(256));
        InnodbSizing both = InnodbSizing.of(
                Map.of(
                        "GRIDGOV_EMBEDDED_WAREHOUSE_BUFFER_POOL",
                        "1g",
                        "GRIDGOV_EMBEDDED_WAREHOUSE_LOG_FILE_SIZE",
                        "200mb"),
                24 * GIB);
        assertThat(both.logFile()).isEqualTo(MemorySize.ofMebiBytes(200));
    }

    @Test
    void aMalformedSizeNamesTheVariable() {
        assertThatThrownBy(() -> InnodbSizing.of(Map.of("GRIDGOV_EMBEDDED_WAREHOUSE_BUFFER_POOL", "lots"), GIB))
                .hasMessageContaining("embedded.warehouse.buffer-pool");
    }
}
