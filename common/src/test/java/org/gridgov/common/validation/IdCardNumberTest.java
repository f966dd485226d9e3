package org.gridgov.common.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdCardNumberTest {

    /** The worked example of GB 11643-1999 (北京市朝阳区, born 1949-12-31), check character X. */
    private static final String PUBLISHED_EXAMPLE = "11010519491231002X";

    @Test
    void publishedStandardExampleIsValidAndItsCheckCharacterIsX() {
        assertThat(IdCardNumber.problem(PUBLISHED_EXAMPLE)).isEmpty();
        assertThat(IdCardNumber.checkChar("11010519491231002")).isEqualTo('X');
    }

    @Test
    void ofBuildsAValidNumberFromRegionBirthDateAndSequence() {
        String id = IdCardNumber.of("370112", LocalDate.of(1985, 3, 7), 42);
        assertThat(id).hasSize(18).startsWith("37011219850307042");
        assertThat(IdCardNumber.isValid(id)).isTrue();
    }

    @Test
    void generatedNumbersAreValidAndEveryOtherCheckCharacterIsRejected() {
        Random random = new Random(20240115);
        for (int n = 0; n < 300; n++) {
            LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(365 * 90));
            String id = IdCardNumber.of("370112", birth, random.nextInt(1000));
            assertThat(IdCardNumber.problem(id)).as(id).isEmpty();
            for (char c : "0123456789X".toCharArray()) {
                if (c != id.charAt(17)) {
                    assertThat(IdCardNumber.isValid(id.substring(0, 17) + c))
                            .as("%s with check %s", id, c)
                            .isFalse();
                }
            }
        }
    }

    @Test
    void checksumCatchesEverySingleDigitTypoInTheFirst17Digits() {
        String id = IdCardNumber.of("370112", LocalDate.of(1990, 10, 10), 123);
        for (int i = 0; i < 17; i++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d != id.charAt(i)) {
                    String typo = id.substring(0, i) + d + id.substring(i + 1);
                    assertThat(IdCardNumber.isValid(typo))
                            .as("typo at %d: %s", i + 1, typo)
                            .isFalse();
                }
            }
        }
    }

    @Test
    void wrongCheckCharacterIsReportedWithTheExpectedOne() {
        assertThat(IdCardNumber.problem("110105194912310021"))
                .hasValue("checksum mismatch (check character should be X)");
    }

    @Test
    void lowerCaseXIsAcceptedAndNormalizedToUpperCase() {
        String lower = "11010519491231002x";
        assertThat(IdCardNumber.problem(lower)).isEmpty();
        assertThat(IdCardNumber.normalize(lower)).isEqualTo(PUBLISHED_EXAMPLE);
        assertThat(IdCardNumber.normalize(" 11010519491231002x ")).isEqualTo(PUBLISHED_EXAMPLE);
        assertThat(IdCardNumber.normalize(null)).isNull();
    }

    @Test
    void fifteenDigitNumberGetsTheCenturyAndItsCheckCharacter() {
        // the published example as its first-generation card: 110105 491231 002
        assertThat(IdCardNumber.fromFifteenDigits("110105491231002")).isEqualTo(PUBLISHED_EXAMPLE);
        assertThat(IdCardNumber.normalize("110105491231002")).isEqualTo(PUBLISHED_EXAMPLE);
        // the check digit is computed with weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, mod 11 → 1 0 X 9 8 7 6 5 4 3 2
        String first17 = "370112" + "19" + "850307" + "042";
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        char expected = "10X98765432".charAt(sum % 11);
        assertThat(IdCardNumber.normalize("370112850307042")).isEqualTo(first17 + expected);
        assertThat(IdCardNumber.normalize("370112850307042"))
                .isEqualTo(IdCardNumber.of("370112", LocalDate.of(1985, 3, 7), 42));
    }

    @Test
    void everyFifteenDigitCardConvertsToAValidNumberOfTheSamePerson() {
        Random random = new Random(15);
        for (int n = 0; n < 300; n++) {
            LocalDate birth = LocalDate.of(1900, 1, 1).plusDays(random.nextInt(365 * 99));
            String eighteen = IdCardNumber.of("370112", birth, random.nextInt(1000));
            String fifteen = eighteen.substring(0, 6) + eighteen.substring(8, 17);
            assertThat(IdCardNumber.normalize(fifteen)).as(fifteen).isEqualTo(eighteen);
        }
    }

    @Test
    void fullWidthDigitsSpacesAndLowerCaseXAreReadAsTheCardSays() {
        assertThat(IdCardNumber.normalize("１１０１０５１９４９１２３１００２ｘ")).isEqualTo(PUBLISHED_EXAMPLE);
        assertThat(IdCardNumber.normalize("１１０１０５１９４９１２３１００２Ｘ")).isEqualTo(PUBLISHED_EXAMPLE);
        assertThat(IdCardNumber.normalize("110105 1949 1231 002x")).isEqualTo(PUBLISHED_EXAMPLE);
        assertThat(IdCardNumber.normalize("110105\u30001949\u00a01231\t002X")).isEqualTo(PUBLISHED_EXAMPLE);
        assertThat(IdCardNumber.normalize("１１０１０５ ４９１２３１ ００２")).isEqualTo(PUBLISHED_EXAMPLE);
    }

    @Test
    void normalizingDoesNotRepairWhatIsWrong() {
        // a mistyped digit stays a checksum error: guessing which digit is wrong could merge two people
        String typo = "110105194912310O2X";
        assertThat(IdCardNumber.problem(IdCardNumber.normalize(typo))).hasValue("character 16 must be a digit");
        assertThat(IdCardNumber.problem(IdCardNumber.normalize("110105194912310021")))
                .hasValue("checksum mismatch (check character should be X)");
        // 14 or 16 digits are not a first-generation card
        assertThat(IdCardNumber.normalize("11010549123100")).isEqualTo("11010549123100");
        assertThat(IdCardNumber.problem(IdCardNumber.normalize("1101054912310021")))
                .hasValue("must have 18 characters, has 16");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "11010519491231002   | must have 18 characters, has 17",
                "11010519491231002X1 | must have 18 characters, has 19",
                "1101051949123O002X  | character 14 must be a digit",
                "11010519491231002A  | last character must be a digit or X",
                // a full-width digit is a Unicode digit, but not one a checksum can use
                "１1010519491231002X  | character 1 must be a digit",
            })
    void malformedNumbersSayWhatIsWrong(String id, String problem) {
        assertThat(IdCardNumber.problem(id)).hasValue(problem);
    }

    @Test
    void nullIsInvalid() {
        assertThat(IdCardNumber.problem(null)).hasValue("must have 18 characters, has 0");
    }

    @Test
    void impossibleBirthDateIsRejectedEvenWithACorrectChecksum() {
        String feb30 = withCheck("370112" + "19900230" + "123");
        String month13 = withCheck("370112" + "19901301" + "123");
        assertThat(IdCardNumber.problem(feb30)).hasValue("birth date 19900230 is not a date");
        assertThat(IdCardNumber.problem(month13)).hasValue("birth date 19901301 is not a date");
    }

    @Test
    void birthBefore1900IsRejected() {
        String old = withCheck("370112" + "18991231" + "001");
        assertThat(IdCardNumber.problem(old)).hasValue("birth date 1899-12-31 is before 1900");
        assertThat(IdCardNumber.isValid(withCheck("370112" + "19000101" + "001")))
                .isTrue();
    }

    private static String withCheck(String first17) {
        return first17 + IdCardNumber.checkChar(first17);
    }

    @Test
    void birthDateInTheFutureIsRejected() {
        String id = IdCardNumber.of("370112", java.time.LocalDate.now().plusYears(1), 7);
        assertThat(IdCardNumber.problem(id))
                .hasValueSatisfying(p -> assertThat(p).contains("in the future"));
    }
}
