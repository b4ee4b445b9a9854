package org.xianjie.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaseLifecycleRulesTest {

    @Test
    void closedCaseTakesNoStep() {
        for (CaseStep step : CaseStep.values()) {
            assertThat(CaseLifecycle.allows(CaseState.CLOSED, step)).isFalse();
        }
        assertThat(CaseLifecycle.allowedSteps(CaseState.CLOSED)).isEmpty();
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
        assertThat(CaseLifecycle.allowedSteps(CaseState.PENALTY_DECIDED)).containsExactly("add-evidence", "close");
    }
}
