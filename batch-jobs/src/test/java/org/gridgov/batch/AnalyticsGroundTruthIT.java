package org.gridgov.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.embedded.EmbeddedWarehouse;
import org.gridgov.simulator.generator.GeneratorSpec;
import org.gridgov.simulator.generator.GroundTruth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The done-when of the analytics on the generator's ground truth: four months (March–June 2024: 供暖 in March, rising
 * topics in April, May and June, 排水积水 in June) loaded into MariaDB, then {@link AnalyticsJobs} as the launcher runs
 * it, for every month. Expected values come from {@link GroundTruth} and from plain SQL on the loaded tables.
 */
class AnalyticsGroundTruthIT {

    static final GeneratorSpec SPEC = new GeneratorSpec(20240301L, YearMonth.of(2024, 3), 4, 32_000, 0.02);
    static final int TOP = 10;

    private static EmbeddedWarehouse warehouse;
    private static GeneratedWarehouse.Loaded loaded;
    private static GroundTruth truth;
    private static String summary;

    @BeforeAll
    static void loadAndRun() throws Exception {
        warehouse = EmbeddedWarehouse.start();
        loaded = GeneratedWarehouse.load(warehouse, SPEC);
        truth = loaded.truth();
        long t0 = System.nanoTime();
        summary = AnalyticsJobs.run(new String[] {
            "--warehouse.jdbc-url=" + warehouse.jdbcUrl(),
            "--warehouse.dialect=mysql",
            "--warehouse.user=" + EmbeddedWarehouse.USER,
            "--warehouse.password=" + EmbeddedWarehouse.PASSWORD,
            "--spark.master=local[2]"
        });
        System.out.printf(
                "AnalyticsJobs over %d months took %d ms: %s%n",
                SPEC.months(), (System.nanoTime() - t0) / 1_000_000, summary);
    }

    @AfterAll
    static void stop() {
        if (warehouse != null) {
            warehouse.close();
        }
    }

    private static List<List<String>> query(String sql) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        try (Connection c = warehouse.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    private static List<String> column(String sql) throws SQLException {
        return query(sql).stream().map(r -> r.get(0)).toList();
    }

    private static long number(String sql) throws SQLException {
        return Long.parseLong(column(sql).get(0));
    }

    /** The district's top words of a month in a ranked table. */
    private static List<String> districtWords(String table, String month, int top) throws SQLException {
        return column("SELECT word FROM " + table + " WHERE stat_month = '" + month
                + "' AND scope_type = 'DISTRICT' AND word_rank <= " + top + " ORDER BY word_rank");
    }

    /** A topic is recovered when the listed words spell it: it is one of them, or words contained in it cover it. */
    static boolean spelledOut(String topic, List<String> words) {
        if (words.contains(topic)) {
            return true;
        }
        boolean[] covered = new boolean[topic.length()];
        for (String w : words) {
            if (w.length() < 2) {
                continue;
            }
            for (int from = topic.indexOf(w); from >= 0; from = topic.indexOf(w, from + 1)) {
                for (int i = from; i < from + w.length(); i++) {
                    covered[i] = true;
                }
            }
        }
        for (boolean b : covered) {
            if (!b) {
                return false;
            }
        }
        return true;
    }

    @Test
    void summaryLineNamesEveryJob() {
        assertThat(summary)
                .startsWith("analytics 2024-03..2024-06: ")
                .contains(
                        "12345 stats",
                        "petition trends",
                        "overdue ranking",
                        "hot words",
                        "arrears key cases",
                        "person risk");
    }

    @Test
    void monthlyHotAndRisingWordsRecoverThePlantedTopics() throws SQLException {
        Map<String, Boolean> recovered = new LinkedHashMap<>();
        for (GroundTruth.RisingTopic t : truth.risingTopics()) {
            String month = t.month().toString();
            List<String> rising = districtWords("ads_rising_word_month", month, TOP);
            List<String> hot = districtWords("ads_hot_word_month", month, TOP);
            System.out.printf("%s rising topic %s: rising %s; hot %s%n", month, t.topicWord(), rising, hot);
            recovered.put(month + " " + t.topicWord(), spelledOut(t.topicWord(), rising));
        }
        for (GroundTruth.SeasonalTopic s : truth.seasonalTopics()) {
            for (String name : s.categoryNames()) {
                String month = s.month().toString();
                List<String> hot = districtWords("ads_hot_word_month", month, TOP);
                System.out.printf("%s seasonal topic %s: hot %s%n", month, name, hot);
                recovered.put(month + " " + name, spelledOut(name, hot));
            }
        }
        System.out.println("recovered: " + recovered);
        assertThat(recovered).hasSize(5);
        assertThat(recovered.values().stream().filter(b -> b).count()).isGreaterThanOrEqualTo(4);
    }

    /** The district's words of a month by raw document frequency, computed here without Spark. */
    private static List<String> rawFrequencyTop(String month, int top) throws SQLException {
        org.gridgov.nlp.GovSegmenter segmenter = new org.gridgov.nlp.GovSegmenter();
        Map<String, Integer> docs = new HashMap<>();
        for (String text : column("SELECT content FROM dwd_hotline_case WHERE accept_month = '" + month + "'")) {
            segmenter.distinctContentWords(text).forEach(w -> docs.merge(w, 1, Integer::sum));
        }
        return docs.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(top)
                .map(Map.Entry::getKey)
                .toList();
    }

    @Test
    void tfIdfHotWordsSpellMorePlantedTopicsThanRawFrequency() throws SQLException {
        Map<String, String> topics = new LinkedHashMap<>();
        truth.risingTopics().forEach(t -> topics.put(t.month() + " " + t.topicWord(), t.topicWord()));
        truth.seasonalTopics().forEach(s -> s.categoryNames().forEach(n -> topics.put(s.month() + " " + n, n)));
        int byTfIdf = 0;
        int byRaw = 0;
        for (Map.Entry<String, String> t : topics.entrySet()) {
            String month = t.getKey().substring(0, 7);
            List<String> hot = districtWords("ads_hot_word_month", month, TOP);
            List<String> raw = rawFrequencyTop(month, TOP);
            System.out.printf("%s: tf-idf %s | raw %s%n", t.getKey(), hot, raw);
            byTfIdf += spelledOut(t.getValue(), hot) ? 1 : 0;
            byRaw += spelledOut(t.getValue(), raw) ? 1 : 0;
        }
        System.out.printf("topics spelled out by the top %d: tf-idf %d, raw frequency %d%n", TOP, byTfIdf, byRaw);
        assertThat(byTfIdf).isGreaterThan(byRaw);
    }

    @Test
    void plantedHighRiskPersonsAreRedInTheLastMonth() throws SQLException {
        PiiProtector pii = GeneratedWarehouse.pii();
        Set<String> planted = new HashSet<>();
        truth.repeatPetitioners().forEach(p -> planted.add(pii.idCardKey(p.idCard())));
        truth.crossSourcePersons().forEach(p -> planted.add(pii.idCardKey(p.idCard())));
        truth.groupPetitions().forEach(g -> g.personIdCards().forEach(id -> planted.add(pii.idCardKey(id))));
        String last = SPEC.lastMonth().toString();
        Map<String, String> level = new HashMap<>();
        for (List<String> r :
                query("SELECT person_key, risk_level FROM ads_person_risk_month WHERE stat_month = '" + last + "'")) {
            level.put(r.get(0), r.get(1));
        }
        long red = planted.stream().filter(k -> "红".equals(level.get(k))).count();
        long allRed = level.values().stream().filter("红"::equals).count();
        System.out.printf(
                "planted high-risk persons: %d, red: %d (%.1f %%); red persons in all: %d of %d scored%n",
                planted.size(), red, 100.0 * red / planted.size(), allRed, level.size());
        // red persons nobody planted: background residents active in several sources; a few examples for the log
        query("SELECT person_key, risk_score, top_factors FROM ads_person_risk_month WHERE stat_month = '" + last
                        + "' AND risk_level = '红' ORDER BY risk_rank")
                .stream()
                .filter(r -> !planted.contains(r.get(0)))
                .limit(5)
                .forEach(r -> System.out.println("red, not planted: " + r.subList(1, 3)));
        assertThat(planted).hasSizeGreaterThan(20);
        assertThat(red).isGreaterThanOrEqualTo((long) Math.ceil(0.9 * planted.size()));
        // no clear ID card anywhere in the table
        assertThat(number("SELECT COUNT(*) FROM ads_person_risk_month WHERE id_card_masked NOT LIKE '%*%'"))
                .isZero();
    }

    @Test
    void everyPlantedArrearsKeyCaseIsMarkedAndTheThresholdRulesMarkNoOther() throws SQLException {
        Set<String> byThreshold = new HashSet<>(column("SELECT DISTINCT case_id FROM ads_arrears_key_case WHERE "
                + "is_many_workers = 1 OR is_large_amount = 1 OR is_long_unresolved = 1"));
        Set<String> marked = new HashSet<>(column("SELECT DISTINCT case_id FROM ads_arrears_key_case"));
        List<String> planted = truth.bigArrears().caseIds();
        System.out.printf(
                "planted big arrears %d, marked by thresholds %d, marked in all %d%n",
                planted.size(), byThreshold.size(), marked.size());
        query("SELECT reasons, COUNT(*) FROM ads_arrears_key_case GROUP BY reasons ORDER BY reasons")
                .forEach(r -> System.out.println("key case rows by reason: " + r));
        assertThat(marked).containsAll(planted);
        assertThat(byThreshold).containsExactlyInAnyOrderElementsOf(planted);
    }

    @Test
    void hotlineStatisticsReconcileWithTheDetailTable() throws SQLException {
        for (int m = 0; m < SPEC.months(); m++) {
            String month = SPEC.firstMonth().plusMonths(m).toString();
            long cases = number("SELECT COUNT(*) FROM dwd_hotline_case WHERE accept_month = '" + month + "'");
            long overdue = number("SELECT SUM(is_overdue) FROM dwd_hotline_case WHERE accept_month = '" + month + "'");
            for (String dim : List.of("DISTRICT", "CHANNEL", "CATEGORY_L1", "CATEGORY", "DEPARTMENT", "STREET")) {
                assertThat(number("SELECT SUM(accepted_cnt) FROM ads_hotline_dim_month WHERE stat_month = '" + month
                                + "' AND dim_type = '" + dim + "'"))
                        .as(month + " " + dim)
                        .isEqualTo(cases);
                assertThat(number("SELECT SUM(overdue_cnt) FROM dws_hotline_dim_month WHERE stat_month = '" + month
                                + "' AND dim_type = '" + dim + "'"))
                        .as(month + " " + dim)
                        .isEqualTo(overdue);
            }
            for (String level : List.of("STREET", "COMMUNITY", "GRID")) {
                assertThat(number("SELECT SUM(total_cnt) FROM ads_overdue_rank_month WHERE stat_month = '" + month
                                + "' AND area_level = '" + level + "'"))
                        .isEqualTo(cases);
                assertThat(number("SELECT SUM(overdue_cnt) FROM ads_overdue_rank_month WHERE stat_month = '" + month
                                + "' AND area_level = '" + level + "'"))
                        .isEqualTo(overdue);
            }
            long petitions = number(
                    "SELECT COUNT(*) FROM ods_petition WHERE DATE_FORMAT(petition_date, '%Y-%m') = '" + month + "'");
            assertThat(number("SELECT SUM(petition_cnt) FROM ads_petition_street_month WHERE stat_month = '" + month
                            + "'"))
                    .isEqualTo(petitions);
        }
        // month-on-month needs the previous month: none for the first, a value for the others
        assertThat(column("SELECT accepted_mom FROM ads_hotline_dim_month WHERE dim_type = 'DISTRICT' "
                        + "ORDER BY stat_month"))
                .first()
                .isNull();
        assertThat(column("SELECT accepted_mom FROM ads_hotline_dim_month WHERE dim_type = 'DISTRICT' "
                                + "ORDER BY stat_month")
                        .subList(1, 4))
                .doesNotContainNull();
        assertThat(column("SELECT accepted_yoy FROM ads_hotline_dim_month")).containsOnlyNulls();
    }
}
