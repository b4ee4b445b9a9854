package org.xianjie.referral.domain.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xianjie.referral.domain.process.PartyType;
import org.xianjie.referral.domain.process.ReferralState;

class SuspectsAndFiguresAccessTest {

    static ReferralAccess.Viewer v(String agency, PartyType type, String region) {
        return new ReferralAccess.Viewer(agency, type, region);
    }

    static ReferralAccess.Referral referral(ReferralState state) {
        return new ReferralAccess.Referral("120000", "TJ-AMR", "TJ-PSB", "TJ-PROC", null, null, state, false);
    }

    @Test
    void theAgencyAndThePoliceOncePartyRecordSuspectsWhileTheReferralRuns() {
        assertThat(ReferralAccess.canRecordSuspects(
                        v("TJ-AMR", PartyType.ADMINISTRATIVE, "120000"), referral(ReferralState.REPORTED)))
                .isTrue();
        assertThat(ReferralAccess.canRecordSuspects(
                        v("TJ-PSB", PartyType.POLICE, "120000"), referral(ReferralState.REPORTED)))
                .isFalse();
        assertThat(ReferralAccess.canRecordSuspects(
                        v("TJ-PSB", PartyType.POLICE, "120000"), referral(ReferralState.FILED)))
                .isTrue();
        assertThat(ReferralAccess.canRecordSuspects(
                        v("TJ-PROC", PartyType.PROCURATORATE, "120000"), referral(ReferralState.FILED)))
                .isFalse();
        assertThat(ReferralAccess.canRecordSuspects(
                        v("TJ-AMR", PartyType.ADMINISTRATIVE, "120000"), referral(ReferralState.JUDGED)))
                .isFalse();
        assertThat(ReferralAccess.canRecordSuspects(
                        v("BH-PSB", PartyType.POLICE, "120116"), referral(ReferralState.FILED)))
                .isFalse();
    }

    @Test
    void aProcuratorateReadsTheFiguresOfItsRegionAndBeneathAnyOtherAgencyItsOwnRow() {
        ReferralAccess.Viewer city = v("TJ-PROC", PartyType.PROCURATORATE, "120000");
        ReferralAccess.Viewer binhai = v("BH-PROC", PartyType.PROCURATORATE, "120116");
        ReferralAccess.Viewer qingdao = v("QD-PROC", PartyType.PROCURATORATE, "370200");
        assertThat(ReferralAccess.mayReadFiguresOf(city, "BH-AMR", "120116")).isTrue();
        assertThat(ReferralAccess.mayReadFiguresOf(binhai, "TJ-AMR", "120000")).isFalse();
        assertThat(ReferralAccess.mayReadFiguresOf(binhai, "HP-AMR", "120101")).isFalse();
        assertThat(ReferralAccess.mayReadFiguresOf(qingdao, "HD-AMR", "370211")).isTrue();
        assertThat(ReferralAccess.mayReadFiguresOf(qingdao, "TJ-AMR", "120000")).isFalse();
        assertThat(ReferralAccess.mayReadFiguresOf(city, "QD-AMR", "370200")).isFalse();
        ReferralAccess.Viewer agency = v("TJ-AMR", PartyType.ADMINISTRATIVE, "120000");
        assertThat(ReferralAccess.mayReadFiguresOf(agency, "TJ-AMR", "120000")).isTrue();
        assertThat(ReferralAccess.mayReadFiguresOf(agency, "BH-AMR", "120116")).isFalse();
        assertThat(ReferralAccess.mayReadFiguresOf(v("TJ-PSB", PartyType.POLICE, "120000"), "BH-PSB", "120116"))
                .isFalse();
    }
}
