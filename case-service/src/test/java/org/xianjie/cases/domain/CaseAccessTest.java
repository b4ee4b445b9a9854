package org.xianjie.cases.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CaseAccessTest {

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
