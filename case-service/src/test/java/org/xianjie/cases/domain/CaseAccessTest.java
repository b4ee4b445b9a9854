package org.xianjie.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CaseAccessTest {

    private static final List<String> NONE = List.of();

    @Test
    void accessFollowsOwnerRegionProcuratorateAndReferralReaders() {
        assertThat(CaseAccess.canRead("TJ-AMR", false, "120000", "TJ-AMR", "120000", NONE))
                .isTrue();
        assertThat(CaseAccess.canRead("TJ-PROC", true, "120000", "TJ-AMR", "120000", NONE))
                .isTrue();
        assertThat(CaseAccess.canRead("TJ-PSB", false, "120000", "TJ-AMR", "120000", NONE))
                .isFalse();
        assertThat(CaseAccess.canRead("TJ-PSB", false, "120000", "TJ-AMR", "120000", List.of("TJ-PSB")))
                .isTrue();
        assertThat(CaseAccess.canWrite("TJ-PROC", "TJ-AMR")).isFalse();
    }

    @Test
    void cityProcuratorateReadsItsDistrictsCasesButNeverTheReverse() {
        assertThat(CaseAccess.canRead("TJ-PROC", true, "120000", "BH-AMR", "120116", NONE))
                .isTrue();
        assertThat(CaseAccess.canRead("TJ-PROC", true, "120000", "HP-AMR", "120101", NONE))
                .isTrue();
        assertThat(CaseAccess.canRead("BH-PROC", true, "120116", "TJ-AMR", "120000", NONE))
                .as("parent")
                .isFalse();
        assertThat(CaseAccess.canRead("BH-PROC", true, "120116", "HP-AMR", "120101", NONE))
                .as("sibling")
                .isFalse();
        assertThat(CaseAccess.canWrite("TJ-PROC", "BH-AMR"))
                .as("supervising is not editing")
                .isFalse();
    }

    @Test
    void provincesAndTheirLevelsNeverSeeEachOther() {
        assertThat(CaseAccess.canRead("SD-PROC", true, "370000", "HD-AMR", "370211", NONE))
                .isTrue();
        assertThat(CaseAccess.canRead("QD-PROC", true, "370200", "HD-AMR", "370211", NONE))
                .isTrue();
        assertThat(CaseAccess.canRead("JZ-PROC", true, "370281", "HD-AMR", "370211", NONE))
                .isFalse();
        assertThat(CaseAccess.canRead("TJ-PROC", true, "120000", "HD-AMR", "370211", NONE))
                .isFalse();
        assertThat(CaseAccess.canRead("QD-PROC", true, "370200", "BH-AMR", "120116", NONE))
                .isFalse();
        assertThat(CaseAccess.canRead("SD-PROC", true, "370000", "TJ-AMR", "120000", NONE))
                .isFalse();
    }

    @Test
    void onlyAProcuratorateSupervisesByRegion() {
        assertThat(CaseAccess.canRead("BH-PSB", false, "120116", "BH-AMR", "120116", NONE))
                .isFalse();
        assertThat(CaseAccess.canRead("TJ-COURT", false, "120000", "BH-AMR", "120116", NONE))
                .isFalse();
        assertThat(CaseAccess.supervisedRegionPrefix(true, "120000")).contains("12");
        assertThat(CaseAccess.supervisedRegionPrefix(true, "370200")).contains("3702");
        assertThat(CaseAccess.supervisedRegionPrefix(false, "120000")).isEmpty();
    }
}
