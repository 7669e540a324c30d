package org.healthcrm.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SearchHashTest {

    private final byte[] key = TestKeys.randomKey();
    private final SearchHash hash = new SearchHash(TestKeys.keys(key));

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "Łukasz           | lukasz",
            "\" LUKASZ \"     | lukasz",
            "Zoë              | zoe",
            "Ångström         | angstrom",
            "Núñez            | nunez",
            "Łukasz Żółć      | lukasz zolc",
            "Søren Kierkegaard| soren kierkegaard",
            "Æsa              | aesa",
            "Straße           | strasse",
            "Đorđević         | dordevic",
            "Mary-Jane  O'Brien | mary jane obrien",
            "O’Brien          | obrien",
            "\"  St.  John  \"| st john",
            "ＭＡＲＩＡ         | maria",
            "Ǆurić            | dzuric",
            "İlkay            | ilkay",
            "ΟΔΥΣΣΕΥΣ         | οδυσσευσ"})
    void namesAreNormalizedBeforeHashing(String name, String normalized) {
        assertThat(SearchHash.normalizeName(name)).isEqualTo(normalized);
        assertThat(hash.name(name)).isEqualTo(hash.name(normalized));
    }

    @Test
    void spellingsOfTheSameNameHashEqualAndOtherNamesDo() {
        assertThat(hash.name("Łukasz")).matches("[0-9a-f]{64}")
                .isEqualTo(hash.name("lukasz"))
                .isEqualTo(hash.name(" LUKASZ "));
        assertThat(hash.name("Zoë")).isEqualTo(hash.name("zoe")).isEqualTo(hash.name("ZOE"));
        assertThat(hash.name("Ångström")).isEqualTo(hash.name("angstrom"));
        assertThat(hash.name("Núñez")).isEqualTo(hash.name("nunez"));
        assertThat(hash.name("Lukasz")).isNotEqualTo(hash.name("Lucas"));
        assertThat(hash.name("Anna Maria")).isNotEqualTo(hash.name("Annamaria"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t", " \u2003 "})
    void blankInputHasNoHash(String blank) {
        assertThat(hash.name(blank)).isNull();
        assertThat(hash.identifier(blank)).isNull();
        assertThat(hash.phone(blank)).isNull();
    }

    @Test
    void namesWithoutLettersAndPhonesWithoutDigitsHaveNoHash() {
        assertThat(hash.name("-- . '")).isNull();
        assertThat(hash.phone("n/a")).isNull();
    }

    @Test
    void birthDatesHashTheirIsoForm() {
        assertThat(hash.birthDate(LocalDate.of(1984, 2, 29))).matches("[0-9a-f]{64}")
                .isEqualTo(hash.birthDate(LocalDate.parse("1984-02-29")))
                .isNotEqualTo(hash.birthDate(LocalDate.of(1984, 3, 1)));
        assertThat(hash.birthDate(null)).isNull();
    }

    @Test
    void phonesCompareByTheirLastTenDigits() {
        assertThat(SearchHash.normalizePhone("+1 (555) 010-2233")).isEqualTo("5550102233");
        assertThat(SearchHash.normalizePhone("555.010.2233")).isEqualTo("5550102233");
        assertThat(SearchHash.normalizePhone("010-2233")).isEqualTo("0102233");
        assertThat(SearchHash.normalizePhone("５５５０１０２２３３")).isEqualTo("5550102233");
        assertThat(hash.phone("+1 (555) 010-2233")).matches("[0-9a-f]{64}")
                .isEqualTo(hash.phone("555-010-2233"))
                .isEqualTo(hash.phone("001 555 010 2233"))
                .isNotEqualTo(hash.phone("555-010-2234"))
                .isNotEqualTo(hash.phone("010-2233"));
    }

    @Test
    void identifiersAreTrimmedAndUpperCased() {
        assertThat(hash.identifier(" mrn-00123 ")).matches("[0-9a-f]{64}").isEqualTo(hash.identifier("MRN-00123"));
        assertThat(hash.identifier("MRN-00123")).isNotEqualTo(hash.identifier("MRN 00123"));
    }

    @Test
    void eachKindOfTermHashesDifferently() {
        assertThat(hash.name("5550102233")).isNotEqualTo(hash.phone("5550102233"));
        assertThat(hash.identifier("5550102233")).isNotEqualTo(hash.phone("5550102233"));
    }

    @Test
    void theHashIsAnHmacUnderAKeyDerivedFromTheEncryptionKey() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] derived = mac.doFinal("healthcrm search hash v1".getBytes(StandardCharsets.US_ASCII));
        mac.init(new SecretKeySpec(derived, "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal("birth-date:1984-02-29".getBytes(StandardCharsets.UTF_8)));

        assertThat(hash.birthDate(LocalDate.of(1984, 2, 29))).isEqualTo(expected);
    }

    @Test
    void theSameKeyGivesTheSameHashesAndAnotherKeyOthers() {
        SearchHash sameKey = new SearchHash(TestKeys.keys(key));
        SearchHash otherKey = new SearchHash(TestKeys.keys(TestKeys.randomKey()));

        assertThat(sameKey.name("Zoë Ångström")).isEqualTo(hash.name("Zoë Ångström"));
        assertThat(sameKey.phone("555-010-2233")).isEqualTo(hash.phone("555-010-2233"));
        assertThat(otherKey.name("Zoë Ångström")).isNotEqualTo(hash.name("Zoë Ångström"));
        assertThat(otherKey.birthDate(LocalDate.of(2001, 2, 3))).isNotEqualTo(hash.birthDate(LocalDate.of(2001, 2, 3)));
        assertThat(otherKey.phone("555-010-2233")).isNotEqualTo(hash.phone("555-010-2233"));
        assertThat(otherKey.identifier("MRN-1")).isNotEqualTo(hash.identifier("MRN-1"));
    }

    @Test
    void previousKeysDoNotChangeTheHashes() {
        SearchHash afterAddingAPreviousKey = new SearchHash(TestKeys.keys(key, TestKeys.randomKey()));

        assertThat(afterAddingAPreviousKey.name("Núñez")).isEqualTo(hash.name("Núñez"));
    }
}
