package org.gridgov.batch.hotwords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gridgov.batch.HotlineFixtures.HONGJIALOU;
import static org.gridgov.batch.HotlineFixtures.SHANDALU;
import static org.gridgov.batch.HotlineFixtures.hotlineCase;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gridgov.batch.HotlineFixtures;
import org.gridgov.batch.InMemoryWarehouseIo;
import org.gridgov.batch.LocalSpark;
import org.gridgov.batch.TestRows;
import org.gridgov.batch.warehouse.SparkSchemas;
import org.gridgov.nlp.Collocations;
import org.gridgov.warehouse.WarehouseSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hot-word functions on 200 fixed texts, Spark local[2]. January: 60 heating complaints in 山大路, 40 noise
 * complaints in 洪家楼. February: 50 heating, 30 noise and 20 about charging e-bikes in the stairwell (a fire hazard,
 * which is a risk term). Expected values come from {@link Keyness}.
 */
class HotWordsIT {

    static final Timestamp AT = Timestamp.valueOf("2024-03-01 02:00:00");
    static final String HEATING = "市民反映：小区暖气不热，供暖温度不达标，请相关部门尽快处理。";
    static final String NOISE = "市民反映：楼下广场舞音响声音过大，噪音扰民，请相关部门尽快处理。";
    static final String EBIKE = "市民反映：楼道内私拉电线给电动车充电，存在火灾隐患，请相关部门尽快处理。";

    private static SparkSession spark;
    private static Dataset<Row> tokens;
    private static Dataset<Row> counts;
    private static Dataset<Row> words;
    private static Dataset<Row> docs;
    private static Dataset<Row> names;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
        tokens = HotWordsJob.tokenize(texts(cases())).cache();
        counts = HotWordsJob.counts(texts(cases())).cache();
        words = HotWordsDatasets.scopeWords(counts, Collocations.none()).cache();
        docs = HotWordsDatasets.scopeDocs(counts).cache();
        names = HotWordsJob.scopeNames(
                spark.createDataFrame(HotlineFixtures.districtStreets(), SparkSchemas.of(WarehouseSchema.DIM_STREET)),
                categories());
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static List<Row> cases() {
        List<Row> rows = new ArrayList<>();
        add(rows, "2024-01", 60, SHANDALU, "C0101", HEATING);
        add(rows, "2024-01", 40, HONGJIALOU, "C0201", NOISE);
        add(rows, "2024-02", 50, SHANDALU, "C0101", HEATING);
        add(rows, "2024-02", 30, HONGJIALOU, "C0201", NOISE);
        add(rows, "2024-02", 20, HONGJIALOU, "C0901", EBIKE);
        return rows;
    }

    private static void add(List<Row> rows, String month, int n, String street, String category, String text) {
        for (int i = 0; i < n; i++) {
            rows.add(hotlineCase(month + "-" + category + "-" + i, month, 1 + i % 28, street, 1, 1, 0, category, text));
        }
    }

    static Dataset<Row> texts(List<Row> cases) {
        return spark.createDataFrame(cases, SparkSchemas.of(WarehouseSchema.DWD_HOTLINE_CASE))
                .withColumnRenamed("accept_month", "stat_month");
    }

    static Dataset<Row> categories() {
        List<Row> rows = List.of(
                TestRows.row(
                        WarehouseSchema.DIM_CATEGORY,
                        Map.of(
                                "category_code",
                                "C0101",
                                "category_name",
                                "供暖",
                                "parent_code",
                                "C01",
                                "parent_name",
                                "城乡建设",
                                "department",
                                "区城市管理局")),
                TestRows.row(
                        WarehouseSchema.DIM_CATEGORY,
                        Map.of(
                                "category_code",
                                "C0201",
                                "category_name",
                                "噪音污染",
                                "parent_code",
                                "C02",
                                "parent_name",
                                "环境保护",
                                "department",
                                "济南市生态环境局历城分局")));
        return spark.createDataFrame(rows, SparkSchemas.of(WarehouseSchema.DIM_CATEGORY));
    }

    private static HotWordSettings settings(int idfMonths) {
        HotWordSettings d = HotWordSettings.defaults();
        return new HotWordSettings(
                d.topN(),
                d.risingTopN(),
                idfMonths,
                d.risingMinDocs(),
                d.risingMinLlr(),
                d.opinionMinDocs(),
                d.opinionSpikeRatio(),
                d.opinionMinLlr());
    }

    /** The rows of one month and scope, by word_rank when the table has one. */
    private static List<Row> where(Dataset<Row> rows, String month, String scopeType, String scopeCode) {
        Dataset<Row> scope = rows.filter(rows.col("stat_month")
                .equalTo(month)
                .and(rows.col("scope_type").equalTo(scopeType))
                .and(rows.col("scope_code").equalTo(scopeCode)));
        return List.of(scope.columns()).contains("word_rank")
                ? scope.orderBy("word_rank").collectAsList()
                : scope.collectAsList();
    }

    private static Row word(List<Row> rows, String word) {
        return rows.stream()
                .filter(r -> r.getString(r.fieldIndex("word")).equals(word))
                .findFirst()
                .orElseThrow(() -> new AssertionError(word + " not in " + rows));
    }

    @Test
    void tokenizeGivesEachTextItsDistinctContentWordsAndRiskTerms() {
        Row ebike = tokens.filter(tokens.col("category_code").equalTo("C0901")).first();
        assertThat(ebike.<String>getList(3))
                .contains("私拉电线", "电动车", "充电", "火灾隐患")
                .doesNotHaveDuplicates()
                .doesNotContain("市民", "相关部门", "处理");
        assertThat(ebike.<String>getList(4)).containsExactly("火灾隐患");
        Row heating =
                tokens.filter(tokens.col("category_code").equalTo("C0101")).first();
        assertThat(heating.<String>getList(3)).contains("暖气", "供暖温度"); // a domain dictionary word
        assertThat(heating.<String>getList(4)).isEmpty();
        assertThat(tokens.count()).isEqualTo(200);
    }

    @Test
    void countsHoldTextsPerScopeAndWordPairAndRiskTerm() {
        List<Row> ebike =
                counts.filter(counts.col("scope_code").equalTo("C0901")).collectAsList();
        assertThat(ebike)
                .contains(
                        RowOf.count("2024-02", "CATEGORY", "C0901", TextCounts.TEXTS, "", 20),
                        RowOf.count("2024-02", "CATEGORY", "C0901", TextCounts.RISK_TEXTS, "", 20),
                        RowOf.count("2024-02", "CATEGORY", "C0901", TextCounts.WORD, "电动车", 20),
                        RowOf.count("2024-02", "CATEGORY", "C0901", TextCounts.PAIR, "电动车\t充电", 20),
                        RowOf.count("2024-02", "CATEGORY", "C0901", TextCounts.TERM, "火灾隐患", 20));
        // the street holds its noise and e-bike texts of February, the district all of them
        assertThat(counts.collectAsList())
                .contains(
                        RowOf.count("2024-02", "STREET", HONGJIALOU, TextCounts.TEXTS, "", 50),
                        RowOf.count("2024-02", "STREET", HONGJIALOU, TextCounts.WORD, "电动车", 20),
                        RowOf.count("2024-02", "DISTRICT", "370112", TextCounts.TEXTS, "", 100),
                        RowOf.count("2024-01", "DISTRICT", "370112", TextCounts.TEXTS, "", 100));
        // one row per month, scope, kind and key: the partitions' partial counts are summed
        assertThat(counts.count())
                .isEqualTo(counts.select("stat_month", "scope_type", "scope_code", "kind", "key")
                        .distinct()
                        .count());
    }

    @Test
    void wordsThatTravelTogetherBecomePhrasesBesideTheirWords() {
        Collocations phrases = HotWordsDatasets.phrases(counts, Collocations.Settings.defaults());
        assertThat(phrases.phrases()).extracting(Collocations.Phrase::text).contains("电动车充电");
        Dataset<Row> words = HotWordsDatasets.scopeWords(counts, phrases);
        List<Row> ebike = where(words, "2024-02", "CATEGORY", "C0901");
        assertThat(ebike)
                .extracting(r -> r.getString(3))
                .contains("电动车充电", "电动车", "充电")
                .doesNotHaveDuplicates();
        assertThat(where(words, "2024-02", "CATEGORY", "C0101"))
                .extracting(r -> r.getString(3))
                .doesNotContain("电动车充电");
        assertThat(word(where(words, "2024-02", "DISTRICT", "370112"), "电动车充电")
                        .getAs("docs")
                        .toString())
                .isEqualTo("20");
    }

    /** Expected {@link HotWordsJob#COUNTS} rows. */
    private static final class RowOf {
        static Row count(String month, String scopeType, String scopeCode, String kind, String key, long docs) {
            return org.apache.spark.sql.RowFactory.create(month, scopeType, scopeCode, kind, key, docs);
        }
    }

    @Test
    void documentCountsRollUpFromStreetsAndCategoriesToTheDistrict() {
        assertThat(where(docs, "2024-02", "DISTRICT", "370112")
                        .get(0)
                        .getAs("n")
                        .toString())
                .isEqualTo("100");
        assertThat(where(docs, "2024-02", "DISTRICT", "370112")
                        .get(0)
                        .getAs("risk_n")
                        .toString())
                .isEqualTo("20");
        assertThat(where(docs, "2024-02", "STREET", HONGJIALOU)
                        .get(0)
                        .getAs("n")
                        .toString())
                .isEqualTo("50");
        assertThat(where(docs, "2024-01", "CATEGORY", "C0101").get(0).getAs("n").toString())
                .isEqualTo("60");
        assertThat(word(where(words, "2024-02", "STREET", HONGJIALOU), "电动车")
                        .getAs("docs")
                        .toString())
                .isEqualTo("20");
    }

    @Test
    void hotWordsAreWeightedByTfIdfOverTheWindow() {
        List<Row> feb = where(
                HotWordsDatasets.hotWords(words, docs, names, List.of("2024-02"), settings(12), AT),
                "2024-02",
                "DISTRICT",
                "370112");
        // window = both months: 200 texts; 暖气 in 110 of them, 电动车 in 20
        assertThat(word(feb, "暖气").<Double>getAs("weight")).isCloseTo(Keyness.tfIdf(50, 110, 200), within(1e-9));
        assertThat(word(feb, "电动车").<Double>getAs("weight")).isCloseTo(Keyness.tfIdf(20, 20, 200), within(1e-9));
        assertThat(word(feb, "暖气").<Integer>getAs("prev_doc_cnt")).isEqualTo(60);
        assertThat(word(feb, "电动车").<Integer>getAs("prev_doc_cnt")).isZero();
        assertThat(word(feb, "暖气").<Integer>getAs("scope_doc_cnt")).isEqualTo(100);
        assertThat(feb.get(0).<Integer>getAs("word_rank")).isEqualTo(1);
        assertThat(feb).extracting(r -> r.<Double>getAs("weight")).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(feb.get(0).<String>getAs("scope_name")).isEqualTo("历城区");
        // with a one-month window the IDF only knows February
        List<Row> febOnly = where(
                HotWordsDatasets.hotWords(words, docs, names, List.of("2024-02"), settings(1), AT),
                "2024-02",
                "DISTRICT",
                "370112");
        assertThat(word(febOnly, "暖气").<Double>getAs("weight")).isCloseTo(Keyness.tfIdf(50, 50, 100), within(1e-9));
    }

    @Test
    void hotWordsKeepTheTopNPerScopeWithNamesAndNullPreviousCountsForTheFirstMonth() {
        HotWordSettings d = HotWordSettings.defaults();
        HotWordSettings top3 = new HotWordSettings(
                3,
                3,
                12,
                d.risingMinDocs(),
                d.risingMinLlr(),
                d.opinionMinDocs(),
                d.opinionSpikeRatio(),
                d.opinionMinLlr());
        Dataset<Row> hot = HotWordsDatasets.hotWords(words, docs, names, List.of("2024-01", "2024-02"), top3, AT);
        assertThat(hot.columns()).containsExactlyElementsOf(HotWordsJob.HOT.columnNames());
        List<Row> jan = where(hot, "2024-01", "STREET", SHANDALU);
        assertThat(jan)
                .hasSize(3)
                .extracting(r -> r.<Integer>getAs("word_rank"))
                .containsExactly(1, 2, 3);
        assertThat(jan).allSatisfy(r -> {
            assertThat(r.<String>getAs("scope_name")).isEqualTo("山大路街道");
            assertThat(r.<Integer>getAs("prev_doc_cnt")).isNull();
        });
        assertThat(where(hot, "2024-02", "CATEGORY", "C0901"))
                .first()
                .satisfies(r -> assertThat(r.<String>getAs("scope_name")).isEqualTo("C0901")); // not in the dimension
    }

    @Test
    void risingWordsAreTheWordsThatGrewRankedByLogLikelihood() {
        Dataset<Row> rising =
                HotWordsDatasets.risingWords(words, docs, names, List.of("2024-01", "2024-02"), settings(12), AT);
        assertThat(rising.columns()).containsExactlyElementsOf(HotWordsJob.RISING.columnNames());
        List<Row> feb = where(rising, "2024-02", "DISTRICT", "370112");
        assertThat(feb)
                .extracting(r -> r.<String>getAs("word"))
                .contains("电动车", "充电", "私拉电线", "火灾隐患")
                .doesNotContain("暖气", "噪音扰民");
        Row ebike = word(feb, "电动车");
        assertThat(ebike.<Double>getAs("llr")).isCloseTo(Keyness.logLikelihood(20, 100, 0, 100), within(1e-9));
        assertThat(ebike.<Double>getAs("growth_ratio")).isCloseTo(Keyness.growthRatio(20, 100, 0, 100), within(1e-9));
        assertThat(List.of(
                        ebike.<Integer>getAs("doc_cnt"),
                        ebike.<Integer>getAs("scope_doc_cnt"),
                        ebike.<Integer>getAs("prev_doc_cnt"),
                        ebike.<Integer>getAs("prev_scope_doc_cnt")))
                .containsExactly(20, 100, 0, 100);
        // no month before January: nothing can rise there
        assertThat(where(rising, "2024-01", "DISTRICT", "370112")).isEmpty();
        // 山大路 only lost heating complaints
        assertThat(where(rising, "2024-02", "STREET", SHANDALU)).isEmpty();
    }

    @Test
    void opinionRiskIsFlaggedOnASpikeOfRiskTermsAndNeverWithoutAPreviousMonth() {
        Dataset<Row> opinion =
                HotWordsDatasets.opinionRisk(counts, docs, names, List.of("2024-01", "2024-02"), settings(12), AT);
        assertThat(opinion.columns()).containsExactlyElementsOf(HotWordsJob.OPINION.columnNames());
        Row feb = where(opinion, "2024-02", "DISTRICT", "370112").get(0);
        assertThat(feb.<Integer>getAs("risk_doc_cnt")).isEqualTo(20);
        assertThat(feb.<Double>getAs("risk_share")).isCloseTo(0.2, within(1e-12));
        assertThat(feb.<Integer>getAs("prev_risk_doc_cnt")).isZero();
        assertThat(feb.<Double>getAs("llr")).isCloseTo(Keyness.logLikelihood(20, 100, 0, 100), within(1e-9));
        assertThat(feb.<Byte>getAs("is_flagged")).isEqualTo((byte) 1);
        assertThat(feb.<String>getAs("top_terms")).isEqualTo("火灾隐患:20");
        Row jan = where(opinion, "2024-01", "DISTRICT", "370112").get(0);
        assertThat(jan.<Byte>getAs("is_flagged")).isZero();
        assertThat(jan.<Integer>getAs("prev_doc_cnt")).isNull();
        assertThat(jan.<String>getAs("top_terms")).isNull();
        // 山大路 has no risk texts at all
        Row shandalu = where(opinion, "2024-02", "STREET", SHANDALU).get(0);
        assertThat(shandalu.<Byte>getAs("is_flagged")).isZero();
        assertThat(shandalu.<Integer>getAs("risk_doc_cnt")).isZero();
    }

    @Test
    void runReadsTheWindowAndUpsertsTheThreeTables() {
        InMemoryWarehouseIo io = new InMemoryWarehouseIo()
                .with(WarehouseSchema.DWD_HOTLINE_CASE, cases())
                .with(WarehouseSchema.DIM_STREET, HotlineFixtures.districtStreets());
        HotWordsJob.Result r = new HotWordsJob(
                        io,
                        Clock.fixed(Instant.parse("2024-03-01T02:00:00Z"), ZoneOffset.UTC),
                        HotWordSettings.defaults())
                .run(spark, List.of("2024-02"));
        assertThat(io.written(HotWordsJob.HOT))
                .hasSize((int) r.hotRows())
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row.getString(0)).isEqualTo("2024-02"));
        assertThat(io.written(HotWordsJob.RISING)).hasSize((int) r.risingRows()).isNotEmpty();
        // district, two streets, three categories
        assertThat(io.written(HotWordsJob.OPINION)).hasSize(6);
        // the district and 洪家楼; the e-bike category had no texts in January, so nothing to compare with
        assertThat(r.flagged()).isEqualTo(2);
        assertThat(HotWordsJob.summary(r)).startsWith("hot words ");
    }
}
