package org.gridgov.common.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.gridgov.common.testing.SampleRecords;
import org.gridgov.common.validation.IdCardNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PiiProtectorTest {

    private static final String ID = SampleRecords.CALLER_ID_CARD;
    private static final String ID_X = SampleRecords.PETITIONER_ID_CARD;
    private static final String PHONE = SampleRecords.CALLER_PHONE;

    private final PiiProtector pii = SampleRecords.pii();

    // ---- keys ------------------------------------------------------------------------------------------------------

    @Test
    void keyIsDeterministicAcrossInstancesAnd32Hex() {
        String key = pii.idCardKey(ID);
        assertThat(key).matches("[0-9a-f]{32}");
        assertThat(new PiiProtector(SampleRecords.SALT).idCardKey(ID)).isEqualTo(key);
        assertThat(pii.idCardKey(ID)).isEqualTo(key);
    }

    @Test
    void keyDependsOnTheSaltAndOnThePerson() {
        String other = SampleRecords.SALT + "-rotated";
        assertThat(new PiiProtector(other).idCardKey(ID)).isNotEqualTo(pii.idCardKey(ID));
        assertThat(pii.idCardKey(SampleRecords.COMPLAINANT_ID_CARD)).isNotEqualTo(pii.idCardKey(ID));
    }

    @Test
    void keyIsNotAPlainHashOfTheNumber() {
        // whoever lacks the salt must not be able to recompute keys from a list of ID-card numbers
        assertThat(pii.idCardKey(ID)).doesNotContain(ID).isNotEqualTo(sha256Prefix("id:" + ID));
    }

    @Test
    void idCardKeyIgnoresCaseOfXAndSurroundingSpaces() {
        assertThat(ID_X).endsWith("X");
        String key = pii.idCardKey(ID_X);
        assertThat(pii.idCardKey(ID_X.toLowerCase())).isEqualTo(key);
        assertThat(pii.idCardKey(" " + ID_X.toLowerCase() + " ")).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+8613853112345", "+86 138 5311 2345", "8613853112345", "138 5311 2345"})
    void phoneKeyNormalisesCountryCodeAndSpaces(String written) {
        assertThat(pii.phoneKey(written)).isEqualTo(pii.phoneKey(PHONE));
    }

    @Test
    void idCardAndPhoneKeysLiveInSeparateSpaces() {
        // the same digits as ID card and as phone must not collide
        assertThat(pii.idCardKey(PHONE)).isNotEqualTo(pii.phoneKey(PHONE));
    }

    @Test
    void personKeyPrefersTheIdCardAndFallsBackToThePhone() {
        assertThat(pii.personKey(ID, PHONE)).isEqualTo(pii.idCardKey(ID));
        assertThat(pii.personKey(null, PHONE)).isEqualTo(pii.phoneKey(PHONE));
        assertThat(pii.personKey(null, null)).isNull();
        assertThat(pii.idCardKey(null)).isNull();
        assertThat(pii.phoneKey(null)).isNull();
    }

    @Test
    void saltShorterThan16CharactersIsRejected() {
        assertThatThrownBy(() -> new PiiProtector("0123456789abcde"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pii.salt")
                .hasMessageContaining("16");
        assertThatThrownBy(() -> new PiiProtector(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new PiiProtector("0123456789abcdef").idCardKey(ID)).hasSize(32);
    }

    @Test
    void usableAfterJavaSerializationAsFlinkAndSparkShipIt() throws Exception {
        String before = pii.idCardKey(ID); // initialises the per-thread Mac, which must not be serialized

        PiiProtector copy = roundTrip(pii);

        assertThat(copy.idCardKey(ID)).isEqualTo(before);
        assertThat(copy.phoneKey(PHONE)).isEqualTo(pii.phoneKey(PHONE));
        assertThat(roundTrip(new PiiProtector(SampleRecords.SALT)).idCardKey(ID))
                .isEqualTo(before);
    }

    @Test
    void keysAgreeAcrossThreads() throws Exception {
        List<String> ids = IntStream.range(0, 400)
                .mapToObj(
                        i -> IdCardNumber.of("370112", LocalDate.of(1960, 1, 1).plusDays(i * 37L), i))
                .toList();
        List<String> expected = ids.stream().map(pii::idCardKey).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> results = IntStream.range(0, 4)
                    .mapToObj(t ->
                            pool.submit(() -> ids.stream().map(pii::idCardKey).toList()))
                    .toList();
            for (Future<List<String>> r : results) {
                assertThat(r.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- masks -----------------------------------------------------------------------------------------------------

    @Test
    void idCardMaskKeepsRegionAndLastFour() {
        assertThat(PiiProtector.maskIdCard("37011219850307123X")).isEqualTo("370112********123X");
        assertThat(PiiProtector.maskIdCard("37011219850307123x")).isEqualTo("370112********123X");
        assertThat(PiiProtector.maskIdCard(ID))
                .matches("370112\\*{8}\\d{3}[\\dX]")
                .endsWith(ID.substring(14))
                .doesNotContain("1968");
        assertThat(PiiProtector.maskIdCard(null)).isNull();
    }

    @ParameterizedTest
    @CsvSource({
        "13812345678,    138****5678",
        "+86 13812345678, 138****5678",
        "0531-88888888,  053******8888",
    })
    void phoneMaskKeepsPrefixAndLastFour(String phone, String masked) {
        assertThat(PiiProtector.maskPhone(phone)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource({
        "张三,     张*",
        "张建国,   张**",
        "欧阳志远, 欧阳**",
        "司马相如, 司马**",
    })
    void nameMaskKeepsTheSurname(String name, String masked) {
        assertThat(PiiProtector.maskName(name)).isEqualTo(masked);
    }

    @Test
    void nameMaskPassesNullAndEmptyThrough() {
        assertThat(PiiProtector.maskName(null)).isNull();
        assertThat(PiiProtector.maskName("")).isEmpty();
    }

    @Test
    void nameMaskDoesNotSplitSupplementaryCharacters() {
        assertThat(PiiProtector.maskName("𠮷伟")).isEqualTo("𠮷*");
    }

    // ---- redaction -------------------------------------------------------------------------------------------------

    @Test
    void redactMasksIdCardsAndMobilesInsideChineseText() {
        String text = "市民张先生反映：本人身份证号" + ID_X.toLowerCase() + "，手机" + PHONE + "，请尽快回电。";

        String redacted = PiiProtector.redact(text);

        assertThat(redacted)
                .isEqualTo("市民张先生反映：本人身份证号" + PiiProtector.maskIdCard(ID_X) + "，手机138****2345，请尽快回电。")
                .doesNotContain(ID_X)
                .doesNotContain(ID_X.toLowerCase())
                .doesNotContain(PHONE);
    }

    @Test
    void redactLeavesAmountsDatesAndCaseNumbersAlone() {
        String text =
                "拖欠工资12000元，2024-01-15至20240131共计16天，涉及23人，工单号RX202401150001，" + "座机0531-88888888，邮编250100，金额38000.50元";
        assertThat(PiiProtector.redact(text)).isEqualTo(text);
    }

    @Test
    void redactDoesNotCutLongerDigitRunsIntoPhones() {
        // a 19-digit number is neither an ID card nor a mobile, although it contains 1[3-9] followed by 9 digits
        String text = "订单号2024013812345678901";
        assertThat(PiiProtector.redact(text)).isEqualTo(text);
        assertThat(PiiProtector.redact(null)).isNull();
    }

    @Test
    void redactMasksEveryOccurrence() {
        String text = PHONE + "或" + SampleRecords.PETITIONER_PHONE + "，均可联系";
        assertThat(PiiProtector.redact(text)).isEqualTo("138****2345或159****7777，均可联系");
    }

    @Test
    void redactMasksANumberThatIsTheWholeTextOrItsEnd() {
        // the scan for 11 digits in a row that lets most texts skip the patterns must not skip these
        assertThat(PiiProtector.redact(PHONE)).isEqualTo("138****2345");
        assertThat(PiiProtector.redact("电话" + PHONE)).isEqualTo("电话138****2345");
        assertThat(PiiProtector.redact(ID_X)).isEqualTo(PiiProtector.maskIdCard(ID_X));
        assertThat(PiiProtector.redact("1381234567，1381234")).isEqualTo("1381234567，1381234");
    }

    @Test
    void redactMasksMobilesWrittenWithCountryCode() {
        assertThat(PiiProtector.redact("请回电+86" + PHONE)).doesNotContain(PHONE);
        assertThat(PiiProtector.redact("请回电86" + PHONE)).doesNotContain(PHONE);
    }

    private static PiiProtector roundTrip(PiiProtector p) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(p);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (PiiProtector) in.readObject();
        }
    }

    private static String sha256Prefix(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
