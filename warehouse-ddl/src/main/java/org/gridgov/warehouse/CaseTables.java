package org.gridgov.warehouse;

import static org.gridgov.warehouse.ColumnType.bigint;
import static org.gridgov.warehouse.ColumnType.date;
import static org.gridgov.warehouse.ColumnType.datetime;
import static org.gridgov.warehouse.ColumnType.decimal;
import static org.gridgov.warehouse.ColumnType.integer;
import static org.gridgov.warehouse.ColumnType.tinyint;
import static org.gridgov.warehouse.ColumnType.varchar;

import java.util.List;

/**
 * The case service's cases in the warehouse (issue 16): its {@code case.events} as received, and one conformed row
 * per case built from them. Listed in {@link WarehouseSchema#ALL}. No person appears: events carry the acting staff
 * member's user name only, which is not loaded.
 */
public final class CaseTables {

    private static final ColumnType CODE = varchar(32);
    private static final ColumnType ID = varchar(64);

    /** One row per event; the key is the producer's event id, so a replay overwrites instead of adding. */
    public static final Table ODS_CASE_EVENT = Table.builder("ods_case_event", Layer.ODS)
            .comment("事件流转 case lifecycle events from case.events, as received (notes PII-redacted by the producer)")
            .key("event_id", ID, "事件流转编号 (producer's, deterministic)")
            .key("event_date", date(), "流转日期 (partition)")
            .required("case_id", ID, "事件编号")
            .required("schema_version", integer(), "记录版本")
            .required("origin", CODE, "来源 case-service/hotline")
            .required("event_type", CODE, "CREATED/ASSIGNED/PROCESSED/REVIEWED/APPROVED/REJECTED/CLOSED/SUPERVISED...")
            .required("event_time", datetime(), "流转时间")
            .column("deadline", datetime(), "办理时限")
            .column("step", CODE, "流转后所处环节")
            .column("channel", CODE, "上报渠道")
            .column("category_code", CODE, "二级分类编码")
            .column("grid_code", CODE, "网格编码")
            .column("street_code", CODE, "街道编码")
            .column("department_code", CODE, "承办部门编码")
            .column("self_handled", tinyint(), "自行处理")
            .column("dispute", tinyint(), "矛盾纠纷")
            .column("note", varchar(500), "意见 (PII redacted)")
            .distributedBy(8, "event_id")
            .partitionedBy("event_date", PartitionUnit.MONTH)
            .build();

    /**
     * One row per case, rebuilt from all of its events each time one arrives (so the row depends only on the set of
     * events, never on their arrival order or on a replay). Step durations are in minutes between the step's entry
     * and exit events; a step passed more than once (after a 驳回) sums its passes.
     */
    public static final Table DWD_CASE = Table.builder("dwd_case", Layer.DWD)
            .comment("事件明细 one row per case-service case: where, who, the step durations, 驳回/督办 counts, overdue, "
                    + "接诉即办 response and merge")
            .key("case_id", ID, "事件编号")
            .key("report_date", date(), "上报日期 (partition)")
            .required("report_month", varchar(7), "上报月份 yyyy-MM")
            .required("origin", CODE, "来源")
            .column("channel", CODE, "上报渠道")
            .column("category_code", CODE, "二级分类编码")
            .column("grid_code", CODE, "网格编码")
            .column("community_code", CODE, "社区编码")
            .column("street_code", CODE, "街道编码")
            .column("department_code", CODE, "承办部门编码")
            .required("status", CODE, "OPEN/CLOSED/DISPUTE (转矛盾纠纷)")
            .required("reported_time", datetime(), "上报时间")
            .column("dispatched_time", datetime(), "首次分派时间")
            .column("closed_time", datetime(), "结案时间")
            .column("deadline", datetime(), "办理时限 (latest)")
            .column("dispatch_minutes", bigint(), "上报→分派 minutes")
            .column("handle_minutes", bigint(), "分派→处理 minutes (all passes)")
            .column("verify_minutes", bigint(), "处理→复核 minutes (all passes)")
            .column("review_minutes", bigint(), "复核→审查 minutes (all passes)")
            .column("total_minutes", bigint(), "上报→结案 minutes")
            .required("rejected_cnt", integer(), "驳回次数")
            .required("supervised_cnt", integer(), "督办次数")
            .required("event_cnt", integer(), "events folded into this row")
            .required("is_self_handled", tinyint(), "自行处理")
            .required("is_dispute", tinyint(), "转矛盾纠纷")
            .required("is_closed", tinyint(), "已结案")
            .required("is_overdue", tinyint(), "超期 (结案晚于时限, 或未结案而最后一个事件已晚于时限)")
            .column("satisfaction", CODE, "回访满意度 SATISFIED/BASICALLY_SATISFIED/DISSATISFIED (latest 回访; NULL before)")
            .column("response_level", CODE, "响应等级 (接诉即办, latest stated)")
            .column("response_deadline", datetime(), "响应时限 first contact due (latest stated)")
            .column("first_response_time", datetime(), "首次响应时间 (earliest RESPONDED)")
            .column(
                    "responded_on_time",
                    tinyint(),
                    "按时响应 1/0 (NULL: no response deadline, or not responded and not yet due)")
            .column("resolved_on_time", tinyint(), "按时解决 结案不晚于办理时限 1/0 (NULL: no deadline, or open and not yet due)")
            .column("master_case_id", ID, "合并到的主事件 (NULL when not merged or after 取消合并)")
            .required("is_merged", tinyint(), "合并为重复事件 (master_case_id set)")
            .required("last_event_time", datetime(), "latest event folded in")
            .distributedBy(8, "case_id")
            .partitionedBy("report_date", PartitionUnit.MONTH)
            .build();

    /**
     * 部门绩效 from real case handling: per report month, department and category, the handling-time percentiles
     * (the department's own step, 分派→处理, all passes; closed cases), the on-time rate of closed cases, the share of
     * cases 驳回 at least once and the 督办 count. Cases without a department (自行处理) are under {@code SELF}.
     */
    public static final Table ADS_CASE_DEPARTMENT_MONTH = Table.builder("ads_case_department_month", Layer.ADS)
            .comment("部门绩效 department performance from case-service cases, by month, department and category")
            .key("stat_month", varchar(7), "上报月份 yyyy-MM")
            .key("department_code", CODE, "承办部门编码 (SELF = 自行处理)")
            .key("category_code", CODE, "二级分类编码")
            .required("case_cnt", integer(), "事件数")
            .required("closed_cnt", integer(), "已结案")
            .column("handle_p50_minutes", decimal(12, 1), "处理时长 p50 (minutes, closed cases)")
            .column("handle_p90_minutes", decimal(12, 1), "处理时长 p90 (minutes, closed cases)")
            .column("on_time_rate", decimal(6, 4), "按期结案率 (closed cases not overdue / closed)")
            .required("rejected_rate", decimal(6, 4), "驳回率 (cases rejected at least once / cases)")
            .required("supervised_cnt", integer(), "督办次数")
            .required("updated_at", datetime(), "计算时间")
            .distributedBy(1, "department_code")
            .build();

    /**
     * 接诉即办 考核 (issue 19 part 4): 响应率, 解决率, 满意率 per month and department or street, from dwd_case. Merged
     * duplicates are left out (their master is timed and assessed); each rate counts only cases it can judge
     * (a deadline that passed or was met; a 回访), and is NULL when there are none.
     */
    public static final Table ADS_CASE_RESPONSE_MONTH = Table.builder("ads_case_response_month", Layer.ADS)
            .comment("接诉即办 响应率/解决率/满意率 by month and department or street (case-service cases)")
            .key("stat_month", varchar(7), "上报月份 yyyy-MM")
            .key("dim_type", CODE, "DEPARTMENT/STREET")
            .key("dim_code", CODE, "部门编码 (SELF = 自行处理) 或 街道编码")
            .required("dim_name", varchar(64), "部门或街道名称 (部门: its code)")
            .required("case_cnt", integer(), "事件数 (not merged)")
            .required("response_due_cnt", integer(), "可考核响应数 (responded, or the response deadline passed)")
            .required("responded_on_time_cnt", integer(), "按时响应")
            .column("response_rate", decimal(6, 4), "响应率 on time / due")
            .required("resolve_due_cnt", integer(), "可考核解决数 (closed, or the deadline passed)")
            .required("resolved_on_time_cnt", integer(), "按时解决")
            .column("resolve_rate", decimal(6, 4), "解决率 on time / due")
            .required("visited_cnt", integer(), "回访数")
            .required("satisfied_cnt", integer(), "满意+基本满意")
            .column("satisfaction_rate", decimal(6, 4), "满意率 satisfied / visited")
            .required("updated_at", datetime(), "计算时间")
            .distributedBy(1, "dim_code")
            .build();

    public static final List<Table> ALL =
            List.of(ODS_CASE_EVENT, DWD_CASE, ADS_CASE_DEPARTMENT_MONTH, ADS_CASE_RESPONSE_MONTH);

    private CaseTables() {}
}
