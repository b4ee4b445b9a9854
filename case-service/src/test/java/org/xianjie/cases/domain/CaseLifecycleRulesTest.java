package org.xianjie.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaseLifecycleRulesTest {

    @Test
    void closedCaseTakesNoStepButTheRevocationOfItsPenalty() {
        for (CaseStep step : CaseStep.values()) {
            assertThat(CaseLifecycle.allows(CaseState.CLOSED, step)).isEqualTo(step == CaseStep.REVOKE_PENALTY);
        }
        assertThat(CaseLifecycle.allowedSteps(CaseState.CLOSED)).containsExactly("revoke-penalty");
    }

    @Test
    void aRevokedDecisionReopensADecidedCaseAndLeavesAClosedOneClosed() {
        assertThat(CaseLifecycle.after(CaseState.PENALTY_DECIDED, CaseStep.REVOKE_PENALTY))
                .isEqualTo(CaseState.OPEN);
        assertThat(CaseLifecycle.after(CaseState.CLOSED, CaseStep.REVOKE_PENALTY))
                .isEqualTo(CaseState.CLOSED);
        assertThat(CaseLifecycle.allows(CaseState.OPEN, CaseStep.REVOKE_PENALTY))
                .isFalse();
        assertThat(CaseLifecycle.allowedSteps(CaseState.CLOSED, false)).isEmpty();
        assertThat(CaseLifecycle.allowedSteps(CaseState.PENALTY_DECIDED, true))
                .containsExactly("add-evidence", "revoke-penalty", "close");
    }

    @Test
    void referredCaseOnlyTakesEvidenceUntilItComesBack() {
        assertThat(CaseLifecycle.allowedSteps(CaseState.REFERRED)).containsExactly("add-evidence");
        assertThat(CaseLifecycle.allowedSteps(CaseState.RETURNED))
                .containsExactly("record-facts", "add-evidence", "decide-penalty", "close");
    }

    @Test
    void penaltyAndClosingMoveTheStateOtherStepsKeepIt() {
        assertThat(CaseLifecycle.after(CaseState.OPEN, CaseStep.DECIDE_PENALTY)).isEqualTo(CaseState.PENALTY_DECIDED);
        assertThat(CaseLifecycle.after(CaseState.PENALTY_DECIDED, CaseStep.CLOSE))
                .isEqualTo(CaseState.CLOSED);
        assertThat(CaseLifecycle.after(CaseState.RETURNED, CaseStep.ADD_EVIDENCE))
                .isEqualTo(CaseState.RETURNED);
        assertThat(CaseLifecycle.allowedSteps(CaseState.PENALTY_DECIDED))
                .containsExactly("add-evidence", "revoke-penalty", "close");
    }
}
