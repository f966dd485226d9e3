package org.gridgov.simulator.generator;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gridgov.common.district.CategoryCatalog;

/** The category mixes of the hotline, petitions and grid reports, with their seasonal boosts. */
final class CategoryMixes {

    static final String HEATING = "供暖";
    static final String DRAINAGE = "排水积水";
    static final String WAGES = "拖欠工资";

    private CategoryMixes() {}

    /**
     * About 60 categories at weight 1 and a few everyday ones at 2–3; 供暖 at 10 in winter (≈ 13 % of cases) and
     * 排水积水 at 10 in summer, so each is clearly the top category of its season, as in real 12345 data.
     */
    static CategoryMix hotline(ReferenceData ref, CategoryCatalog catalog) {
        return new CategoryMix(
                ref,
                catalog,
                weights("物业管理", 3, "噪音污染", 2, "停车管理", 2, "垃圾清运", 2, "供水", 2, WAGES, 2, "道路维修", 1.5),
                1.0,
                Map.of(
                        Season.WINTER,
                        weights(HEATING, 10),
                        Season.SUMMER,
                        weights(DRAINAGE, 10),
                        Season.AUTUMN,
                        weights(HEATING, 3)));
    }

    /** Petitions are about wages, land, village affairs and officials far more than about buses. */
    static CategoryMix petition(ReferenceData ref, CategoryCatalog catalog) {
        return new CategoryMix(
                ref,
                catalog,
                weights(
                        WAGES, 8, "土地承包", 3, "村务公开", 3, "干部作风", 2, "物业管理", 3, "违章建筑", 2, "低保救助", 2, "社会保险", 2, "退休待遇",
                        2, "信息公开", 1, "劳动合同", 2),
                0.3,
                Map.of());
    }

    /** What grid workers report: street-level order, safety and the village environment. */
    static CategoryMix gridReport(ReferenceData ref, CategoryCatalog catalog) {
        return new CategoryMix(
                ref,
                catalog,
                weights(
                        "垃圾清运", 4, "违章建筑", 3, "道路维修", 3, "消防安全", 3, "停车管理", 2, "农村人居环境", 3, "网格服务", 2, DRAINAGE, 2,
                        "共享单车管理", 2, "养犬管理", 1),
                0.2,
                Map.of(Season.SUMMER, weights(DRAINAGE, 6), Season.WINTER, weights(HEATING, 3)));
    }

    /** Alternating category names and weights. */
    private static Map<String, Double> weights(Object... nameWeight) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < nameWeight.length; i += 2) {
            m.put((String) nameWeight[i], ((Number) nameWeight[i + 1]).doubleValue());
        }
        return m;
    }
}
