package org.xianjie.platform.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class IdentityHasherTest {

    static final String NUMBER = "120101199001015432";
    static final String K1 = "k1:" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    static final String K2 = "k2:" + Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());

    @Test
    void theKeyedHashIsNotThePlainSha256AndNamesItsKey() throws Exception {
        String plain = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(NUMBER.getBytes(StandardCharsets.UTF_8)));
        var hashes = IdentityHasher.parse(K1).hashes(NUMBER);
        assertThat(hashes).hasSize(1);
        assertThat(hashes.get(0)).startsWith("k1:").doesNotContain(plain);
        assertThat(hashes.get(0).substring(3)).hasSize(64).isNotEqualTo(plain);
    }

    @Test
    void sameNumberSameHashWhateverTheSpacingOrCaseButAnotherKeyGivesAnother() {
        IdentityHasher one = IdentityHasher.parse(K1);
        assertThat(one.hashes("12010119900101123x")).isEqualTo(one.hashes(" 12010119900101123X "));
        assertThat(IdentityHasher.parse(K2).hashes(NUMBER).get(0).substring(3))
                .isNotEqualTo(one.hashes(NUMBER).get(0).substring(3));
    }

    @Test
    void afterARotationOldAndNewRecordsStillMatch() {
        IdentityHasher before = IdentityHasher.parse(K1);
        IdentityHasher after = IdentityHasher.parse(K2 + "," + K1);
        assertThat(after.currentKeyId()).isEqualTo("k2");
        assertThat(IdentityHasher.match(before.hashes(NUMBER), after.hashes(NUMBER)))
                .isTrue();
        assertThat(IdentityHasher.match(before.hashes(NUMBER), after.hashes("120101199001015433")))
                .isFalse();
        // once k1 is retired, only records written under k2 match
        IdentityHasher retired = IdentityHasher.parse(K2);
        assertThat(IdentityHasher.match(before.hashes(NUMBER), retired.hashes(NUMBER)))
                .isFalse();
        assertThat(IdentityHasher.match(after.hashes(NUMBER), retired.hashes(NUMBER)))
                .isTrue();
    }

    @Test
    void storedLegacyHashesAreReKeyedWithoutTheClearNumber() {
        IdentityHasher hasher = IdentityHasher.parse(K1);
        assertThat(hasher.rekey(IdentityHasher.legacySha256(NUMBER))).isEqualTo(hasher.hashes(NUMBER));
    }

    @Test
    void theMaskShowsOnlyTheLast4() {
        assertThat(IdentityHasher.mask(NUMBER)).isEqualTo("**************5432");
        assertThat(IdentityHasher.mask("91120000MA05XXXX1A")).isEqualTo("**************XX1A");
        assertThat(IdentityHasher.mask("123")).isEqualTo("***");
    }

    @Test
    void missingShortOrMalformedKeysAreRefusedWithTheReason() {
        assertThatThrownBy(() -> IdentityHasher.parse(null)).hasMessageContaining("xianjie.identity.hmac-keys");
        assertThatThrownBy(() -> IdentityHasher.parse("k1:c2hvcnQ=")).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> IdentityHasher.parse("k1:!!!")).hasMessageContaining("base64");
        assertThatThrownBy(() -> IdentityHasher.parse(K1 + "," + K1)).hasMessageContaining("twice");
        assertThatThrownBy(() -> IdentityHasher.parse("nocolon")).hasMessageContaining("id:base64");
    }
}
