package org.gridgov.batch.api;

/** The analytics jobs {@code analytics.jobs} names, in the order {@code AnalyticsJobs} runs them. */
public enum AnalyticsJob {
    /** 12345 DWS/ADS statistics with month-on-month and year-on-year figures. */
    HOTLINE,
    /** Petition trends by street. */
    PETITION,
    /** Overdue-case ranking by area. */
    OVERDUE,
    /** Department performance from case-service cases (dwd_case): handling-time percentiles, on-time and 驳回 rates. */
    DEPARTMENT,
    /** 接诉即办 响应率, 解决率, 满意率 per department and street from dwd_case (issue 19). */
    RESPONSE,
    /** 12345 受理量 vs 诉求数, 重复率 and the month's top repeated problems from dwd_hotline_case (issue 19). */
    PROBLEMS,
    /** Hot and rising words, opinion risk. */
    HOTWORDS,
    /** Arrears key cases. */
    ARREARS,
    /** Person risk scores (after arrears: a key case adds to its complainant's score). */
    RISK,
    /** 综合查询's person index dws_person_event, from every source's ODS/DWD rows (issue 17; SQL in the warehouse). */
    PERSON_EVENTS,
    /**
     * 监督考核 (issue 16): grid workers', communities', streets' and departments' monthly assessment from the grid work
     * records and dwd_case, by the rules in force in the month, with anomaly flags.
     */
    ASSESSMENT
}
