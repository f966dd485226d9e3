package org.gridgov.common.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PhoneLinksTest {

    private static final List<LinkEvidence> EVIDENCE = List.of(
            new LinkEvidence("tel-1", "PETITION:XF-1", "person-a", "name-a"),
            new LinkEvidence("tel-1", "POLICE:JQ-1", null, "name-a"),
            new LinkEvidence("tel-1", "HOTLINE:RX-1", "person-a", null),
            new LinkEvidence("tel-2", "PETITION:XF-2", "person-a", "name-a"),
            new LinkEvidence("tel-2", "PETITION:XF-3", "person-b", "name-a"),
            new LinkEvidence("tel-3", "POLICE:JQ-3", null, "name-c"));

    @Test
    void decisionsDoNotDependOnTheOrderEvidenceArrivedIn() {
        List<PhoneLink> first = new PhoneLinks().addAll(EVIDENCE).decisions();
        Random random = new Random(18);
        for (int n = 0; n < 20; n++) {
            List<LinkEvidence> shuffled = new ArrayList<>(EVIDENCE);
            Collections.shuffle(shuffled, random);
            PhoneLinks links = new PhoneLinks().addAll(shuffled);
            for (PhoneLink d : first) {
                assertThat(links.decide(d.phoneKey())).isEqualTo(d);
            }
        }
        assertThat(first)
                .extracting(PhoneLink::status)
                .containsExactly(PhoneLink.Status.LINKED, PhoneLink.Status.SHARED_PHONE, PhoneLink.Status.NO_EVIDENCE);
    }

    @Test
    void aLinkedPhoneResolvesToItsPersonAndEverythingElseToItself() {
        PhoneLinks links = new PhoneLinks().addAll(EVIDENCE);
        assertThat(links.resolve("tel-1")).isEqualTo("person-a");
        assertThat(links.decide("tel-1").evidenceIds()).containsExactly("HOTLINE:RX-1", "PETITION:XF-1");
        assertThat(links.resolve("tel-2")).isEqualTo("tel-2");
        assertThat(links.resolve("tel-3")).isEqualTo("tel-3");
        assertThat(links.resolve("person-a")).isEqualTo("person-a");
    }
}
