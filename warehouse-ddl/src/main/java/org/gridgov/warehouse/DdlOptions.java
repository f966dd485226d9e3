package org.gridgov.warehouse;

/**
 * What the DDL depends on besides the catalogue: the cluster it is created on. Doris refuses a CREATE TABLE whose
 * replication asks for more replicas than the cluster has backends ("Failed to find enough backend"), so a single-BE
 * test cluster needs 1 where production wants 3. The MySQL dialect ignores these options.
 *
 * @param dorisReplication replicas per tablet, rendered as {@code "replication_allocation" =
 *                         "tag.location.default: N"} for the table and, on partitioned tables, as
 *                         {@code dynamic_partition.replication_allocation} for the partitions Doris creates later
 */
public record DdlOptions(int dorisReplication) {

    /** The key the launcher reads ({@code gridgov ddl --doris.replication=N}). */
    public static final String DORIS_REPLICATION_KEY = "doris.replication";
    /** Doris' own default and what production uses: one replica may be lost without losing data or writes. */
    public static final int DEFAULT_DORIS_REPLICATION = 3;
    /** What the committed {@code ddl/doris.sql} is rendered with. */
    public static final DdlOptions DEFAULT = new DdlOptions(DEFAULT_DORIS_REPLICATION);

    public DdlOptions {
        // Doris stores the replica count as a short and rejects 0; more than the backends fails at CREATE time,
        // which only the cluster can tell.
        if (dorisReplication < 1 || dorisReplication > Short.MAX_VALUE) {
            throw new IllegalArgumentException(DORIS_REPLICATION_KEY + " must be between 1 and " + Short.MAX_VALUE
                    + " (at most the number of Doris backends), got " + dorisReplication);
        }
    }

    /** Options from the text of {@value #DORIS_REPLICATION_KEY}, e.g. {@code "1"} for a single-BE cluster. */
    public static DdlOptions parseDorisReplication(String value) {
        try {
            return new DdlOptions(Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    DORIS_REPLICATION_KEY + " must be a whole number, got '" + value + "'", e);
        }
    }

    /**
     * The value of Doris' {@code replication_allocation} property. It is used instead of the older
     * {@code replication_num} (the two are mutually exclusive; {@code replication_num = N} means the same as
     * {@code tag.location.default: N}) because it is what {@code SHOW CREATE TABLE} prints, so the committed script
     * and the cluster's own view of a table read alike.
     */
    public String dorisReplicationAllocation() {
        return "tag.location.default: " + dorisReplication;
    }
}
