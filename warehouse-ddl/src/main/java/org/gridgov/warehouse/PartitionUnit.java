package org.gridgov.warehouse;

/** Time unit of a table's Doris dynamic partitions. */
public enum PartitionUnit {
    DAY(-400, 3),
    MONTH(-36, 3);

    /** How many units back and ahead Doris keeps partitions (dynamic_partition.start / .end). */
    final int start;

    final int end;

    PartitionUnit(int start, int end) {
        this.start = start;
        this.end = end;
    }
}
