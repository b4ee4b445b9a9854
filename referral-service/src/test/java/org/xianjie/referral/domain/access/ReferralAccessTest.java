package org.xianjie.referral.domain.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xianjie.referral.domain.access.ReferralAccess.KnownCase;
import org.xianjie.referral.domain.access.ReferralAccess.Referral;
import org.xianjie.referral.domain.access.ReferralAccess.Viewer;
import org.xianjie.referral.domain.process.PartyType;
import org.xianjie.referral.domain.process.ReferralState;
import org.xianjie.referral.domain.process.ReferralStep;

class ReferralAccessTest {

    static final Viewer TJ_AMR = new Viewer("TJ-AMR", PartyType.ADMINISTRATIVE, "120000");
    static final Viewer TJ_TOBACCO = new Viewer("TJ-TOBACCO", PartyType.ADMINISTRATIVE, "120000");
    static final Viewer TJ_PSB = new Viewer("TJ-PSB", PartyType.POLICE, "120000");
    static final Viewer TJ_PROC = new Viewer("TJ-PROC", PartyType.PROCURATORATE, "120000");
    static final Viewer TJ_COURT = new Viewer("TJ-COURT", PartyType.COURT, "120000");
    static final Viewer BH_PROC = new Viewer("BH-PROC", PartyType.PROCURATORATE, "120116");
    static final Viewer BH_PSB = new Viewer("BH-PSB", PartyType.POLICE, "120116");

    static Referral referral(ReferralState state, boolean invited) {
        return new Referral("120000", "TJ-AMR", "TJ-PSB", "TJ-PROC", null, null, state, invited);
    }

    @Test
    void thePoliceAreNoPartyUntilTheReferralIsSent() {
        for (ReferralState before :
                new ReferralState[] {ReferralState.REPORTED, ReferralState.APPROVED, ReferralState.REFUSED}) {
            Referral r = referral(before, false);
            assertThat(ReferralAccess.canRead(TJ_PSB, r)).as(before.name()).isFalse();
            assertThat(ReferralAccess.canAct(TJ_PSB, r)).isFalse();
            assertThat(ReferralAccess.parties(r)).containsExactly("TJ-AMR", "TJ-PROC");
            assertThat(ReferralAccess.partyOf(r, PartyType.POLICE)).isNull();
        }
        Referral sent = referral(ReferralState.SENT, false);
        assertThat(ReferralAccess.canRead(TJ_PSB, sent)).isTrue();
        assertThat(ReferralAccess.canAct(TJ_PSB, sent)).isTrue();
        assertThat(ReferralAccess.parties(sent)).contains("TJ-PSB");
    }

    @Test
    void earlyInterventionOrConsultationBringsThePoliceInBeforeSending() {
        assertThat(ReferralAccess.canRead(TJ_PSB, referral(ReferralState.REPORTED, true)))
                .isTrue();
        assertThat(ReferralAccess.invitesPolice(ReferralStep.REQUEST_EARLY_INTERVENTION, null, "TJ-PSB"))
                .isTrue();
        assertThat(ReferralAccess.invitesPolice(ReferralStep.REQUEST_CONSULTATION, "TJ-PSB", "TJ-PSB"))
                .isTrue();
        assertThat(ReferralAccess.invitesPolice(ReferralStep.REQUEST_CONSULTATION, null, "TJ-PSB"))
                .isTrue();
        assertThat(ReferralAccess.invitesPolice(ReferralStep.REQUEST_CONSULTATION, "TJ-PROC", "TJ-PSB"))
                .isFalse();
        assertThat(ReferralAccess.invitesPolice(ReferralStep.APPROVE, null, "TJ-PSB"))
                .isFalse();
    }

    @Test
    void nonPartiesReadNothingButTheRegionsProcuratorateReadsAll() {
        Referral r = referral(ReferralState.SENT, false);
        assertThat(ReferralAccess.canRead(TJ_TOBACCO, r)).isFalse();
        assertThat(ReferralAccess.canRead(TJ_COURT, r)).isFalse();
        assertThat(ReferralAccess.canRead(BH_PROC, r)).isFalse();
        assertThat(ReferralAccess.canRead(BH_PSB, r)).isFalse();
        assertThat(ReferralAccess.canRead(
                        TJ_PROC,
                        new Referral("120000", "TJ-IPO", "TJ-PSB", null, null, null, ReferralState.REPORTED, false)))
                .isTrue();
        assertThat(ReferralAccess.mayLearnOf(BH_PROC, r)).isFalse();
        assertThat(ReferralAccess.mayLearnOf(TJ_AMR, r)).isTrue();
    }

    @Test
    void theForwardingPoliceKeepReading() {
        Referral r =
                new Referral("120000", "TJ-AMR", "BH-PSB", "TJ-PROC", null, "TJ-PSB", ReferralState.FORWARDED, false);
        assertThat(ReferralAccess.canRead(TJ_PSB, r)).isTrue();
        assertThat(ReferralAccess.canAct(TJ_PSB, r)).isFalse();
        assertThat(ReferralAccess.canAct(BH_PSB, r)).isTrue();
    }

    @Test
    void anAgencyReportsOnlyItsOwnCases() {
        KnownCase tjAmrCase = new KnownCase("TJ-AMR", "120000");
        assertThat(ReferralAccess.mayStart(TJ_AMR, ReferralStep.REPORT, tjAmrCase, null, false))
                .isTrue();
        assertThat(ReferralAccess.mayStart(TJ_AMR, ReferralStep.REPORT, null, null, false))
                .isTrue();
        assertThat(ReferralAccess.mayStart(TJ_TOBACCO, ReferralStep.REPORT, tjAmrCase, null, false))
                .isFalse();
        assertThat(ReferralAccess.mayStart(TJ_PROC, ReferralStep.REPORT, tjAmrCase, null, false))
                .isFalse();
    }

    @Test
    void aProcuratorateOpensAReverseReferralOnlyInItsRegionOrWhereItIsAlreadyParty() {
        KnownCase cityCase = new KnownCase("TJ-AMR", "120000");
        ReferralStep reverse = ReferralStep.RECORD_NON_PROSECUTION;
        assertThat(ReferralAccess.mayStart(BH_PROC, reverse, cityCase, null, false))
                .isFalse();
        assertThat(ReferralAccess.mayStart(TJ_PROC, reverse, cityCase, null, false))
                .isTrue();
        assertThat(ReferralAccess.mayStart(BH_PROC, reverse, cityCase, null, true))
                .isTrue();
        // a case case-service has not announced: the named agency's region counts
        assertThat(ReferralAccess.mayStart(BH_PROC, reverse, null, "120000", false))
                .isFalse();
        assertThat(ReferralAccess.mayStart(BH_PROC, reverse, null, "120116", false))
                .isTrue();
        assertThat(ReferralAccess.mayStart(BH_PROC, reverse, null, null, false)).isFalse();
        assertThat(ReferralAccess.mayStart(TJ_PSB, reverse, cityCase, null, true))
                .isFalse();
    }

    static final Viewer HP_PROC = new Viewer("HP-PROC", PartyType.PROCURATORATE, "120101");
    static final Viewer SD_PROC = new Viewer("SD-PROC", PartyType.PROCURATORATE, "370000");
    static final Viewer QD_PROC = new Viewer("QD-PROC", PartyType.PROCURATORATE, "370200");
    static final Viewer HD_PROC = new Viewer("HD-PROC", PartyType.PROCURATORATE, "370211");
    static final Viewer JZ_PROC = new Viewer("JZ-PROC", PartyType.PROCURATORATE, "370281");

    static Referral binhai(ReferralState state) {
        return new Referral("120116", "BH-AMR", "BH-PSB", "BH-PROC", null, null, state, false);
    }

    @Test
    void theCityProcuratorateReadsAndActsOnADistrictReferral() {
        Referral r = binhai(ReferralState.SENT);
        assertThat(ReferralAccess.canRead(TJ_PROC, r)).isTrue();
        assertThat(ReferralAccess.canAct(TJ_PROC, r))
                .as("检察一体化: the upper procuratorate may act")
                .isTrue();
        assertThat(ReferralAccess.canAct(BH_PROC, r)).isTrue();
        assertThat(ReferralAccess.canRead(BH_PROC, referral(ReferralState.SENT, false)))
                .as("parent")
                .isFalse();
        assertThat(ReferralAccess.canAct(BH_PROC, referral(ReferralState.SENT, false)))
                .isFalse();
        assertThat(ReferralAccess.canRead(HP_PROC, r)).as("sibling").isFalse();
        assertThat(ReferralAccess.canAct(HP_PROC, r)).isFalse();
    }

    @Test
    void policeAgenciesAndCourtsAboveADistrictStayWithThePartiesRule() {
        Referral r = binhai(ReferralState.SENT);
        assertThat(ReferralAccess.canRead(TJ_PSB, r)).isFalse();
        assertThat(ReferralAccess.canRead(TJ_AMR, r)).isFalse();
        assertThat(ReferralAccess.canRead(TJ_COURT, r)).isFalse();
        assertThat(ReferralAccess.canAct(TJ_PSB, r)).isFalse();
        assertThat(ReferralAccess.supervisedRegionPrefix(TJ_PSB)).isNull();
    }

    @Test
    void theTwoProvincesNeverSeeEachOther() {
        Referral huangdao =
                new Referral("370211", "HD-AMR", "HD-PSB", "HD-PROC", null, null, ReferralState.SENT, false);
        assertThat(ReferralAccess.canRead(SD_PROC, huangdao)).isTrue();
        assertThat(ReferralAccess.canRead(QD_PROC, huangdao)).isTrue();
        assertThat(ReferralAccess.canRead(JZ_PROC, huangdao)).isFalse();
        assertThat(ReferralAccess.canRead(TJ_PROC, huangdao)).isFalse();
        assertThat(ReferralAccess.canRead(SD_PROC, binhai(ReferralState.SENT))).isFalse();
        assertThat(ReferralAccess.canRead(QD_PROC, referral(ReferralState.SENT, false)))
                .isFalse();
        assertThat(ReferralAccess.supervisedRegionPrefix(SD_PROC)).isEqualTo("37");
        assertThat(ReferralAccess.supervisedRegionPrefix(QD_PROC)).isEqualTo("3702");
        assertThat(ReferralAccess.supervisedRegionPrefix(HD_PROC)).isEqualTo("370211");
    }

    @Test
    void leadsAndPenaltyDecisionsFollowTheSameHierarchy() {
        assertThat(ReferralAccess.canHandleLead(BH_PROC, "BH-PROC", "120116")).isTrue();
        assertThat(ReferralAccess.canHandleLead(TJ_PROC, "BH-PROC", "120116")).isTrue();
        assertThat(ReferralAccess.canHandleLead(HP_PROC, "BH-PROC", "120116")).isFalse();
        assertThat(ReferralAccess.canHandleLead(BH_PROC, "TJ-PROC", "120000")).isFalse();
        assertThat(ReferralAccess.canHandleLead(QD_PROC, "BH-PROC", "120116")).isFalse();
        assertThat(ReferralAccess.canHandleLead(BH_PSB, "BH-PROC", "120116")).isFalse();
        assertThat(ReferralAccess.canReviewPenaltyDecision(SD_PROC, "370211")).isTrue();
        assertThat(ReferralAccess.canReviewPenaltyDecision(TJ_PROC, "120116")).isTrue();
        assertThat(ReferralAccess.canReviewPenaltyDecision(BH_PROC, "120101")).isFalse();
        assertThat(ReferralAccess.canReviewPenaltyDecision(TJ_AMR, "120000")).isFalse();
    }

    @Test
    void anUpperProcuratorateOpensAReverseReferralBeneathIt() {
        KnownCase binhaiCase = new KnownCase("BH-AMR", "120116");
        ReferralStep reverse = ReferralStep.RECORD_NON_PROSECUTION;
        assertThat(ReferralAccess.mayStart(TJ_PROC, reverse, binhaiCase, null, false))
                .isTrue();
        assertThat(ReferralAccess.mayStart(HP_PROC, reverse, binhaiCase, null, false))
                .isFalse();
        assertThat(ReferralAccess.mayStart(QD_PROC, reverse, binhaiCase, null, false))
                .isFalse();
    }
}
