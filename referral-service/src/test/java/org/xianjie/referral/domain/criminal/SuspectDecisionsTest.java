package org.xianjie.referral.domain.criminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xianjie.referral.domain.process.ReferralStep;

class SuspectDecisionsTest {

    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID c = UUID.randomUUID();
    private static final SuspectStanding REQUESTED = new SuspectStanding(true, null, null, false, false);

    private static SuspectDecisionInput with(UUID id, String decision) {
        return new SuspectDecisionInput(id, decision, null, null, null, null);
    }

    @Test
    void approvingArrestOfTwoOfThreeRecordsTheThirdAsNotApproved() {
        List<SuspectDecision> ds = SuspectDecisions.decide(
                ReferralStep.APPROVE_ARREST,
                List.of(SuspectDecisionInput.named(a), SuspectDecisionInput.named(b), with(c, "NOT_APPROVED")),
                Map.of(a, REQUESTED, b, REQUESTED, c, REQUESTED));
        assertThat(ds)
                .extracting(SuspectDecision::arrest)
                .containsExactly(ArrestDecision.APPROVED, ArrestDecision.APPROVED, ArrestDecision.NOT_APPROVED);
    }

    @Test
    void arrestIsDecidedOnlyForSuspectsWhoseArrestWasRequested() {
        assertThatThrownBy(() -> SuspectDecisions.decide(
                        ReferralStep.APPROVE_ARREST,
                        List.of(SuspectDecisionInput.named(a)),
                        Map.of(a, SuspectStanding.NEW)))
                .isInstanceOf(SuspectRuleViolation.class)
                .extracting(e -> ((SuspectRuleViolation) e).field())
                .isEqualTo("suspects[0].suspectId");
    }

    @Test
    void approveArrestMustApproveSomeoneAndDenyArrestApprovesNobody() {
        assertThatThrownBy(() -> SuspectDecisions.decide(
                        ReferralStep.APPROVE_ARREST, List.of(with(a, "NOT_APPROVED")), Map.of(a, REQUESTED)))
                .isInstanceOf(SuspectRuleViolation.class)
                .hasMessageContaining("DENY_ARREST");
        assertThatThrownBy(() -> SuspectDecisions.decide(
                        ReferralStep.DENY_ARREST, List.of(with(a, "APPROVED")), Map.of(a, REQUESTED)))
                .isInstanceOf(SuspectRuleViolation.class);
    }

    @Test
    void aSuspectCanBeNamedOnlyOnceAndMustBelongToTheReferral() {
        assertThatThrownBy(() -> SuspectDecisions.decide(
                        ReferralStep.REQUEST_ARREST,
                        List.of(SuspectDecisionInput.named(a), SuspectDecisionInput.named(a)),
                        Map.of(a, SuspectStanding.NEW)))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> SuspectDecisions.decide(
                        ReferralStep.REQUEST_ARREST,
                        List.of(SuspectDecisionInput.named(b)),
                        Map.of(a, SuspectStanding.NEW)))
                .hasMessageContaining("no suspect");
    }

    @Test
    void stepsOutsideTheCriminalProcessNameNoSuspectsAndNamingNoneDecidesNothing() {
        assertThatThrownBy(() -> SuspectDecisions.decide(
                        ReferralStep.FILE, List.of(SuspectDecisionInput.named(a)), Map.of(a, SuspectStanding.NEW)))
                .hasMessageContaining("decides for no person");
        assertThat(SuspectDecisions.decide(ReferralStep.APPROVE_ARREST, List.of(), Map.of()))
                .isEmpty();
    }

    @Test
    void courtAcceptsOnlyProsecutedDefendantsAndJudgesOnlyAcceptedOnes() {
        SuspectStanding notProsecuted = new SuspectStanding(
                true, ArrestDecision.NOT_APPROVED, ProsecutionDecision.NOT_PROSECUTED, false, false);
        assertThatThrownBy(() -> SuspectDecisions.decide(
                        ReferralStep.ACCEPT_CASE, List.of(SuspectDecisionInput.named(a)), Map.of(a, notProsecuted)))
                .hasMessageContaining("not prosecuted");
        SuspectStanding prosecuted =
                new SuspectStanding(true, ArrestDecision.APPROVED, ProsecutionDecision.PROSECUTED, false, false);
        assertThatThrownBy(() -> SuspectDecisions.decide(
                        ReferralStep.RENDER_JUDGMENT,
                        List.of(new SuspectDecisionInput(a, null, Verdict.GUILTY, 12, null, null)),
                        Map.of(a, prosecuted)))
                .hasMessageContaining("not accepted");
    }

    @Test
    void judgmentTermsFollowTheCriminalLaw() {
        SuspectStanding accepted =
                new SuspectStanding(true, ArrestDecision.APPROVED, ProsecutionDecision.PROSECUTED, true, false);
        Judgment j = SuspectDecisions.decide(
                        ReferralStep.RENDER_JUDGMENT,
                        List.of(new SuspectDecisionInput(a, null, Verdict.GUILTY, 30, 36, new BigDecimal("80000"))),
                        Map.of(a, accepted))
                .get(0)
                .judgment();
        assertThat(j.imprisonmentMonths()).isEqualTo(30);
        assertThat(j.probationMonths()).isEqualTo(36);
        assertThat(j.fineDue()).isEqualByComparingTo("80000");
        // probation only for at most 3 years, tested for no less than the sentence and at least a year
        assertThatThrownBy(() -> SuspectDecisions.decide(
                        ReferralStep.RENDER_JUDGMENT,
                        List.of(new SuspectDecisionInput(a, null, Verdict.GUILTY, 48, 60, null)),
                        Map.of(a, accepted)))
                .extracting(e -> ((SuspectRuleViolation) e).field())
                .isEqualTo("suspects[0].probationMonths");
        assertThatThrownBy(() -> SuspectDecisions.decide(
                        ReferralStep.RENDER_JUDGMENT,
                        List.of(new SuspectDecisionInput(a, null, Verdict.GUILTY, 6, 6, null)),
                        Map.of(a, accepted)))
                .isInstanceOf(SuspectRuleViolation.class);
        assertThatThrownBy(() -> SuspectDecisions.decide(
                        ReferralStep.RENDER_JUDGMENT,
                        List.of(new SuspectDecisionInput(a, null, Verdict.NOT_GUILTY, 6, null, null)),
                        Map.of(a, accepted)))
                .extracting(e -> ((SuspectRuleViolation) e).field())
                .isEqualTo("suspects[0].verdict");
        assertThatThrownBy(() -> SuspectDecisions.decide(
                        ReferralStep.RENDER_JUDGMENT, List.of(SuspectDecisionInput.named(a)), Map.of(a, accepted)))
                .extracting(e -> ((SuspectRuleViolation) e).field())
                .isEqualTo("suspects[0].verdict");
    }

    @Test
    void aDeniedArrestMayBeRequestedAgainButAPendingOneMayNot() {
        SuspectStanding denied = new SuspectStanding(true, ArrestDecision.NOT_APPROVED, null, false, false);
        assertThat(SuspectDecisions.decide(
                        ReferralStep.REQUEST_ARREST, List.of(SuspectDecisionInput.named(a)), Map.of(a, denied)))
                .hasSize(1);
        assertThatThrownBy(() -> SuspectDecisions.decide(
                        ReferralStep.REQUEST_ARREST, List.of(SuspectDecisionInput.named(a)), Map.of(a, REQUESTED)))
                .hasMessageContaining("pending");
    }
}
