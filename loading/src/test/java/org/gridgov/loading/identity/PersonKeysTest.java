package org.gridgov.loading.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.common.testing.SampleRecords;
import org.junit.jupiter.api.Test;

/** The remembered keys are the protector's keys, whatever order cards and phones come in, on any thread. */
class PersonKeysTest {

    private final PiiProtector pii = SampleRecords.pii();
    private final PersonKeys keys = new PersonKeys(pii);

    private static final List<String> CARDS =
            List.of("370112198001011234", "370112800101123", "37011219800101123x", "370102199912310021");
    private static final List<String> PHONES =
            List.of("13800138000", "+86 138 0013 8000", "15905310000", "053188880000");

    @Test
    void everyKeyIsTheProtectorsKeyWhenNumbersRepeatAndAlternate() {
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < CARDS.size(); i++) {
                String card = CARDS.get((i * (round + 1)) % CARDS.size());
                String phone = PHONES.get((i + round) % PHONES.size());
                assertThat(keys.idCardKey(card)).isEqualTo(pii.idCardKey(card));
                assertThat(keys.idCardKey(card)).as("asked twice").isEqualTo(pii.idCardKey(card));
                assertThat(keys.phoneKey(phone)).isEqualTo(pii.phoneKey(phone));
                assertThat(keys.personKey(card, phone)).isEqualTo(pii.personKey(card, phone));
                assertThat(keys.personKey(null, phone)).isEqualTo(pii.personKey(null, phone));
                assertThat(keys.nameKey("张伟")).isEqualTo(pii.nameKey("张伟"));
            }
        }
        assertThat(keys.idCardKey(null)).isNull();
        assertThat(keys.phoneKey(null)).isNull();
        assertThat(keys.personKey(null, null)).isNull();
    }

    @Test
    void forgetDropsTheClearNumbersAndTheNextKeyIsStillRight() {
        assertThat(keys.idCardKey(CARDS.get(0))).isEqualTo(pii.idCardKey(CARDS.get(0)));
        assertThat(keys.phoneKey(PHONES.get(0))).isEqualTo(pii.phoneKey(PHONES.get(0)));
        assertThat(keys.remembersANumber()).isTrue();

        keys.forget();

        assertThat(keys.remembersANumber()).isFalse();
        assertThat(keys.idCardKey(CARDS.get(0))).isEqualTo(pii.idCardKey(CARDS.get(0)));
        assertThat(keys.phoneKey(PHONES.get(0))).isEqualTo(pii.phoneKey(PHONES.get(0)));
    }

    @Test
    void threadsDoNotSeeEachOthersLastNumber() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> all = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                all.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        String card = CARDS.get((i + offset) % CARDS.size());
                        String phone = PHONES.get((i * 3 + offset) % PHONES.size());
                        if (!keys.idCardKey(card).equals(pii.idCardKey(card))
                                || !keys.phoneKey(phone).equals(pii.phoneKey(phone))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : all) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
