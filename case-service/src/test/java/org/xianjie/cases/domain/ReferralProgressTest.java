package org.xianjie.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReferralProgressTest {

    @Test
    void sendingRefersTheCaseWhateverItsStateEvenClosed() {
        assertThat(ReferralProgress.caseStateAfter(CaseState.OPEN, "SEND", "SENT"))
                .contains(CaseState.REFERRED);
        assertThat(ReferralProgress.caseStateAfter(CaseState.CLOSED, "SEND", "SENT"))
                .contains(CaseState.REFERRED);
        assertThat(ReferralProgress.caseStateAfter(CaseState.REFERRED, "SEND", "SENT"))
                .isEmpty();
    }

    @Test
    void returnsAndReverseReferralGiveAReferredCaseBack() {
        assertThat(ReferralProgress.caseStateAfter(CaseState.REFERRED, "RETURN_NO_CRIME", "RETURNED_NO_CRIME"))
                .contains(CaseState.RETURNED);
        assertThat(ReferralProgress.caseStateAfter(CaseState.REFERRED, "REVERSE_REVIEW", "PROSECUTION_DECLINED"))
                .contains(CaseState.RETURNED);
        assertThat(ReferralProgress.caseStateAfter(CaseState.REFERRED, "SOME_NEW_STEP", "RETURNED_FOR_PENALTY"))
                .contains(CaseState.RETURNED);
        assertThat(ReferralProgress.caseStateAfter(CaseState.REFERRED, "HAND_OVER_FOR_REVIEW", "ADMINISTRATIVE_REVIEW"))
                .contains(CaseState.RETURNED);
        assertThat(ReferralProgress.caseStateAfter(CaseState.CLOSED, "RETURN_NO_CRIME", "RETURNED_NO_CRIME"))
                .isEmpty();
    }

    @Test
    void otherStepsLeaveTheCaseAsItIs() {
        assertThat(ReferralProgress.caseStateAfter(CaseState.REFERRED, "RECEIVE", "RECEIVED"))
                .isEmpty();
        assertThat(ReferralProgress.caseStateAfter(CaseState.REFERRED, null, null))
                .isEmpty();
    }

    @Test
    void thePoliceBecomeReadersOnlyOnceTheReferralIsSentOrTheyAreAskedInEarly() {
        assertThat(ReferralProgress.readers("REPORT", "REPORTED", "TJ-AMR", "TJ-PSB", "TJ-PROC", null))
                .containsExactly("TJ-AMR", "TJ-PROC");
        assertThat(ReferralProgress.readers("APPROVE", "APPROVED", "TJ-AMR", "TJ-PSB", "TJ-PROC", null))
                .doesNotContain("TJ-PSB");
        assertThat(ReferralProgress.readers("REFUSE", "REFUSED", "TJ-AMR", "TJ-PSB", "TJ-PROC", null))
                .doesNotContain("TJ-PSB");
        assertThat(ReferralProgress.readers("SEND", "SENT", "TJ-AMR", "TJ-PSB", "TJ-PROC", null))
                .containsExactly("TJ-AMR", "TJ-PSB", "TJ-PROC");
        assertThat(ReferralProgress.readers(
                        "REQUEST_EARLY_INTERVENTION", "REPORTED", "TJ-AMR", "TJ-PSB", "TJ-PROC", null))
                .contains("TJ-PSB");
        assertThat(ReferralProgress.readers("PROSECUTE", "PROSECUTED", "TJ-AMR", "TJ-PSB", "TJ-PROC", "TJ-COURT"))
                .contains("TJ-COURT");
    }
}
