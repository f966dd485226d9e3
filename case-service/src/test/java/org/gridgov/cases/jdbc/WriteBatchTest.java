package org.gridgov.cases.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WriteBatchTest {

    @Test
    void aStatementWithASeparatorOfItsOwnIsRefused() {
        WriteBatch rows = new WriteBatch(null);
        assertThatThrownBy(() -> rows.add("INSERT INTO t VALUES (?); DROP TABLE t", 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(rows.size()).isZero();
    }

    @Test
    void anEmptyBatchSendsNothing() {
        // no JdbcTemplate at all: sending must not touch it
        new WriteBatch(null).send();
    }
}
