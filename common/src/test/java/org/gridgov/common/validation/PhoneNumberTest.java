package org.gridgov.common.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "13853112345         | 13853112345",
                "+8613853112345      | 13853112345",
                "+86 138 5311 2345   | 13853112345",
                "8613853112345       | 13853112345",
                "199 0531 0000       | 19905310000",
                "0531-88888888       | 0531-88888888",
                "053188888888        | 053188888888",
                "0531-8888888        | 0531-8888888",
                "010-12345678        | 010-12345678",
                "１３８ ５３１１ ２３４５ | 13853112345",
                "＋８６１３８５３１１２３４５ | 13853112345",
            })
    void mobilesAndLandlinesWithAreaCodeAreValidAndNormalized(String raw, String normalized) {
        assertThat(PhoneNumber.problem(raw)).isEmpty();
        assertThat(PhoneNumber.normalize(raw)).isEqualTo(normalized);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "12345678901", // no mobile prefix starts with 12
                "1385311234", // 10 digits
                "138531123456", // 12 digits
                "88888888", // landline without area code
                "0531-888", // too short
                "13853112345转8001", // extension typed into the field
                "无",
                "abc",
            })
    void otherStringsAreRejectedQuotingTheInput(String raw) {
        assertThat(PhoneNumber.problem(raw)).hasValueSatisfying(p -> assertThat(p)
                .contains("'" + raw + "'")
                .contains("neither an 11-digit mobile number nor a landline with area code"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void emptyIsRejected(String raw) {
        assertThat(PhoneNumber.problem(raw)).hasValue("is empty");
    }
}
