package org.xianjie.cases.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityNumbersTest {

    @Test
    void hashIgnoresCaseAndSpacesSoTheSamePersonMatches() {
        assertThat(IdentityNumbers.hash("12010119900101123x")).isEqualTo(IdentityNumbers.hash("1201 0119 9001 01123X"));
        assertThat(IdentityNumbers.hash("120101199001011234")).hasSize(64).doesNotContain("1201011990");
    }

    @Test
    void maskKeepsOnlyTheFirstAndLastFourCharacters() {
        assertThat(IdentityNumbers.mask("120101199001011234")).isEqualTo("1201**********1234");
        assertThat(IdentityNumbers.mask("1234567")).isEqualTo("*******");
    }

    @Test
    void accessFollowsOwnerRegionProcuratorateAndReferralReaders() {
        java.util.List<String> none = java.util.List.of();
        assertThat(CaseAccess.canRead("TJ-AMR", false, "120000", "TJ-AMR", "120000", none)).isTrue();
        assertThat(CaseAccess.canRead("TJ-PROC", true, "120000", "TJ-AMR", "120000", none)).isTrue();
        assertThat(CaseAccess.canRead("BH-PROC", true, "120116", "TJ-AMR", "120000", none)).isFalse();
        assertThat(CaseAccess.canRead("TJ-PSB", false, "120000", "TJ-AMR", "120000", none)).isFalse();
        assertThat(CaseAccess.canRead("TJ-PSB", false, "120000", "TJ-AMR", "120000", java.util.List.of("TJ-PSB"))).isTrue();
        assertThat(CaseAccess.canWrite("TJ-PROC", "TJ-AMR")).isFalse();
    }
}
