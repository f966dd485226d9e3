package org.gridgov.warehouse;

import static org.gridgov.warehouse.ColumnType.datetime;
import static org.gridgov.warehouse.ColumnType.varchar;

import java.util.List;

/** Tables of person identity resolution (loading, issue 18). Listed in {@link WarehouseSchema#ALL}. */
public final class IdentityTables {

    private static final ColumnType CODE = varchar(32);
    private static final ColumnType ID = varchar(96);
    private static final ColumnType HASH = varchar(64);

    /**
     * The evidence for linking a phone to a person, one row per record that carried a phone: which person key (from the
     * ID card) the record named beside it, if any, and a salted key of the name as the record wrote it, normalised.
     * Links are decided from these rows ({@code common}'s {@code PhoneLinks}), never written into the sources'
     * person-key columns, so a wrong link can be seen, explained and undone; a phone shared by two ID-card persons
     * is never a link.
     */
    public static final Table DWD_PERSON_LINK = Table.builder("dwd_person_link", Layer.DWD)
            .comment("人员关联证据 phone ↔ person evidence, one row per record with a phone; links are decided from it")
            .key("phone_key", HASH, "电话 salted hash")
            .key("evidence_id", ID, "source:record id of the record that carried the phone")
            .required("source", CODE, "来源 HOTLINE/PETITION/ARREARS/POLICE")
            .column("person_key", HASH, "the ID card's salted hash in the same record (empty: the phone alone)")
            .column("name_key", HASH, "salted hash of the name, simplified and without spaces (evidence only)")
            .required("seen_time", datetime(), "event time of the record")
            .distributedBy(8, "phone_key")
            .build();

    static final List<Table> ALL = List.of(DWD_PERSON_LINK);

    private IdentityTables() {
    }
}
