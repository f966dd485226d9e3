package org.gridgov.warehouse;

import static org.gridgov.warehouse.ColumnType.datetime;
import static org.gridgov.warehouse.ColumnType.decimal;
import static org.gridgov.warehouse.ColumnType.doubleType;
import static org.gridgov.warehouse.ColumnType.integer;
import static org.gridgov.warehouse.ColumnType.varchar;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * 监督考核 scored from data (issue 16 part 4): the monthly assessment of every grid worker and of every community,
 * street and department, written by batch-jobs' {@code assessment.AssessmentJob}. Each assessment item of
 * {@link #ITEMS} has a pair of columns, its raw value ({@code <item>_raw}) and the points the month's rule gave it
 * ({@code <item>_points}, NULL when the level's rule has no such item); the rule version is the one valid in the
 * month for the subject's street ({@code rule_scope}: the street's own COMMUNITY / GRID_WORKER rules, else the
 * district's, whose scope is the district's code). Column names {@code month} and {@code rank} are the contract; SQL should quote them.
 */
public final class AssessmentAdsTables {

    private static final ColumnType CODE = varchar(32);
    private static final ColumnType NAME = varchar(64);
    private static final ColumnType POINTS = decimal(7, 2);

    /** 考核项 codes of the contract, in column order, with their names. */
    public static final Map<String, String> ITEMS = items();

    public static final Table ADS_GRID_WORKER_ASSESSMENT = worker();
    public static final Table ADS_UNIT_ASSESSMENT = unit();

    public static final List<Table> ALL = List.of(ADS_GRID_WORKER_ASSESSMENT, ADS_UNIT_ASSESSMENT);

    private AssessmentAdsTables() {}

    /** The raw-value column of an item code. */
    public static String rawColumn(String itemCode) {
        return itemCode.toLowerCase(Locale.ROOT) + "_raw";
    }

    /** The points column of an item code. */
    public static String pointsColumn(String itemCode) {
        return itemCode.toLowerCase(Locale.ROOT) + "_points";
    }

    private static Map<String, String> items() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("EVENTS_REPORTED", "上报事件数");
        m.put("EVENTS_HANDLED", "自行处置办结数");
        m.put("HIDDEN_DANGERS", "安全隐患上报数");
        m.put("SATISFACTION", "回访满意率");
        m.put("ATTENDANCE", "出勤率 (签到天数/工作日)");
        m.put("PATROL_DISTANCE_KM", "巡查里程 (公里)");
        m.put("PATROL_COVERAGE", "巡查覆盖率 (平均)");
        m.put("VISITS", "入户走访数");
        m.put("MEDIATIONS", "矛盾调处成功数");
        m.put("OVERDUE_COUNT", "超期事件数");
        m.put("REJECT_COUNT", "驳回次数");
        return java.util.Collections.unmodifiableMap(m);
    }

    private static Table.Builder items(Table.Builder b) {
        ITEMS.forEach((code, name) -> b.column(rawColumn(code), doubleType(), name + " 原始值")
                .column(pointsColumn(code), POINTS, name + " 得分 (NULL: 规则无此项)"));
        return b;
    }

    private static Table worker() {
        Table.Builder b = Table.builder("ads_grid_worker_assessment", Layer.ADS)
                .comment("网格员月度考核: 各考核项原始值与得分, 手工加减分, 总分, 排名, 异常标记")
                .key("month", varchar(7), "考核月份 yyyy-MM")
                .key("worker_id", CODE, "网格员编号 (W + 网格编码去区县前缀)")
                .required("grid_code", CODE, "网格编码")
                .required("community_code", CODE, "社区编码")
                .required("community_name", NAME, "社区名称")
                .required("street_code", CODE, "街道编码")
                .required("street_name", NAME, "街道名称")
                .required("total_score", POINTS, "总分 (各项得分 + 手工分)")
                .required("rank", integer(), "区内排名 (总分降序, 同分同名次)")
                .column("rule_version", integer(), "所用规则版本 (NULL: 当月无有效规则)")
                .column("rule_scope", CODE, "所用规则范围: 区县编码 (区级) 或街道编码 (街道规则; NULL: 当月无有效规则)");
        return items(b).required("manual_points", POINTS, "手工加减分合计")
                .column(
                        "anomaly_flags",
                        varchar(128),
                        "异常 STAYS_IN_ONE_PLACE,FAKE_PATROL_JUMP,MISSING_CHECKOUT (逗号分隔; NULL: 无)")
                .required("updated_at", datetime(), "计算时间")
                .distributedBy(1, "worker_id")
                .build();
    }

    private static Table unit() {
        Table.Builder b = Table.builder("ads_unit_assessment", Layer.ADS)
                .comment("社区/街道/部门月度考核: 各考核项原始值与得分, 总分, 排名")
                .key("month", varchar(7), "考核月份 yyyy-MM")
                .key("level", CODE, "COMMUNITY/STREET/DEPARTMENT")
                .key("unit_code", CODE, "社区/街道/部门编码")
                .required("unit_name", NAME, "名称 (部门: 编码)")
                .column("street_code", CODE, "所属街道编码 (社区、街道; 部门 NULL)")
                .column("street_name", NAME, "所属街道名称")
                .column("worker_cnt", integer(), "网格员数 (部门 NULL)")
                .required("total_score", POINTS, "总分 (各项得分 + 手工分)")
                .required("rank", integer(), "同层级排名 (总分降序, 同分同名次)")
                .column("rule_version", integer(), "所用规则版本 (NULL: 当月无有效规则)")
                .column("rule_scope", CODE, "所用规则范围: 区县编码 (区级) 或街道编码 (街道规则; NULL: 当月无有效规则)");
        return items(b).required("manual_points", POINTS, "手工加减分合计")
                .column("flagged_worker_cnt", integer(), "有异常标记的网格员数 (部门 NULL)")
                .required("updated_at", datetime(), "计算时间")
                .distributedBy(1, "unit_code")
                .build();
    }
}
