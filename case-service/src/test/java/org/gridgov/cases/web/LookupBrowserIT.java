package org.gridgov.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.gridgov.cases.ServiceIT;
import org.gridgov.cases.TestStack;
import org.gridgov.cases.lookup.PlantedPersons;
import org.gridgov.cases.security.Role;
import org.gridgov.common.district.District;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.simulator.generator.GroundTruth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * 综合查询 in headless Chromium over the demo's generated data (issue 17): a leader searches a planted person by ID
 * card with a reason, opens the person's file (every source's records, counted against the raw records), drills into
 * a petition, and finds the look-up in 查询记录 — the clear number on no page. Screenshots {@code lookup-*.png}.
 */
class LookupBrowserIT extends ServiceIT {

    static final String REASON = "核查重点人员信访办理情况";
    Browser browser;
    PlantedPersons data;

    @BeforeEach
    void setUp() throws Exception {
        Browser.requireChromium();
        data = PlantedPersons.load(TestStack.warehouse());
        user("lkb_leader", Role.LEADER, District.CODE, null);
        browser = Browser.start("http://127.0.0.1:" + port);
    }

    @AfterEach
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aLeaderSearchesAPlantedPersonOpensTheFileAndDrillsIntoAPetition() {
        GroundTruth.CrossSourcePerson planted =
                data.truth().crossSourcePersons().get(0);
        Set<String> expected = data.recordsOf(planted.idCard()).stream()
                .map(r -> r.source() + ":" + r.recordId())
                .collect(Collectors.toSet());
        browser.login("lkb_leader");
        browser.click(By.linkText("综合查询"));
        browser.find(By.id("lookup-reason")).sendKeys(REASON);
        browser.find(By.id("lookup-id-card")).sendKeys(planted.idCard());
        browser.click(By.id("lookup-submit"));

        assertThat(browser.text(By.id("candidate-count"))).isEqualTo("1");
        assertThat(browser.text(By.id("lookup-query"))).isEqualTo("身份证 " + PiiProtector.maskIdCard(planted.idCard()));
        assertThat(pageSource()).doesNotContain(planted.idCard());
        browser.screenshot("lookup-search");

        browser.click(By.cssSelector("#candidates a.open-person"));
        assertThat(browser.text(By.id("record-total"))).isEqualTo(String.valueOf(expected.size()));
        assertThat(browser.text(By.id("person-id-card"))).isEqualTo(PiiProtector.maskIdCard(planted.idCard()));
        assertThat(browser.find(By.cssSelector("#person-sources .badge[data-source='PETITION']"))
                        .getText())
                .isEqualTo("PETITION "
                        + expected.stream()
                                .filter(s -> s.startsWith("PETITION:"))
                                .count());
        assertThat(browser.find(By.cssSelector("#person-sources .badge[data-source='POLICE']"))
                        .getText())
                .isEqualTo("POLICE "
                        + expected.stream().filter(s -> s.startsWith("POLICE:")).count());
        for (WebElement row : browser.all(By.cssSelector("#person-records tbody tr"))) {
            assertThat(expected)
                    .contains(row.getDomAttribute("data-source") + ":" + row.getDomAttribute("data-record-id"));
        }
        assertThat(pageSource()).doesNotContain(planted.idCard());
        browser.screenshot("lookup-person");

        String petition = planted.petitionIds().get(0);
        WebElement petitionRow =
                browser.all(By.cssSelector("#person-records tbody tr[data-record-id='" + petition + "']")).stream()
                        .findFirst()
                        .orElseGet(
                                () -> browser.find(By.cssSelector("#person-records tbody tr[data-source='PETITION']")));
        String recordId = petitionRow.getDomAttribute("data-record-id");
        petitionRow.findElement(By.cssSelector("a.record-link")).click();
        assertThat(browser.text(By.id("record-title"))).isEqualTo("信访记录");
        assertThat(browser.text(By.cssSelector("#record-detail tr[data-field='petition_id'] td")))
                .isEqualTo(recordId);
        assertThat(browser.all(By.cssSelector("#record-detail tr[data-field$='_key']")))
                .isEmpty();
        browser.screenshot("lookup-record");
        browser.click(By.id("back-to-person"));
        browser.find(By.id("person-records"));

        browser.click(By.linkText("查询记录"));
        // newest first: the file opened again by 返回, the record, the file, the search
        assertThat(browser.all(By.cssSelector("#lookup-log tbody tr[data-user='lkb_leader']")).stream()
                        .limit(4)
                        .map(r -> r.getDomAttribute("data-kind"))
                        .toList())
                .containsExactly("PERSON", "RECORD", "PERSON", "SEARCH");
        WebElement record =
                browser.find(By.cssSelector("#lookup-log tbody tr[data-user='lkb_leader'][data-kind='RECORD']"));
        assertThat(record.getText())
                .contains(REASON, PiiProtector.maskIdCard(planted.idCard()), "PETITION " + recordId);
        assertThat(pageSource()).doesNotContain(planted.idCard());
        browser.screenshot("lookup-log");
    }

    private String pageSource() {
        return (String) browser.js("return document.documentElement.outerHTML");
    }
}
