package org.gridgov.warehouse;

import static org.gridgov.warehouse.ColumnType.date;
import static org.gridgov.warehouse.ColumnType.datetime;
import static org.gridgov.warehouse.ColumnType.decimal;
import static org.gridgov.warehouse.ColumnType.doubleType;
import static org.gridgov.warehouse.ColumnType.integer;
import static org.gridgov.warehouse.ColumnType.tinyint;
import static org.gridgov.warehouse.ColumnType.varchar;

import java.util.List;

/**
 * DWS/ADS tables of the batch analytics (batch-jobs, issue 4): 12345 statistics with month-on-month and
 * year-on-year, petition trends, overdue rankings, monthly hot and rising words with the public-opinion risk flag,
 * person risk scores and arrears key cases. Listed in {@link WarehouseSchema#ALL}.
 *
 * <p>Every table is keyed by its month ({@code stat_month}, yyyy-MM) and what it is about, so re-running a month
 * overwrites that month's rows. Ranked lists (hot words, rising words) are keyed by rank, not by word: a re-run that
 * ranks other words overwrites the same slots instead of leaving the old words behind.
 */
public final class AnalyticsTables {

    private static final ColumnType MONTH = varchar(7);
    private static final ColumnType CODE = varchar(32);
    private static final ColumnType TYPE = varchar(16);
    private static final ColumnType ID = varchar(64);
    private static final ColumnType NAME = varchar(64);
    private static final ColumnType HASH = varchar(64);
    private static final ColumnType COMPANY = varchar(100);
    private static final ColumnType RATE = decimal(6, 4);
    /** Growth rates (0.2500 = +25 %); wide enough for a jump from 1 to 10 000. */
    private static final ColumnType GROWTH = decimal(12, 4);

    public static final Table DWS_HOTLINE_DIM_MONTH = Table.builder("dws_hotline_dim_month", Layer.DWS)
            .comment("12345 月度汇总 by one dimension: DISTRICT, CHANNEL, CATEGORY_L1, CATEGORY, DEPARTMENT, STREET")
            .key("stat_month", MONTH, "月份 yyyy-MM")
            .key("dim_type", TYPE, "维度 DISTRICT/CHANNEL/CATEGORY_L1/CATEGORY/DEPARTMENT/STREET")
            .key("dim_code", ID, "维度编码 (渠道枚举, 分类编码, 部门名称, 街道编码, 区划编码)")
            .required("dim_name", NAME, "维度名称")
            .required("accepted_cnt", integer(), "受理量")
            .required("handled_cnt", integer(), "承办量 (派至承办部门: 状态不是仅受理)")
            .required("replied_cnt", integer(), "回复数")
            .required("closed_cnt", integer(), "办结数")
            .required("overdue_cnt", integer(), "超期数")
            .required("rated_cnt", integer(), "评价数")
            .required("satisfied_cnt", integer(), "满意数 (4-5 分)")
            .required("close_rate", RATE, "办结率 closed/accepted")
            .column("satisfaction_rate", RATE, "满意率 satisfied/rated (无评价为空)")
            .column("satisfaction_avg", decimal(4, 2), "平均满意度 1-5 (无评价为空)")
            .required("updated_at", datetime(), "计算时间")
            .distributedBy(2, "dim_code")
            .build();

    public static final Table ADS_HOTLINE_DIM_MONTH = Table.builder("ads_hotline_dim_month", Layer.ADS)
            .comment("12345 受理量/承办量/回复数/办结率/超期数/满意度 with 环比 (previous month) and 同比 (same month last year)")
            .key("stat_month", MONTH, "月份 yyyy-MM")
            .key("dim_type", TYPE, "维度 DISTRICT/CHANNEL/CATEGORY_L1/CATEGORY/DEPARTMENT/STREET")
            .key("dim_code", ID, "维度编码")
            .required("dim_name", NAME, "维度名称")
            .required("accepted_cnt", integer(), "受理量")
            .required("handled_cnt", integer(), "承办量")
            .required("replied_cnt", integer(), "回复数")
            .required("closed_cnt", integer(), "办结数")
            .required("close_rate", RATE, "办结率")
            .required("overdue_cnt", integer(), "超期数")
            .column("satisfaction_rate", RATE, "满意率")
            .column("accepted_prev_month", integer(), "上月受理量 (上月无数据为空)")
            .column("accepted_prev_year", integer(), "去年同月受理量 (无数据为空)")
            .column("accepted_mom", GROWTH, "受理量环比增长率 (基数为 0 或无数据为空)")
            .column("accepted_yoy", GROWTH, "受理量同比增长率")
            .column("close_rate_mom", RATE, "办结率环比变化 (百分点/100)")
            .column("close_rate_yoy", RATE, "办结率同比变化")
            .column("overdue_mom", GROWTH, "超期数环比增长率")
            .column("overdue_yoy", GROWTH, "超期数同比增长率")
            .column("satisfaction_rate_mom", RATE, "满意率环比变化")
            .column("satisfaction_rate_yoy", RATE, "满意率同比变化")
            .required("updated_at", datetime(), "计算时间")
            .distributedBy(2, "dim_code")
            .build();

    public static final Table ADS_PETITION_STREET_MONTH = Table.builder("ads_petition_street_month", Layer.ADS)
            .comment("信访趋势 by street and month: 件次, 人数, 重复信访人, 集访件次, 来访件次, 环比")
            .key("stat_month", MONTH, "月份 yyyy-MM")
            .key("street_code", CODE, "街道编码 (located from the petition's coordinates)")
            .required("street_name", NAME, "街道名称")
            .required("petition_cnt", integer(), "信访件次")
            .required("person_cnt", integer(), "信访人数")
            .required("repeat_person_cnt", integer(), "本月信访 2 次及以上的人数")
            .required(
                    "group_petition_cnt",
                    integer(),
                    "集访件次 (group_size>=5, or >=5 persons about one company within the window)")
            .required("visit_cnt", integer(), "来访件次")
            .column("prev_month_cnt", integer(), "上月件次 (上月无数据为空)")
            .column("petition_mom", GROWTH, "件次环比增长率")
            .required("updated_at", datetime(), "计算时间")
            .distributedBy(1, "street_code")
            .build();

    public static final Table ADS_OVERDUE_RANK_MONTH = Table.builder("ads_overdue_rank_month", Layer.ADS)
            .comment("12345 超期排行 by area (STREET, COMMUNITY, GRID): 总数/已办/未办/超期")
            .key("stat_month", MONTH, "月份 yyyy-MM")
            .key("area_level", TYPE, "区域层级 STREET/COMMUNITY/GRID")
            .key("area_code", CODE, "区域编码")
            .required("area_name", NAME, "区域名称")
            .column("parent_code", CODE, "上级区域编码 (街道为空)")
            .required("total_cnt", integer(), "总数")
            .required("done_cnt", integer(), "已办 (办结)")
            .required("open_cnt", integer(), "未办")
            .required("overdue_cnt", integer(), "超期")
            .required("overdue_rate", RATE, "超期率 overdue/total")
            .required("overdue_rank", integer(), "同层级排名 (超期数降序, 超期率降序, 编码)")
            .required("updated_at", datetime(), "计算时间")
            .distributedBy(2, "area_code")
            .build();

    public static final Table ADS_HOT_WORD_MONTH = Table.builder("ads_hot_word_month", Layer.ADS)
            .comment("月度热词 by scope (DISTRICT, STREET, CATEGORY): TF-IDF of the month's 12345 texts")
            .key("stat_month", MONTH, "月份 yyyy-MM")
            .key("scope_type", TYPE, "范围 DISTRICT/STREET/CATEGORY")
            .key("scope_code", CODE, "范围编码 (区划, 街道, 二级分类)")
            .key("word_rank", integer(), "名次 1..N")
            .required("scope_name", NAME, "范围名称")
            .required("word", varchar(32), "热词")
            .required("weight", doubleType(), "TF-IDF: 含该词的本月文本数 × ln((1+N)/(1+df))+1, df over the IDF window")
            .required("doc_cnt", integer(), "本月含该词的文本数")
            .required("scope_doc_cnt", integer(), "本月该范围文本数")
            .column("prev_doc_cnt", integer(), "上月含该词的文本数 (上月该范围无文本为空)")
            .required("updated_at", datetime(), "计算时间")
            .distributedBy(2, "scope_code")
            .build();

    public static final Table ADS_RISING_WORD_MONTH = Table.builder("ads_rising_word_month", Layer.ADS)
            .comment(
                    "上升词 by scope: words whose share of texts grew most against the previous month (log-likelihood G2)")
            .key("stat_month", MONTH, "月份 yyyy-MM")
            .key("scope_type", TYPE, "范围 DISTRICT/STREET/CATEGORY")
            .key("scope_code", CODE, "范围编码")
            .key("word_rank", integer(), "名次 1..N")
            .required("scope_name", NAME, "范围名称")
            .required("word", varchar(32), "上升词")
            .required("doc_cnt", integer(), "本月含该词的文本数")
            .required("scope_doc_cnt", integer(), "本月该范围文本数")
            .required("prev_doc_cnt", integer(), "上月含该词的文本数")
            .required("prev_scope_doc_cnt", integer(), "上月该范围文本数")
            .required("growth_ratio", doubleType(), "占比之比 (本月占比 / 上月占比, 上月为 0 时按 0.5 篇计)")
            .required("llr", doubleType(), "对数似然比 G2 (越大越显著)")
            .required("updated_at", datetime(), "计算时间")
            .distributedBy(2, "scope_code")
            .build();

    public static final Table ADS_OPINION_RISK_MONTH = Table.builder("ads_opinion_risk_month", Layer.ADS)
            .comment("舆情风险 by scope and month: share of texts with risk terms and its spike against the previous month")
            .key("stat_month", MONTH, "月份 yyyy-MM")
            .key("scope_type", TYPE, "范围 DISTRICT/STREET/CATEGORY")
            .key("scope_code", CODE, "范围编码")
            .required("scope_name", NAME, "范围名称")
            .required("doc_cnt", integer(), "本月文本数")
            .required("risk_doc_cnt", integer(), "含风险词的文本数")
            .required("risk_share", doubleType(), "风险文本占比")
            .column("prev_doc_cnt", integer(), "上月文本数 (无数据为空)")
            .column("prev_risk_doc_cnt", integer(), "上月含风险词的文本数")
            .column("spike_ratio", doubleType(), "占比之比 本月/上月 (上月为 0 时按 0.5 篇计)")
            .column("llr", doubleType(), "对数似然比 G2 of the increase")
            .required("is_flagged", tinyint(), "舆情风险标记 1/0")
            .column("top_terms", varchar(200), "本月最多的风险词 (词:文本数)")
            .required("updated_at", datetime(), "计算时间")
            .distributedBy(2, "scope_code")
            .build();

    public static final Table ADS_PERSON_RISK_MONTH = Table.builder("ads_person_risk_month", Layer.ADS)
            .comment("人员风险评分 as of the end of the month: score 0-100, level 红/橙/黄/蓝 and the factors behind it")
            .key("stat_month", MONTH, "月份 yyyy-MM (评分截至该月末)")
            .key("person_key", HASH, "人员 salted hash")
            .column("name_masked", varchar(64), "姓名 (masked)")
            .column("id_card_masked", CODE, "身份证号 (masked)")
            .required("risk_score", decimal(5, 1), "风险分 0-100")
            .required("risk_level", varchar(8), "等级 红/橙/黄/蓝")
            .required("risk_rank", integer(), "本月名次 (分数降序)")
            .required("petition_cnt", integer(), "信访次数 (回看窗口内)")
            .required("repeat_petition_cnt", integer(), "重复信访次数 (同一事项第 2 次起)")
            .required("recent_petition_cnt", integer(), "近期信访次数")
            .required("group_petition_cnt", integer(), "参与集访次数")
            .required("hotline_cnt", integer(), "12345 来电次数")
            .required("repeat_call_cnt", integer(), "重复来电次数 (同一分类第 2 次起)")
            .required("police_cnt", integer(), "警情次数")
            .required("conflict_police_cnt", integer(), "纠纷/打架/讨薪类警情次数")
            .required("arrears_cnt", integer(), "欠薪投诉次数")
            .required("key_arrears_cnt", integer(), "其中重点欠薪案件")
            .required("source_cnt", integer(), "出现的数据源数")
            .required("last_event_time", datetime(), "最近一次事件时间")
            .required("top_factors", varchar(300), "主要风险因素 (因素 +分, 分数降序)")
            .required("updated_at", datetime(), "计算时间")
            .distributedBy(8, "person_key")
            .build();

    public static final Table ADS_ARREARS_KEY_CASE = Table.builder("ads_arrears_key_case", Layer.ADS)
            .comment(
                    "清欠重点案件 active in the month: too many workers, too much money, unresolved too long, repeat petitions")
            .key("stat_month", MONTH, "月份 yyyy-MM (状态截至该月末)")
            .key("case_id", ID, "案件编号")
            .required("report_date", date(), "登记日期")
            .required("company_name", COMPANY, "欠薪单位")
            .column("project_name", varchar(100), "项目名称")
            .required("street_code", CODE, "街道编码")
            .required("street_name", NAME, "街道名称")
            .required("worker_count", integer(), "涉及人数")
            .required("amount_yuan", decimal(16, 2), "涉及金额 (元)")
            .required("status", CODE, "月末状态 OPEN/IN_PROGRESS/RESOLVED")
            .column("days_unresolved", integer(), "截至月末未化解天数 (已化解为空)")
            .required("is_many_workers", tinyint(), "涉及人数过多")
            .required("is_large_amount", tinyint(), "涉及金额过大")
            .required("is_long_unresolved", tinyint(), "久拖未决")
            .required("is_repeat_petition", tinyint(), "同一单位重复信访")
            .required("company_petition_cnt", integer(), "窗口内涉及该单位的信访件次")
            .required("reasons", varchar(200), "重点原因")
            .required("updated_at", datetime(), "计算时间")
            .distributedBy(2, "case_id")
            .build();

    public static final Table ADS_ARREARS_STREET_MONTH = Table.builder("ads_arrears_street_month", Layer.ADS)
            .comment("清欠 by street and month: active cases, new cases, key cases, workers and money")
            .key("stat_month", MONTH, "月份 yyyy-MM")
            .key("street_code", CODE, "街道编码")
            .required("street_name", NAME, "街道名称")
            .required("case_cnt", integer(), "在办案件数 (本月新登记或月初未化解)")
            .required("new_case_cnt", integer(), "本月新登记")
            .required("resolved_cnt", integer(), "本月化解")
            .required("unresolved_cnt", integer(), "月末未化解")
            .required("key_case_cnt", integer(), "重点案件数")
            .required("worker_cnt", integer(), "涉及人数")
            .required("amount_yuan", decimal(18, 2), "涉及金额 (元)")
            .required("key_amount_yuan", decimal(18, 2), "重点案件金额 (元)")
            .required("updated_at", datetime(), "计算时间")
            .distributedBy(1, "street_code")
            .build();

    public static final Table ADS_ARREARS_COMPANY_MONTH = Table.builder("ads_arrears_company_month", Layer.ADS)
            .comment("清欠 by company and month: cases, key cases, workers, money and petitions about the company")
            .key("stat_month", MONTH, "月份 yyyy-MM")
            .key("company_name", COMPANY, "欠薪单位")
            .required("case_cnt", integer(), "在办案件数")
            .required("new_case_cnt", integer(), "本月新登记")
            .required("unresolved_cnt", integer(), "月末未化解")
            .required("key_case_cnt", integer(), "重点案件数")
            .required("worker_cnt", integer(), "涉及人数")
            .required("amount_yuan", decimal(18, 2), "涉及金额 (元)")
            .required("petition_cnt", integer(), "窗口内涉及该单位的信访件次")
            .required("updated_at", datetime(), "计算时间")
            .distributedBy(2, "company_name")
            .build();

    /** Every table of this group, in creation order. */
    /**
     * 受理量 vs 诉求数 (issue 19 part 3): calls and the distinct problems they are about, by month, street and category.
     * A problem is a chain of 重复来电 ({@code dwd_hotline_case.master_case_id}, or the call itself when it repeats
     * nothing); a problem whose calls came from two streets counts in both, so 诉求数 adds up over categories but not
     * exactly over streets.
     */
    public static final Table ADS_HOTLINE_PROBLEM_MONTH = Table.builder("ads_hotline_problem_month", Layer.ADS)
            .comment("12345 受理量 vs 诉求数 and 重复率 by month, street and category")
            .key("stat_month", MONTH, "月份 yyyy-MM")
            .key("street_code", CODE, "街道编码")
            .key("category_code", CODE, "二级分类编码")
            .required("street_name", NAME, "街道名称")
            .required("category_name", NAME, "分类名称")
            .required("accepted_cnt", integer(), "受理量 (calls)")
            .required("problem_cnt", integer(), "诉求数 (distinct problems: master ids)")
            .required("duplicate_cnt", integer(), "重复来电 accepted − problems")
            .required("duplicate_rate", RATE, "重复率 duplicate/accepted")
            .required("updated_at", datetime(), "计算时间")
            .distributedBy(1, "street_code")
            .build();

    /** The month's most repeated problems: chains with at least two calls in the month, by calls. Keyed by rank. */
    public static final Table ADS_HOTLINE_TOP_PROBLEM_MONTH = Table.builder("ads_hotline_top_problem_month", Layer.ADS)
            .comment("12345 top merged problems of the month (重复来电 chains by calls)")
            .key("stat_month", MONTH, "月份 yyyy-MM")
            .key("problem_rank", integer(), "排名 (来电数降序, 主工单编号)")
            .required("master_case_id", ID, "主工单编号 (the chain's earliest record)")
            .required("category_code", CODE, "二级分类编码")
            .required("category_name", NAME, "分类名称")
            .required("street_code", CODE, "街道编码 (of the month's first call)")
            .required("street_name", NAME, "街道名称")
            .required("call_cnt", integer(), "本月来电数")
            .required("first_accept_time", datetime(), "本月首次来电")
            .required("last_accept_time", datetime(), "本月最近来电")
            .required("is_closed", tinyint(), "最近一次来电已办结")
            .required("updated_at", datetime(), "计算时间")
            .distributedBy(1, "stat_month")
            .build();

    public static final List<Table> ALL = List.of(
            DWS_HOTLINE_DIM_MONTH,
            ADS_HOTLINE_DIM_MONTH,
            ADS_PETITION_STREET_MONTH,
            ADS_OVERDUE_RANK_MONTH,
            ADS_HOT_WORD_MONTH,
            ADS_RISING_WORD_MONTH,
            ADS_OPINION_RISK_MONTH,
            ADS_PERSON_RISK_MONTH,
            ADS_ARREARS_KEY_CASE,
            ADS_ARREARS_STREET_MONTH,
            ADS_ARREARS_COMPANY_MONTH,
            ADS_HOTLINE_PROBLEM_MONTH,
            ADS_HOTLINE_TOP_PROBLEM_MONTH);

    private AnalyticsTables() {}
}
