package org.gridgov.warehouse;

import static org.gridgov.warehouse.ColumnType.date;
import static org.gridgov.warehouse.ColumnType.datetime;
import static org.gridgov.warehouse.ColumnType.doubleType;
import static org.gridgov.warehouse.ColumnType.integer;
import static org.gridgov.warehouse.ColumnType.varchar;

import java.util.List;

/**
 * 监督考核 rules and manual scores (issue 16 part 3), mirrored by the case service from its own tables (the 考核规则
 * page and 手工打分 are edited there) for the monthly assessment job. Listed in {@link WarehouseSchema#ALL}. No person
 * appears: subjects are worker ids and area or department codes, {@code scored_by} a staff account, and the reason has
 * ID and phone numbers masked by the case service.
 */
public final class AssessmentTables {

    private static final ColumnType CODE = varchar(32);

    /**
     * Every published rule version of every level and scope, one row per item. The scope is the district's code (the
     * district's rules of the level) or a street's code (that street's own COMMUNITY / GRID_WORKER rules, which
     * override the district's for subjects in the street); versions are numbered per (level, scope). A subject's month
     * is scored with its street's version whose {@code valid_from <= first day <= valid_to} (valid_to inclusive, NULL
     * = still valid), else the district's; versions start on a month's first day and never change afterwards, except
     * that the next version, or a street's withdrawal, sets valid_to.
     */
    public static final Table DIM_ASSESSMENT_RULE = Table.builder("dim_assessment_rule", Layer.DIM)
            .comment("考核规则 assessment rule items per level, scope and version (weights of a version sum to 100)")
            .key("rule_version", integer(), "规则版本 (per level and scope)")
            .key("level", CODE, "考核层级 GRID_WORKER/COMMUNITY/STREET/DEPARTMENT")
            .key("scope_code", CODE, "规则范围: 区县编码 (区级规则) 或街道编码 (该街道的社区/网格员规则, 覆盖区级)")
            .key(
                    "item_code",
                    CODE,
                    "考核项 EVENTS_REPORTED/EVENTS_HANDLED/HIDDEN_DANGERS/SATISFACTION/ATTENDANCE/"
                            + "PATROL_DISTANCE_KM/PATROL_COVERAGE/VISITS/MEDIATIONS/OVERDUE_COUNT/REJECT_COUNT")
            .required("valid_from", date(), "生效日期 (first day of a month)")
            .column("valid_to", date(), "失效日期 last valid day, inclusive (NULL = current)")
            .required("item_name", varchar(64), "考核项名称")
            .required("weight", doubleType(), "分值 points of the item")
            .required("target", doubleType(), "目标值 per month")
            .required("method", CODE, "计分方法 RATIO_TO_TARGET/INVERSE_COUNT/THRESHOLD")
            .required("direction", varchar(100), "计分说明")
            .distributedBy(1, "rule_version")
            .build();

    /** 手工打分 still in force (a revoked score is deleted), one row per score. */
    public static final Table DWD_MANUAL_SCORE = Table.builder("dwd_manual_score", Layer.DWD)
            .comment("手工打分 leaders' manual bonus/deduction points per month and subject")
            .key("score_id", CODE, "打分编号 MS<n>")
            .required("month", varchar(7), "考核月份 yyyy-MM")
            .required("level", CODE, "考核层级")
            .required("subject_code", CODE, "考核对象 worker id / community / street / department code")
            .required("points", doubleType(), "加减分 -20..+20")
            .required("reason", varchar(200), "理由 (ID and phone numbers masked)")
            .required("scored_by", varchar(64), "打分人 (staff account)")
            .required("scored_at", datetime(), "打分时间")
            .distributedBy(1, "score_id")
            .build();

    public static final List<Table> ALL = List.of(DIM_ASSESSMENT_RULE, DWD_MANUAL_SCORE);

    private AssessmentTables() {}
}
