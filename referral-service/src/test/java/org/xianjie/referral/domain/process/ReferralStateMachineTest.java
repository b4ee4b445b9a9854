package org.xianjie.referral.domain.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xianjie.referral.domain.process.PartyType.ADMINISTRATIVE;
import static org.xianjie.referral.domain.process.PartyType.COURT;
import static org.xianjie.referral.domain.process.PartyType.POLICE;
import static org.xianjie.referral.domain.process.PartyType.PROCURATORATE;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xianjie.referral.domain.time.TimeLimitCodes;

class ReferralStateMachineTest {

    private static final Set<String> OFFICER = Set.of();
    private static final Set<String> HEAD = Set.of(ReferralStateMachine.HEAD_ROLE);

    private final ReferralStateMachine machine = new ReferralStateMachine();

    /** Applies a step as an officer of the first party type allowed, with the head role when needed. */
    private Transition take(ReferralState state, ReferralStep step) {
        PartyType actor = step.actors().iterator().next();
        return machine.apply(state, step, actor, step.requiresHead() ? HEAD : OFFICER);
    }

    private ReferralState walk(ReferralState state, ReferralStep... steps) {
        ReferralState current = state;
        for (ReferralStep step : steps) {
            current = take(current, step).to();
        }
        return current;
    }

    @Test
    void referralRunsFromTheCaseTeamsReportToJudgment() {
        Transition report = machine.start(ReferralStep.REPORT, ADMINISTRATIVE, OFFICER);
        assertNull(report.from());
        assertEquals(ReferralState.REPORTED, report.to());

        ReferralState end = walk(
                report.to(),
                ReferralStep.APPROVE,
                ReferralStep.SEND,
                ReferralStep.RECEIVE,
                ReferralStep.FILE,
                ReferralStep.HAND_OVER_SEIZED_ITEMS,
                ReferralStep.REQUEST_ARREST,
                ReferralStep.APPROVE_ARREST,
                ReferralStep.TRANSFER_FOR_PROSECUTION,
                ReferralStep.PROSECUTE,
                ReferralStep.ACCEPT_CASE,
                ReferralStep.RENDER_JUDGMENT);

        assertEquals(ReferralState.JUDGED, end);
    }

    @Test
    void reportOpensTheHeadsThreeDaysToDecide() {
        Transition report = machine.start(ReferralStep.REPORT, ADMINISTRATIVE, OFFICER);

        assertEquals(
                List.of(new OpenedDeadline(
                        TimeLimitCodes.APPROVAL, ADMINISTRATIVE, DeadlineKind.DUTY, CountFrom.THIS_STEP)),
                report.opened());
    }

    @Test
    void onlyTheAgencyHeadMayApproveAReferral() {
        ActorNotAllowed e = assertThrows(
                ActorNotAllowed.class,
                () -> machine.apply(ReferralState.REPORTED, ReferralStep.APPROVE, ADMINISTRATIVE, OFFICER));
        assertEquals(ADMINISTRATIVE, e.actorType());

        Transition approved = machine.apply(ReferralState.REPORTED, ReferralStep.APPROVE, ADMINISTRATIVE, HEAD);
        assertEquals(ReferralState.APPROVED, approved.to());
    }

    @Test
    void onlyTheAgencyHeadMayRefuseAReferral() {
        assertThrows(
                ActorNotAllowed.class,
                () -> machine.apply(ReferralState.REPORTED, ReferralStep.REFUSE, ADMINISTRATIVE, Set.of("officer")));
        assertEquals(
                ReferralState.REFUSED,
                machine.apply(ReferralState.REPORTED, ReferralStep.REFUSE, ADMINISTRATIVE, HEAD)
                        .to());
    }

    @Test
    void policeCannotApproveAReferralEvenWithAHeadRole() {
        ActorNotAllowed e = assertThrows(
                ActorNotAllowed.class, () -> machine.apply(ReferralState.REPORTED, ReferralStep.APPROVE, POLICE, HEAD));
        assertEquals(Set.of(ADMINISTRATIVE), e.allowedActors());
    }

    @Test
    void onlyApprovalAndRefusalNeedTheHeadRole() {
        for (ReferralStep step : ReferralStep.values()) {
            assertEquals(step == ReferralStep.APPROVE || step == ReferralStep.REFUSE, step.requiresHead(), step.name());
        }
    }

    @Test
    void sendingBeforeApprovalIsAConflictThatListsWhatCanBeDone() {
        StepNotAllowed e = assertThrows(
                StepNotAllowed.class,
                () -> machine.apply(ReferralState.REPORTED, ReferralStep.SEND, ADMINISTRATIVE, OFFICER));

        assertEquals(ReferralState.REPORTED, e.current());
        assertEquals(ReferralStep.SEND, e.step());
        assertEquals(
                List.of(
                        ReferralStep.APPROVE,
                        ReferralStep.REFUSE,
                        ReferralStep.REQUEST_EARLY_INTERVENTION,
                        ReferralStep.ANSWER_EARLY_INTERVENTION,
                        ReferralStep.REQUEST_CONSULTATION,
                        ReferralStep.ANSWER_CONSULTATION),
                e.allowedSteps());
    }

    @Test
    void wrongPartyIsRefusedWhateverTheState() {
        // Police cannot approve, and it is not the moment either: the actor check wins (403, not 409).
        assertThrows(
                ActorNotAllowed.class, () -> machine.apply(ReferralState.SENT, ReferralStep.APPROVE, POLICE, HEAD));
    }

    @Test
    void approvalOpensTwentyFourHoursForTheAgencyToSend() {
        Transition approved = machine.apply(ReferralState.REPORTED, ReferralStep.APPROVE, ADMINISTRATIVE, HEAD);

        assertEquals(Set.of(TimeLimitCodes.APPROVAL), approved.closed());
        assertEquals(
                List.of(new OpenedDeadline(
                        TimeLimitCodes.SENDING, ADMINISTRATIVE, DeadlineKind.DUTY, CountFrom.THIS_STEP)),
                approved.opened());
    }

    @Test
    void refusalClosesEveryDeadlineBecauseTheReferralEnds() {
        Transition refused = machine.apply(ReferralState.REPORTED, ReferralStep.REFUSE, ADMINISTRATIVE, HEAD);

        assertTrue(refused.to().isTerminal());
        assertEquals(Set.copyOf(TimeLimitCodes.ALL), refused.closed());
        assertTrue(ReferralStep.REFUSE.requiresReasons(), "不予批准的理由记录在案");
    }

    @Test
    void sendingGoesToThePoliceWithACopyToTheProcuratorate() {
        Transition sent = take(ReferralState.APPROVED, ReferralStep.SEND);

        assertEquals(ReferralState.SENT, sent.to());
        assertEquals(Set.of(TimeLimitCodes.SENDING), sent.closed());
        assertEquals(Set.of(POLICE, PROCURATORATE), ReferralStep.SEND.notifies());
    }

    @Test
    void receiptGivesThePoliceThreeDaysToFileOrDecline() {
        Transition received = machine.apply(ReferralState.SENT, ReferralStep.RECEIVE, POLICE, OFFICER);

        assertEquals(ReferralState.RECEIVED, received.to());
        assertEquals(
                List.of(new OpenedDeadline(
                        TimeLimitCodes.FILING_DECISION, POLICE, DeadlineKind.DUTY, CountFrom.THIS_STEP)),
                received.opened());
        assertTrue(ReferralStep.RECEIVE.notifies().contains(ADMINISTRATIVE), "the receipt goes back to the agency");
    }

    @Test
    void policeWithoutJurisdictionForwardWithinTwentyFourHoursAndTheNextPoliceReceives() {
        Transition receipt = take(ReferralState.SENT, ReferralStep.RECEIVE_OUT_OF_JURISDICTION);
        assertEquals(TimeLimitCodes.FORWARDING, receipt.opened().get(0).limitCode());

        Transition forwarded = take(receipt.to(), ReferralStep.FORWARD);
        assertEquals(ReferralState.FORWARDED, forwarded.to());
        assertTrue(forwarded.closed().contains(TimeLimitCodes.FORWARDING));
        assertTrue(ReferralStep.FORWARD.notifies().contains(ADMINISTRATIVE), "书面告知移送案件的行政执法机关");

        assertEquals(
                ReferralState.RECEIVED,
                take(forwarded.to(), ReferralStep.RECEIVE).to());
    }

    @Test
    void extendedFilingReviewStillCountsFromAcceptance() {
        Transition extended = take(ReferralState.RECEIVED, ReferralStep.EXTEND_FILING_REVIEW);

        assertEquals(ReferralState.RECEIVED, extended.to());
        assertFalse(extended.changesState());
        assertEquals(Set.of(TimeLimitCodes.FILING_DECISION), extended.closed());
        assertEquals(
                List.of(new OpenedDeadline(
                        TimeLimitCodes.FILING_DECISION_EXTENDED, POLICE, DeadlineKind.DUTY, CountFrom.RECEIPT)),
                extended.opened());
    }

    @Test
    void majorCaseExtensionReplacesTheShorterFilingDeadlines() {
        Transition extended = take(ReferralState.RECEIVED, ReferralStep.EXTEND_FILING_REVIEW_MAJOR);

        assertEquals(
                Set.of(TimeLimitCodes.FILING_DECISION, TimeLimitCodes.FILING_DECISION_EXTENDED), extended.closed());
        assertEquals(
                TimeLimitCodes.FILING_DECISION_MAJOR, extended.opened().get(0).limitCode());
        assertEquals(CountFrom.RECEIPT, extended.opened().get(0).countFrom());
    }

    @Test
    void filingClosesWhicheverFilingDeadlineRunsAndGivesTheAgencyThreeDaysToHandOverSeizedItems() {
        Transition filed = take(ReferralState.RECEIVED, ReferralStep.FILE);

        assertTrue(filed.closed()
                .containsAll(Set.of(
                        TimeLimitCodes.FILING_DECISION,
                        TimeLimitCodes.FILING_DECISION_EXTENDED,
                        TimeLimitCodes.FILING_DECISION_MAJOR)));
        assertEquals(
                List.of(new OpenedDeadline(
                        TimeLimitCodes.SEIZED_ITEMS_HANDOVER, ADMINISTRATIVE, DeadlineKind.DUTY, CountFrom.THIS_STEP)),
                filed.opened());
        assertTrue(ReferralStep.FILE.notifies().contains(ADMINISTRATIVE), "书面通知移送案件的行政执法机关");
    }

    @Test
    void handingOverSeizedItemsIsRecordedWithoutChangingState() {
        Transition handedOver =
                machine.apply(ReferralState.FILED, ReferralStep.HAND_OVER_SEIZED_ITEMS, ADMINISTRATIVE, OFFICER);

        assertEquals(ReferralState.FILED, handedOver.to());
        assertEquals(Set.of(TimeLimitCodes.SEIZED_ITEMS_HANDOVER), handedOver.closed());
        assertThrows(
                StepNotAllowed.class,
                () -> machine.apply(
                        ReferralState.RECEIVED, ReferralStep.HAND_OVER_SEIZED_ITEMS, ADMINISTRATIVE, OFFICER),
                "only after the filing notice");
    }

    @Test
    void declineWithReasonsOpensTheAgencysThreeDayReconsiderationWindow() {
        Transition declined = take(ReferralState.RECEIVED, ReferralStep.DECLINE);

        assertEquals(ReferralState.DECLINED, declined.to());
        assertTrue(ReferralStep.DECLINE.requiresReasons());
        assertEquals(
                List.of(new OpenedDeadline(
                        TimeLimitCodes.RECONSIDERATION_REQUEST,
                        ADMINISTRATIVE,
                        DeadlineKind.WINDOW,
                        CountFrom.THIS_STEP)),
                declined.opened());
    }

    @Test
    void reconsiderationRequestGivesThePoliceThreeDaysAndTheyMayFileAfterAll() {
        Transition requested = take(ReferralState.DECLINED, ReferralStep.REQUEST_RECONSIDERATION);
        assertEquals(Set.of(TimeLimitCodes.RECONSIDERATION_REQUEST), requested.closed());
        assertEquals(
                new OpenedDeadline(
                        TimeLimitCodes.RECONSIDERATION_DECISION, POLICE, DeadlineKind.DUTY, CountFrom.THIS_STEP),
                requested.opened().get(0));

        Transition filed = take(requested.to(), ReferralStep.FILE);
        assertEquals(ReferralState.FILED, filed.to());
        assertTrue(filed.closed().contains(TimeLimitCodes.RECONSIDERATION_DECISION));
    }

    @Test
    void declineUpheldOnReconsiderationThenSupervisionLeadsToAnOrderToFile() {
        Transition upheld = take(ReferralState.RECONSIDERATION_REQUESTED, ReferralStep.UPHOLD_DECLINE);
        assertEquals(ReferralState.DECLINE_UPHELD, upheld.to());
        assertEquals(
                new OpenedDeadline(
                        TimeLimitCodes.SUPERVISION_REQUEST, ADMINISTRATIVE, DeadlineKind.WINDOW, CountFrom.THIS_STEP),
                upheld.opened().get(0));

        Transition supervision = take(upheld.to(), ReferralStep.REQUEST_SUPERVISION);
        assertEquals(ReferralState.SUPERVISION_REQUESTED, supervision.to());
        assertTrue(supervision.closed().contains(TimeLimitCodes.SUPERVISION_REQUEST));

        Transition explanationRequested = take(supervision.to(), ReferralStep.REQUEST_EXPLANATION);
        assertEquals(
                new OpenedDeadline(TimeLimitCodes.EXPLANATION, POLICE, DeadlineKind.DUTY, CountFrom.THIS_STEP),
                explanationRequested.opened().get(0));

        Transition explained = take(explanationRequested.to(), ReferralStep.EXPLAIN);
        assertEquals(
                new OpenedDeadline(
                        TimeLimitCodes.OUTCOME_TO_AGENCY, PROCURATORATE, DeadlineKind.DUTY, CountFrom.THIS_STEP),
                explained.opened().get(0));

        Transition ordered = take(explained.to(), ReferralStep.ORDER_FILING);
        assertEquals(ReferralState.FILING_ORDERED, ordered.to());
        assertTrue(ordered.closed().contains(TimeLimitCodes.OUTCOME_TO_AGENCY));
        assertEquals(
                new OpenedDeadline(TimeLimitCodes.FILING_ORDER, POLICE, DeadlineKind.DUTY, CountFrom.THIS_STEP),
                ordered.opened().get(0));

        Transition filed = machine.apply(ordered.to(), ReferralStep.FILE, POLICE, OFFICER);
        assertEquals(ReferralState.FILED, filed.to());
        assertTrue(filed.closed().contains(TimeLimitCodes.FILING_ORDER));
    }

    @Test
    void agencyMayGoStraightToSupervisionInsteadOfReconsideration() {
        Transition supervision = take(ReferralState.DECLINED, ReferralStep.REQUEST_SUPERVISION);

        assertEquals(ReferralState.SUPERVISION_REQUESTED, supervision.to());
        assertTrue(supervision.closed().contains(TimeLimitCodes.RECONSIDERATION_REQUEST));
    }

    @Test
    void procuratorateMaySuperviseADeclineOnItsOwnInitiative() {
        Transition requested =
                machine.apply(ReferralState.DECLINED, ReferralStep.REQUEST_EXPLANATION, PROCURATORATE, OFFICER);

        assertEquals(ReferralState.EXPLANATION_REQUESTED, requested.to());
        assertTrue(requested.closed().contains(TimeLimitCodes.RECONSIDERATION_REQUEST));
    }

    @Test
    void whenThePoliceReasonsStandTheProcuratorateTellsTheAgency() {
        Transition accepted = take(ReferralState.EXPLAINED, ReferralStep.ACCEPT_REASONS);

        assertEquals(ReferralState.REASONS_ACCEPTED, accepted.to());
        assertTrue(accepted.closed().contains(TimeLimitCodes.OUTCOME_TO_AGENCY));
        assertEquals(Set.of(ADMINISTRATIVE), ReferralStep.ACCEPT_REASONS.notifies());
    }

    @Test
    void policeMayFileInsteadOfExplaining() {
        Transition filed = take(ReferralState.EXPLANATION_REQUESTED, ReferralStep.FILE);

        assertEquals(ReferralState.FILED, filed.to());
        assertTrue(filed.closed().contains(TimeLimitCodes.EXPLANATION));
    }

    @Test
    void policeReturnACaseWithNoCrimeToTheAgency() {
        Transition returned = take(ReferralState.FILED, ReferralStep.RETURN_NO_CRIME);

        assertEquals(ReferralState.RETURNED_NO_CRIME, returned.to());
        assertTrue(returned.closed().contains(TimeLimitCodes.SEIZED_ITEMS_HANDOVER));
        assertTrue(ReferralStep.RETURN_NO_CRIME.requiresReasons());
    }

    @Test
    void deniedArrestMayBeAskedForAgainOrTheCaseTransferredWithoutArrest() {
        assertEquals(
                ReferralState.ARREST_REQUESTED,
                take(ReferralState.ARREST_DENIED, ReferralStep.REQUEST_ARREST).to());
        assertEquals(
                ReferralState.TRANSFERRED_FOR_PROSECUTION,
                take(ReferralState.ARREST_DENIED, ReferralStep.TRANSFER_FOR_PROSECUTION)
                        .to());
        assertEquals(
                ReferralState.TRANSFERRED_FOR_PROSECUTION,
                take(ReferralState.FILED, ReferralStep.TRANSFER_FOR_PROSECUTION).to());
    }

    @Test
    void nonProsecutionStartsTheReverseReferralInWorkingDays() {
        Transition notProsecuted =
                take(ReferralState.TRANSFERRED_FOR_PROSECUTION, ReferralStep.DECIDE_NOT_TO_PROSECUTE);
        assertEquals(ReferralState.NOT_PROSECUTED, notProsecuted.to());
        assertEquals(
                new OpenedDeadline(
                        TimeLimitCodes.REVERSE_HANDOVER, PROCURATORATE, DeadlineKind.DUTY, CountFrom.THIS_STEP),
                notProsecuted.opened().get(0));

        Transition handedOver = take(notProsecuted.to(), ReferralStep.HAND_OVER_FOR_REVIEW);
        assertEquals(ReferralState.ADMINISTRATIVE_REVIEW, handedOver.to());
        assertEquals(TimeLimitCodes.REVERSE_REVIEW, handedOver.opened().get(0).limitCode());

        Transition opinion = take(handedOver.to(), ReferralStep.SEND_OPINION);
        assertEquals(ReferralState.OPINION_SENT, opinion.to());
        assertEquals(
                new OpenedDeadline(
                        TimeLimitCodes.OPINION_REPLY, ADMINISTRATIVE, DeadlineKind.DUTY, CountFrom.THIS_STEP),
                opinion.opened().get(0));

        Transition followUp = take(opinion.to(), ReferralStep.FOLLOW_UP_OPINION);
        assertEquals(ReferralState.OPINION_SENT, followUp.to());

        Transition reply = machine.apply(opinion.to(), ReferralStep.REPLY_TO_OPINION, ADMINISTRATIVE, OFFICER);
        assertEquals(ReferralState.OPINION_REPLIED, reply.to());
        assertTrue(reply.closed().contains(TimeLimitCodes.OPINION_REPLY));
    }

    @Test
    void nonProsecutionWithNoPenaltyDueIsClosed() {
        Transition closed = take(ReferralState.NOT_PROSECUTED, ReferralStep.CLOSE_NO_PENALTY_DUE);

        assertEquals(ReferralState.CLOSED, closed.to());
        assertEquals(Set.copyOf(TimeLimitCodes.ALL), closed.closed());
    }

    @Test
    void reverseReferralCanBeOpenedForACaseTheSuiteDidNotFollow() {
        Transition recorded = machine.start(ReferralStep.RECORD_NON_PROSECUTION, PROCURATORATE, OFFICER);

        assertEquals(ReferralState.NOT_PROSECUTED, recorded.to());
        assertEquals(TimeLimitCodes.REVERSE_HANDOVER, recorded.opened().get(0).limitCode());
    }

    @Test
    void onlyStartingStepsOpenAReferral() {
        StepNotAllowed e =
                assertThrows(StepNotAllowed.class, () -> machine.start(ReferralStep.SEND, ADMINISTRATIVE, OFFICER));

        assertNull(e.current());
        assertEquals(List.of(ReferralStep.REPORT, ReferralStep.RECORD_NON_PROSECUTION), e.allowedSteps());
        assertThrows(ActorNotAllowed.class, () -> machine.start(ReferralStep.REPORT, POLICE, OFFICER));
    }

    @Test
    void earlyInterventionAndConsultationAreSideActivitiesBeforeSending() {
        Transition request =
                machine.apply(ReferralState.REPORTED, ReferralStep.REQUEST_EARLY_INTERVENTION, ADMINISTRATIVE, OFFICER);
        Transition answer =
                machine.apply(ReferralState.REPORTED, ReferralStep.ANSWER_EARLY_INTERVENTION, POLICE, OFFICER);
        Transition consult =
                machine.apply(ReferralState.APPROVED, ReferralStep.REQUEST_CONSULTATION, ADMINISTRATIVE, OFFICER);

        for (Transition t : List.of(request, answer, consult)) {
            assertFalse(t.changesState(), t.step().name());
            assertTrue(t.opened().isEmpty() && t.closed().isEmpty(), t.step().name());
        }
    }

    @Test
    void consultationIsAnsweredByThePoliceOrTheProcuratorateButNotTheCourt() {
        assertEquals(
                ReferralState.DECLINED,
                machine.apply(ReferralState.DECLINED, ReferralStep.ANSWER_CONSULTATION, PROCURATORATE, OFFICER)
                        .to());
        assertEquals(
                ReferralState.REPORTED,
                machine.apply(ReferralState.REPORTED, ReferralStep.ANSWER_CONSULTATION, POLICE, OFFICER)
                        .to());
        assertThrows(
                ActorNotAllowed.class,
                () -> machine.apply(ReferralState.REPORTED, ReferralStep.ANSWER_CONSULTATION, COURT, OFFICER));
    }

    @Test
    void nextActorsRouteTheReferral() {
        assertEquals(Set.of(ADMINISTRATIVE), machine.nextActors(ReferralState.REPORTED));
        assertEquals(Set.of(POLICE), machine.nextActors(ReferralState.SENT));
        assertEquals(Set.of(POLICE), machine.nextActors(ReferralState.FILED), "hand-over is a side activity");
        assertEquals(Set.of(ADMINISTRATIVE, PROCURATORATE), machine.nextActors(ReferralState.DECLINED));
        assertEquals(Set.of(PROCURATORATE), machine.nextActors(ReferralState.EXPLAINED));
        assertEquals(Set.of(COURT), machine.nextActors(ReferralState.PROSECUTED));
        assertEquals(Set.of(ADMINISTRATIVE), machine.nextActors(ReferralState.OPINION_SENT));
        assertEquals(Set.of(), machine.nextActors(ReferralState.JUDGED));
    }

    @Test
    void stepsOfferedToAnOfficerLeaveOutTheHeadsDecisions() {
        List<ReferralStep> officer = machine.allowedSteps(ReferralState.REPORTED, ADMINISTRATIVE, OFFICER);
        List<ReferralStep> head = machine.allowedSteps(ReferralState.REPORTED, ADMINISTRATIVE, HEAD);

        assertFalse(officer.contains(ReferralStep.APPROVE));
        assertTrue(head.containsAll(List.of(ReferralStep.APPROVE, ReferralStep.REFUSE)));
        assertFalse(head.contains(ReferralStep.ANSWER_EARLY_INTERVENTION), "that is the police's answer");
    }
}
