package org.gridgov.warehouse;

import static org.gridgov.warehouse.ColumnType.datetime;
import static org.gridgov.warehouse.ColumnType.doubleType;
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
            // 综合查询 finds the phones seen with an ID-card person, to list the cases those phones reported (issue 17)
            .index("idx_link_person", "person_key")
            .build();

    /**
     * 综合查询's person index (issue 17): one row per record that names a person, from every source, keyed by the
     * person key first, so a person's records are one key-prefix read on Doris and on MariaDB however many events the
     * warehouse holds. Rebuilt from the ODS/DWD tables by {@link PersonEventBuild} (the analytics run); a rerun
     * overwrites the same rows. Only salted keys, masked identities and the sources' already-redacted texts.
     */
    public static final Table DWS_PERSON_EVENT = Table.builder("dws_person_event", Layer.DWS)
            .comment("人员事件索引 every record naming a person, by person key: source, time, place, status, company")
            .key("person_key", HASH, "人员 salted hash (ID card's, else the phone's)")
            .key("source", CODE, "来源 PETITION/HOTLINE/POLICE/ARREARS/GRID")
            .key("record_id", ID, "记录编号 in its source table")
            .required("event_time", datetime(), "事件时间")
            .column("name_masked", varchar(64), "姓名 (masked)")
            .column("id_card_masked", CODE, "身份证号 (masked)")
            .column("grid_code", CODE, "网格编码 (12345 and grid records; others are placed by their point)")
            .column("latitude", doubleType(), "纬度")
            .column("longitude", doubleType(), "经度")
            .column("category_code", CODE, "二级分类编码 or 警情类别")
            .column("status", CODE, "状态 (source's own)")
            .column("company_name", varchar(100), "涉及单位")
            .column("summary", varchar(200), "摘要: the first characters of the source's redacted text")
            .distributedBy(8, "person_key")
            .build();

    static final List<Table> ALL = List.of(DWD_PERSON_LINK, DWS_PERSON_EVENT);

    private IdentityTables() {}
}
