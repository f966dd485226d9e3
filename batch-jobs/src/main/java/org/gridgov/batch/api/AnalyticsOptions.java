package org.gridgov.batch.api;

import java.util.List;
import org.gridgov.common.config.ConfigOption;

/**
 * Configuration of the analytics jobs (hot words, opinion risk, person risk scores, arrears key cases) and their
 * report, on top of the platform's options. Read with {@code GridgovConfig.fromArgs(args,
 * BatchJob.ANALYTICS.options())}; every key can also be set as {@code GRIDGOV_<KEY>} or in a properties file. The
 * README of batch-jobs explains the risk model.
 */
public final class AnalyticsOptions {

    private AnalyticsOptions() {}

    public static final ConfigOption<List<AnalyticsJob>> JOBS = ConfigOption.enumList(
            "analytics.jobs",
            AnalyticsJob.class,
            List.of(AnalyticsJob.values()),
            "job",
            "Analytics jobs AnalyticsJobs runs, comma-separated; they run in this order whatever the order given: "
                    + "hotline (12345 DWS/ADS with MoM/YoY), petition (trends by street), overdue (ranking by area), "
                    + "department (performance from case-service cases), response (接诉即办 响应率/解决率/满意率), "
                    + "problems (12345 受理量 vs 诉求数, top repeated problems), hotwords (hot/rising words, opinion risk), arrears (key cases), risk (person risk scores), "
                    + "person_events (综合查询's person index dws_person_event), assessment (监督考核: grid workers, "
                    + "communities, streets and departments scored by the month's rules).");

    // hot words
    public static final ConfigOption<Integer> HOTWORDS_TOP_N = ConfigOption.integer(
                    "hotwords.top-n", 20, "Hot words kept per month and scope (district, street, category).")
            .atLeast(1);
    public static final ConfigOption<Integer> HOTWORDS_RISING_TOP_N = ConfigOption.integer(
                    "hotwords.rising-top-n", 20, "Rising words kept per month and scope.")
            .atLeast(1);
    public static final ConfigOption<Integer> HOTWORDS_IDF_MONTHS = ConfigOption.integer(
                    "hotwords.idf-months",
                    12,
                    "Months of texts (the month and the ones before it) whose document frequencies make the IDF.")
            .atLeast(1);
    public static final ConfigOption<TopicSegmenter> HOTWORDS_SEGMENTER = ConfigOption.enumeration(
            "hotwords.segmenter",
            TopicSegmenter.class,
            TopicSegmenter.LONGEST,
            "segmenter",
            "How the hot-word job cuts texts into words: longest (forward longest match over HanLP's core dictionary "
                    + "and the domain dictionary: about ten times cheaper, and on the independent letters its hot "
                    + "words were as topical as Viterbi's; batch-jobs README) or viterbi (HanLP's Viterbi with the "
                    + "domain dictionary, as the classifier and the case service use it).");
    public static final ConfigOption<Integer> HOTWORDS_RISING_MIN_DOCS = ConfigOption.integer(
                    "hotwords.rising-min-docs", 5, "A rising word must occur in at least this many texts of the month.")
            .atLeast(1);
    public static final ConfigOption<Double> HOTWORDS_RISING_MIN_LLR = ConfigOption.number(
            "hotwords.rising-min-llr",
            10.83,
            "Minimum log-likelihood G2 of a rising word's growth (10.83: p < 0.001 for one degree of freedom).");
    public static final ConfigOption<Integer> OPINION_MIN_DOCS = ConfigOption.integer(
                    "opinion.min-docs",
                    5,
                    "Texts with risk terms a scope needs in the month before its opinion risk can be flagged.")
            .atLeast(1);
    public static final ConfigOption<Double> OPINION_SPIKE_RATIO = ConfigOption.number(
            "opinion.spike-ratio",
            2.0,
            "Flag opinion risk when the share of texts with risk terms is at least this many times last month's.");
    public static final ConfigOption<Double> OPINION_MIN_LLR = ConfigOption.number(
            "opinion.min-llr", 10.83, "...and the increase is significant: log-likelihood G2 at least this.");

    // person risk
    public static final ConfigOption<Integer> RISK_LOOKBACK_DAYS = ConfigOption.integer(
            "risk.lookback-days",
            365,
            "Events of the last N days before the end of the month count towards a person's risk.");
    public static final ConfigOption<Integer> RISK_RECENT_DAYS = ConfigOption.integer(
            "risk.recent-days", 30, "Petitions within the last N days before the end of the month count as recent.");
    public static final ConfigOption<Integer> GROUP_WINDOW_HOURS = ConfigOption.integer(
            "risk.group-window-hours",
            6,
            "A petition is part of a group petition (集访) when, within this many hours before or after it, at least "
                    + "risk.group-min-persons distinct persons petitioned about the same company.");
    public static final ConfigOption<Integer> GROUP_MIN_PERSONS = ConfigOption.integer(
            "risk.group-min-persons",
            5,
            "Persons that make a group petition; a record with group_size at least this is one too.");
    public static final ConfigOption<Double> W_PETITION =
            ConfigOption.number("risk.weight.petition", 10, "Points per petition in the lookback window.");
    public static final ConfigOption<Double> CAP_PETITION =
            ConfigOption.number("risk.cap.petition", 30, "Maximum points from the number of petitions.");
    public static final ConfigOption<Double> W_REPEAT_PETITION = ConfigOption.number(
            "risk.weight.repeat-petition",
            15,
            "Points per repeat petition (second and later petition on the same category).");
    public static final ConfigOption<Double> CAP_REPEAT_PETITION =
            ConfigOption.number("risk.cap.repeat-petition", 45, "Maximum points from repeat petitions.");
    public static final ConfigOption<Double> W_RECENT_PETITION = ConfigOption.number(
            "risk.weight.recent-petition",
            10,
            "Points when the person petitioned within risk.recent-days (once, not per petition).");
    public static final ConfigOption<Double> W_GROUP_PETITION = ConfigOption.number(
            "risk.weight.group-petition", 60, "Points per group petition (集访) the person took part in.");
    public static final ConfigOption<Double> CAP_GROUP_PETITION =
            ConfigOption.number("risk.cap.group-petition", 60, "Maximum points from group petitions.");
    public static final ConfigOption<Double> W_CROSS_SOURCE = ConfigOption.number(
            "risk.weight.cross-source",
            20,
            "Points when the person appears in at least two of petitions, police incidents and arrears cases.");
    public static final ConfigOption<Double> W_POLICE =
            ConfigOption.number("risk.weight.police", 8, "Points per police incident involving the person.");
    public static final ConfigOption<Double> CAP_POLICE =
            ConfigOption.number("risk.cap.police", 24, "Maximum points from police incidents.");
    public static final ConfigOption<Double> W_CONFLICT_POLICE = ConfigOption.number(
            "risk.weight.conflict-police", 7, "Extra points per dispute, fight or wage-demand incident (纠纷/打架斗殴/讨薪).");
    public static final ConfigOption<Double> CAP_CONFLICT_POLICE =
            ConfigOption.number("risk.cap.conflict-police", 14, "Maximum extra points from conflict incidents.");
    public static final ConfigOption<Double> W_HOTLINE =
            ConfigOption.number("risk.weight.hotline", 2, "Points per 12345 call.");
    public static final ConfigOption<Double> CAP_HOTLINE =
            ConfigOption.number("risk.cap.hotline", 10, "Maximum points from 12345 calls.");
    public static final ConfigOption<Double> W_REPEAT_CALL = ConfigOption.number(
            "risk.weight.repeat-call", 5, "Points per repeat call (second and later call on the same category).");
    public static final ConfigOption<Double> CAP_REPEAT_CALL =
            ConfigOption.number("risk.cap.repeat-call", 20, "Maximum points from repeat calls.");
    public static final ConfigOption<Double> W_ARREARS =
            ConfigOption.number("risk.weight.arrears", 10, "Points per wage-arrears complaint filed by the person.");
    public static final ConfigOption<Double> CAP_ARREARS =
            ConfigOption.number("risk.cap.arrears", 20, "Maximum points from arrears complaints.");
    public static final ConfigOption<Double> W_KEY_ARREARS = ConfigOption.number(
            "risk.weight.key-arrears", 15, "Extra points per complaint that is an arrears key case.");
    public static final ConfigOption<Double> CAP_KEY_ARREARS =
            ConfigOption.number("risk.cap.key-arrears", 30, "Maximum extra points from arrears key cases.");
    public static final ConfigOption<Double> LEVEL_RED =
            ConfigOption.number("risk.level.red", 60, "Score from which a person is 红 (red).");
    public static final ConfigOption<Double> LEVEL_ORANGE =
            ConfigOption.number("risk.level.orange", 40, "Score from which a person is 橙 (orange).");
    public static final ConfigOption<Double> LEVEL_YELLOW =
            ConfigOption.number("risk.level.yellow", 20, "Score from which a person is 黄 (yellow); below is 蓝 (blue).");
    public static final ConfigOption<Double> LEVEL_RED_SHARE = ConfigOption.number(
                    "risk.level.red-share",
                    0.005,
                    "Largest share of the scored persons that is 红: the top of the ranking, and only those scoring "
                            + "risk.level.red (calibration to the population; ties at the edge go by rank).")
            .atLeast(0.0)
            .atMost(1.0);
    public static final ConfigOption<Double> LEVEL_ORANGE_SHARE = ConfigOption.number(
                    "risk.level.orange-share",
                    0.02,
                    "Largest share of the scored persons that is 橙, the next after the 红 ones.")
            .atLeast(0.0)
            .atMost(1.0);
    public static final ConfigOption<Double> LEVEL_YELLOW_SHARE = ConfigOption.number(
                    "risk.level.yellow-share",
                    0.10,
                    "Largest share of the scored persons that is 黄, the next after the 橙 ones; the rest are 蓝.")
            .atLeast(0.0)
            .atMost(1.0);
    public static final ConfigOption<Integer> LEVEL_MIN_SEATS = ConfigOption.integer(
                    "risk.level.min-seats",
                    100,
                    "Each level's share is never fewer than this many persons, so a small population (a street, a quiet "
                            + "month) keeps its levels from the score thresholds alone.")
            .atLeast(0);

    // arrears key cases
    public static final ConfigOption<Integer> ARREARS_MIN_WORKERS = ConfigOption.integer(
            "arrears.min-workers", 30, "An arrears case with at least this many workers is a key case (涉及人数多).");
    public static final ConfigOption<Long> ARREARS_MIN_AMOUNT = ConfigOption.longValue(
            "arrears.min-amount-yuan", 1_000_000L, "An arrears case of at least this many yuan is a key case (涉及金额大).");
    public static final ConfigOption<Integer> ARREARS_STALE_DAYS = ConfigOption.integer(
            "arrears.stale-days",
            90,
            "An arrears case reported more than this many days before the end of the month and still unresolved "
                    + "then is a key case (久拖未决).");
    public static final ConfigOption<Integer> ARREARS_REPEAT_PETITIONS = ConfigOption.integer(
            "arrears.repeat-petitions",
            2,
            "A case is a key case (重复信访) when its complainant petitioned about "
                    + "its company at least this many times in arrears.petition-window-days before the end of the "
                    + "month, or a group petition (集访) named its company within arrears.group-link-days of the "
                    + "case's report.");
    public static final ConfigOption<Integer> ARREARS_GROUP_LINK_DAYS = ConfigOption.integer(
            "arrears.group-link-days",
            7,
            "A group petition about a case's company counts for the case when it was "
                    + "at most this many calendar days before or after the day the case was reported.");
    public static final ConfigOption<Integer> ARREARS_PETITION_WINDOW_DAYS = ConfigOption.integer(
            "arrears.petition-window-days",
            90,
            "Days before the end of the month in which petitions count for the "
                    + "repeat-petition rule and the company's petition count.");

    // the report
    public static final ConfigOption<Integer> REPORT_TOP_N = ConfigOption.integer(
                    "report.top-n", 10, "Rows per section of the analytics report (AnalyticsReport).")
            .atLeast(1);

    /** The analytics jobs' keys (the report's is {@link #REPORT_TOP_N}, read by the report only). */
    public static final List<ConfigOption<?>> ALL = List.of(
            JOBS,
            HOTWORDS_TOP_N,
            HOTWORDS_RISING_TOP_N,
            HOTWORDS_IDF_MONTHS,
            HOTWORDS_SEGMENTER,
            HOTWORDS_RISING_MIN_DOCS,
            HOTWORDS_RISING_MIN_LLR,
            OPINION_MIN_DOCS,
            OPINION_SPIKE_RATIO,
            OPINION_MIN_LLR,
            RISK_LOOKBACK_DAYS,
            RISK_RECENT_DAYS,
            GROUP_WINDOW_HOURS,
            GROUP_MIN_PERSONS,
            W_PETITION,
            CAP_PETITION,
            W_REPEAT_PETITION,
            CAP_REPEAT_PETITION,
            W_RECENT_PETITION,
            W_GROUP_PETITION,
            CAP_GROUP_PETITION,
            W_CROSS_SOURCE,
            W_POLICE,
            CAP_POLICE,
            W_CONFLICT_POLICE,
            CAP_CONFLICT_POLICE,
            W_HOTLINE,
            CAP_HOTLINE,
            W_REPEAT_CALL,
            CAP_REPEAT_CALL,
            W_ARREARS,
            CAP_ARREARS,
            W_KEY_ARREARS,
            CAP_KEY_ARREARS,
            LEVEL_RED,
            LEVEL_ORANGE,
            LEVEL_YELLOW,
            LEVEL_RED_SHARE,
            LEVEL_ORANGE_SHARE,
            LEVEL_YELLOW_SHARE,
            LEVEL_MIN_SEATS,
            ARREARS_MIN_WORKERS,
            ARREARS_MIN_AMOUNT,
            ARREARS_STALE_DAYS,
            ARREARS_REPEAT_PETITIONS,
            ARREARS_GROUP_LINK_DAYS,
            ARREARS_PETITION_WINDOW_DAYS);
}
