package org.gridgov.warehouse;

import static org.gridgov.warehouse.ColumnType.date;
import static org.gridgov.warehouse.ColumnType.datetime;
import static org.gridgov.warehouse.ColumnType.decimal;
import static org.gridgov.warehouse.ColumnType.doubleType;
import static org.gridgov.warehouse.ColumnType.integer;
import static org.gridgov.warehouse.ColumnType.text;
import static org.gridgov.warehouse.ColumnType.tinyint;
import static org.gridgov.warehouse.ColumnType.varchar;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogue of warehouse tables: the one place a table is defined. Doris DDL for production and MySQL DDL for the
 * local MariaDB are rendered from it, and writers take their column order from it, so the three cannot drift.
 * Person identifiers appear only as salted hashes ({@code *_key}) and masked text ({@code *_masked}).
 */
public final class WarehouseSchema {

    public static final String DATABASE = "gridgov";

    private static final ColumnType CODE = varchar(32);
    private static final ColumnType ID = varchar(64);
    private static final ColumnType NAME = varchar(64);
    private static final ColumnType HASH = varchar(64);

    public static final Table DIM_STREET = Table.builder("dim_street", Layer.DIM)
            .comment("街道/镇 streets and towns of the district")
            .key("street_code", CODE, "街道编码")
            .required("street_name", NAME, "街道名称")
            .required("district_code", CODE, "区县编码")
            .required("district_name", NAME, "区县名称")
            .build();

    public static final Table DIM_COMMUNITY = Table.builder("dim_community", Layer.DIM)
            .comment("社区/村 communities and villages")
            .key("community_code", CODE, "社区编码")
            .required("community_name", NAME, "社区名称")
            .required("street_code", CODE, "所属街道编码")
            .build();

    public static final Table DIM_GRID = Table.builder("dim_grid", Layer.DIM)
            .comment("网格 management grids with their boundary")
            .key("grid_code", CODE, "网格编码")
            .required("grid_name", NAME, "网格名称")
            .required("community_code", CODE, "所属社区编码")
            .required("street_code", CODE, "所属街道编码")
            .required("boundary_wkt", text(), "边界 (WKT, WGS84)")
            .build();

    public static final Table DIM_CATEGORY = Table.builder("dim_category", Layer.DIM)
            .comment("事件分类 two-level case categories following 12345 platforms")
            .key("category_code", CODE, "二级分类编码")
            .required("category_name", NAME, "二级分类")
            .required("parent_code", CODE, "一级分类编码")
            .required("parent_name", NAME, "一级分类")
            .required("department", NAME, "责任部门")
            .build();

    public static final Table ODS_HOTLINE_CASE = Table.builder("ods_hotline_case", Layer.ODS)
            .comment("12345 热线工单, as received, PII protected")
            .key("case_id", ID, "工单编号")
            .key("accept_date", date(), "受理日期 (partition)")
            .required("schema_version", integer(), "记录版本")
            .required("channel", CODE, "受理渠道")
            .required("category_code", CODE, "二级分类编码")
            .required("content", text(), "诉求内容")
            .column("caller_key", HASH, "来电人 salted hash")
            .column("caller_name_masked", NAME, "来电人 (masked)")
            .column("caller_phone_masked", CODE, "来电号码 (masked)")
            .column("caller_id_card_masked", CODE, "身份证号 (masked)")
            .required("latitude", doubleType(), "纬度")
            .required("longitude", doubleType(), "经度")
            .column("address", varchar(200), "地址")
            .column("department", NAME, "承办部门")
            .required("accept_time", datetime(), "受理时间")
            .column("deadline", datetime(), "办理时限")
            .required("status", CODE, "状态")
            .column("reply_time", datetime(), "回复时间")
            .column("close_time", datetime(), "办结时间")
            .column("satisfaction", tinyint(), "满意度 1-5")
            .distributedBy(8, "case_id")
            .partitionedBy("accept_date", PartitionUnit.MONTH)
            .build();

    public static final Table ODS_PETITION = Table.builder("ods_petition", Layer.ODS)
            .comment("信访件, as received, PII protected")
            .key("petition_id", ID, "信访件编号")
            .key("petition_date", date(), "信访日期 (partition)")
            .required("schema_version", integer(), "记录版本")
            .required("person_key", HASH, "信访人 salted hash")
            .column("person_name_masked", NAME, "信访人 (masked)")
            .column("id_card_masked", CODE, "身份证号 (masked)")
            .column("phone_masked", CODE, "电话 (masked)")
            .required("form", CODE, "信访形式")
            .required("category_code", CODE, "二级分类编码")
            .required("content", text(), "诉求内容")
            .column("company_name", varchar(100), "涉及单位")
            .required("group_size", integer(), "人数 (>=5 为集体访)")
            .required("latitude", doubleType(), "纬度")
            .required("longitude", doubleType(), "经度")
            .required("petition_time", datetime(), "信访时间")
            .distributedBy(8, "petition_id")
            .partitionedBy("petition_date", PartitionUnit.MONTH)
            .build();

    public static final Table ODS_ARREARS_CASE = Table.builder("ods_arrears_case", Layer.ODS)
            .comment("清欠/欠薪案件, as received, PII protected")
            .key("case_id", ID, "案件编号")
            .key("report_date", date(), "登记日期 (partition)")
            .required("schema_version", integer(), "记录版本")
            .required("company_name", varchar(100), "欠薪单位")
            .column("project_name", varchar(100), "项目名称")
            .required("worker_count", integer(), "涉及人数")
            .required("amount_yuan", decimal(16, 2), "涉及金额 (元)")
            .required("complainant_key", HASH, "投诉人 salted hash")
            .column("complainant_name_masked", NAME, "投诉人 (masked)")
            .column("id_card_masked", CODE, "身份证号 (masked)")
            .column("phone_masked", CODE, "电话 (masked)")
            .required("latitude", doubleType(), "纬度")
            .required("longitude", doubleType(), "经度")
            .required("report_time", datetime(), "登记时间")
            .required("status", CODE, "状态")
            .column("resolved_time", datetime(), "化解时间")
            .distributedBy(4, "case_id")
            .partitionedBy("report_date", PartitionUnit.MONTH)
            .build();

    public static final Table ODS_POLICE_INCIDENT = Table.builder("ods_police_incident", Layer.ODS)
            .comment("警情, as received, PII protected")
            .key("incident_id", ID, "警情编号")
            .key("report_date", date(), "报警日期 (partition)")
            .required("schema_version", integer(), "记录版本")
            .required("incident_type", CODE, "警情类别")
            .column("person_key", HASH, "当事人 salted hash")
            .column("person_name_masked", NAME, "当事人 (masked)")
            .column("id_card_masked", CODE, "身份证号 (masked)")
            .column("phone_masked", CODE, "电话 (masked)")
            .required("content", text(), "简要警情")
            .required("latitude", doubleType(), "纬度")
            .required("longitude", doubleType(), "经度")
            .required("report_time", datetime(), "报警时间")
            .distributedBy(8, "incident_id")
            .partitionedBy("report_date", PartitionUnit.MONTH)
            .build();

    public static final Table ODS_GRID_RECORD = Table.builder("ods_grid_record", Layer.ODS)
            .comment("网格员上报/巡查/走访/考勤/调处记录, as received, PII protected")
            .key("record_id", ID, "记录编号")
            .key("record_date", date(), "记录日期 (partition)")
            .required("schema_version", integer(), "记录版本")
            .required("kind", CODE, "类型 REPORT/PATROL/VISIT/ATTENDANCE/MEDIATION")
            .required("grid_code", CODE, "网格编码")
            .required("worker_id", CODE, "网格员编号")
            .column("person_key", HASH, "走访对象 salted hash")
            .column("id_card_masked", CODE, "身份证号 (masked)")
            .column("category_code", CODE, "二级分类编码 (上报)")
            .required("content", text(), "内容")
            .required("latitude", doubleType(), "纬度")
            .required("longitude", doubleType(), "经度")
            .required("record_time", datetime(), "记录时间 (考勤: 签到; 巡查: first fix)")
            .column(
                    "detail",
                    text(),
                    "schema_version 2 kind fields as received (JSON): track [[second, lat, lon], ...], "
                            + "check_out_time/latitude/longitude, dispute_type, outcome; NULL for version 1 records")
            .distributedBy(8, "record_id")
            .partitionedBy("record_date", PartitionUnit.MONTH)
            .build();

    public static final Table DWD_HOTLINE_CASE = Table.builder("dwd_hotline_case", Layer.DWD)
            .comment("12345 工单明细, conformed to the district's streets, communities, grids and categories")
            .key("case_id", ID, "工单编号")
            .key("accept_date", date(), "受理日期 (partition)")
            .required("accept_month", varchar(7), "受理月份 yyyy-MM")
            .required("street_code", CODE, "街道编码")
            .required("community_code", CODE, "社区编码")
            .required("grid_code", CODE, "网格编码")
            .required("channel", CODE, "受理渠道")
            .required("category_code", CODE, "二级分类编码")
            .required("category_l1_code", CODE, "一级分类编码")
            .column("department", NAME, "承办部门")
            .column("caller_key", HASH, "来电人 salted hash")
            .required("accept_time", datetime(), "受理时间")
            .column("deadline", datetime(), "办理时限")
            .required("status", CODE, "状态")
            .required("is_replied", tinyint(), "已回复")
            .required("is_closed", tinyint(), "已办结")
            .required("is_overdue", tinyint(), "超期 (办结晚于时限, 或未办结已过时限)")
            .column("satisfaction", tinyint(), "满意度 1-5")
            .column("close_time", datetime(), "办结时间")
            .column(
                    "master_case_id",
                    ID,
                    "重复工单的主工单: the earliest record of its chain (same caller and category, open, within the "
                            + "loader's duplicate window); NULL when the record repeats no open case")
            .required("is_duplicate", tinyint(), "重复来电 (master_case_id set)")
            .required("content", text(), "诉求内容")
            .distributedBy(8, "case_id")
            .partitionedBy("accept_date", PartitionUnit.MONTH)
            .build();

    public static final Table DLQ_RECORD = Table.builder("dlq_record", Layer.DLQ)
            .comment("死信: records rejected on the way in, with the reason; payload has PII redacted")
            .key("dlq_id", ID, "deterministic id: source position of the record")
            .required("source", CODE, "来源 (topic or file)")
            .column("record_key", ID, "record id when it could be read")
            .required("error_field", NAME, "first failing field")
            .required("reason", varchar(1000), "all violations, field: reason")
            .required("payload", text(), "the record as received, PII redacted")
            .required(
                    "received_time",
                    datetime(),
                    "when the record reached Kafka (its timestamp), so a replay writes the same row")
            .distributedBy(4, "dlq_id")
            .build();

    public static final Table ADS_HOTLINE_STREET_MONTH = Table.builder("ads_hotline_street_month", Layer.ADS)
            .comment("12345 受理量/回复数/办结数/超期数 by street and month")
            .key("stat_month", varchar(7), "月份 yyyy-MM")
            .key("street_code", CODE, "街道编码")
            .required("street_name", NAME, "街道名称")
            .required("accepted_cnt", integer(), "受理量")
            .required("replied_cnt", integer(), "回复数")
            .required("closed_cnt", integer(), "办结数")
            .required("overdue_cnt", integer(), "超期数")
            .required("close_rate", decimal(6, 4), "办结率")
            .required("updated_at", datetime(), "计算时间")
            .distributedBy(1, "street_code")
            .build();

    /** The foundation's tables: dimensions, ODS, DWD, dead letters and the first ADS table. */
    static final List<Table> CORE = List.of(
            DIM_STREET,
            DIM_COMMUNITY,
            DIM_GRID,
            DIM_CATEGORY,
            ODS_HOTLINE_CASE,
            ODS_PETITION,
            ODS_ARREARS_CASE,
            ODS_POLICE_INCIDENT,
            ODS_GRID_RECORD,
            DWD_HOTLINE_CASE,
            DLQ_RECORD,
            ADS_HOTLINE_STREET_MONTH);

    /** Every table, in creation order (dimensions first); each capability keeps its tables in its own class. */
    public static final List<Table> ALL = concat(
            CORE,
            IngestTables.ALL,
            AlertTables.ALL,
            AnalyticsTables.ALL,
            IdentityTables.ALL,
            CaseTables.ALL,
            GridWorkTables.ALL,
            AssessmentTables.ALL,
            AssessmentAdsTables.ALL);

    private static final Map<String, Table> BY_NAME = new LinkedHashMap<>();

    static {
        for (Table t : ALL) {
            if (BY_NAME.put(t.name(), t) != null) {
                throw new IllegalStateException("duplicate table " + t.name());
            }
        }
    }

    private WarehouseSchema() {}

    @SafeVarargs
    private static List<Table> concat(List<Table>... groups) {
        return java.util.Arrays.stream(groups).flatMap(List::stream).toList();
    }

    public static Table table(String name) {
        Table t = BY_NAME.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no warehouse table " + name);
        }
        return t;
    }

    public static List<Table> layer(Layer layer) {
        return ALL.stream().filter(t -> t.layer() == layer).toList();
    }
}
