package org.gridgov.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RiskTermsTest {

    @Test
    void findsTermsInTextOrderOfTheListAndDropsContainedOnes() {
        assertThat(RiskTerms.find("工人多次讨薪无果，扬言要集体上访并拉横幅")).containsExactly("集体上访", "拉横幅", "讨薪");
        // 火灾 is inside 火灾隐患 and is not counted twice
        assertThat(RiskTerms.find("私拉电线，存在严重火灾隐患")).containsExactly("火灾隐患");
    }

    @Test
    void ordinaryComplaintsHaveNone() {
        assertThat(RiskTerms.find("小区路灯不亮，夜间出行不便")).isEmpty();
        assertThat(RiskTerms.find(null)).isEmpty();
        assertThat(RiskTerms.all()).contains("跳楼", "媒体", "集访").doesNotHaveDuplicates();
    }
}
