package org.gridgov.common.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompanyNamesTest {

    @Test
    void spacesWidthsAndParenthesesDoNotMakeAnotherCompany() {
        String registered = "山东华强（集团）建设有限公司";
        assertThat(CompanyNames.canonical("山东华强(集团)建设有限公司")).isEqualTo(registered);
        assertThat(CompanyNames.canonical("山东华强 (集团) 建设有限公司")).isEqualTo(registered);
        assertThat(CompanyNames.canonical("山东华强（集团）建设有限公司\u3000")).isEqualTo(registered);
        assertThat(CompanyNames.canonical("济南ＡＢＣ物流有限公司")).isEqualTo("济南ABC物流有限公司");
        assertThat(CompanyNames.canonical(registered)).isEqualTo(registered);
    }

    @Test
    void namesThatDifferInACharacterStayTwoCompanies() {
        assertThat(CompanyNames.canonical("济南华强建筑有限公司")).isNotEqualTo(CompanyNames.canonical("济南华强建材有限公司"));
    }

    @Test
    void blankIsNoCompany() {
        assertThat(CompanyNames.canonical(" \u3000")).isNull();
        assertThat(CompanyNames.canonical(null)).isNull();
    }
}
