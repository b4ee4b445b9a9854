package org.xianjie.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xianjie.events.CaseEventTypes;
import org.xianjie.events.ReferralEventTypes;

class RoutingRulesTest {

    private static final Parties TIANJIN = new Parties("TJ-AMR", "TJ-PSB", "TJ-PROC", null);
    private final Router router = new Router(RoutingTable.standard());

    /** Every step of referral-service's ReferralStep at the time of writing. */
    private static final List<String> KNOWN_STEPS = List.of(
            "REPORT",
            "APPROVE",
            "REFUSE",
            "SEND",
            "RECEIVE",
            "RECEIVE_OUT_OF_JURISDICTION",
            "FORWARD",
            "EXTEND_FILING_REVIEW",
            "EXTEND_FILING_REVIEW_MAJOR",
            "FILE",
            "DECLINE",
            "HAND_OVER_SEIZED_ITEMS",
            "REQUEST_RECONSIDERATION",
            "UPHOLD_DECLINE",
            "REQUEST_SUPERVISION",
            "REQUEST_EXPLANATION",
            "EXPLAIN",
            "ORDER_FILING",
            "ACCEPT_REASONS",
            "REQUEST_ARREST",
            "APPROVE_ARREST",
            "DENY_ARREST",
            "TRANSFER_FOR_PROSECUTION",
            "RETURN_NO_CRIME",
            "PROSECUTE",
            "DECIDE_NOT_TO_PROSECUTE",
            "ACCEPT_CASE",
            "RENDER_JUDGMENT",
            "RECORD_NON_PROSECUTION",
            "HAND_OVER_FOR_REVIEW",
            "SEND_OPINION",
            "CLOSE_NO_PENALTY_DUE",
            "FOLLOW_UP_OPINION",
            "REPLY_TO_OPINION",
            "REQUEST_EARLY_INTERVENTION",
            "ANSWER_EARLY_INTERVENTION",
            "REQUEST_CONSULTATION",
            "ANSWER_CONSULTATION");

    private List<Recipient> step(String step, String actor, Parties parties) {
        return router.route(
                new RoutedEvent(ReferralEventTypes.forStep(step), step, parties, actor, null, "津市监处〔2026〕1号", null));
    }

    @Test
    void sentReferralGoesToPoliceForActionWithACopyToTheProcuratorate() {
        assertThat(step("SEND", "TJ-AMR", TIANJIN))
                .extracting(Recipient::agency, Recipient::role, Recipient::urgency)
                .containsExactly(tuple("TJ-PROC", null, Urgency.INFO), tuple("TJ-PSB", null, Urgency.ACTION));
        assertThat(step("SEND", "TJ-AMR", TIANJIN).get(1).titleZh()).isEqualTo("收到移送案件 津市监处〔2026〕1号");
        assertThat(step("SEND", "TJ-AMR", TIANJIN).get(1).titleEn()).isEqualTo("Referral received: 津市监处〔2026〕1号");
    }

    @Test
    void declineGoesToTheAgencyToActAndToTheProcuratorate() {
        assertThat(step("DECLINE", "TJ-PSB", TIANJIN))
                .extracting(Recipient::agency, Recipient::urgency)
                .containsExactly(tuple("TJ-AMR", Urgency.ACTION), tuple("TJ-PROC", Urgency.INFO));
    }

    @Test
    void reportGoesOnlyToTheAgencyHeadWhoMustApprove() {
        assertThat(step("REPORT", "TJ-AMR", TIANJIN))
                .extracting(Recipient::agency, Recipient::role, Recipient::urgency)
                .containsExactly(tuple("TJ-AMR", "head", Urgency.ACTION));
    }

    @Test
    void breachGoesUrgentlyToThePartyThatMissedTheLimitAndToTheProcuratorate() {
        List<Recipient> recipients = router.route(new RoutedEvent(
                ReferralEventTypes.DEADLINE_BREACHED, null, TIANJIN, null, "TJ-PSB", "津市监处〔2026〕1号", "立案决定期限"));
        assertThat(recipients)
                .extracting(Recipient::agency, Recipient::urgency)
                .containsExactly(tuple("TJ-PROC", Urgency.URGENT), tuple("TJ-PSB", Urgency.URGENT));
        assertThat(recipients.get(0).titleZh()).isEqualTo("期限已超过：立案决定期限 津市监处〔2026〕1号");
    }

    @Test
    void breachOfTheProcuratoratesOwnLimitTellsItOnce() {
        List<Recipient> recipients = router.route(
                new RoutedEvent(ReferralEventTypes.DEADLINE_BREACHED, null, TIANJIN, null, "TJ-PROC", "X", "告知期限"));
        assertThat(recipients).extracting(Recipient::agency).containsExactly("TJ-PROC");
    }

    @Test
    void reminderGoesToTheResponsiblePartyOnly() {
        assertThat(router.route(new RoutedEvent(
                        ReferralEventTypes.DEADLINE_REMINDER, null, TIANJIN, null, "TJ-AMR", "X", "移送期限")))
                .extracting(Recipient::agency, Recipient::urgency)
                .containsExactly(tuple("TJ-AMR", Urgency.ACTION));
    }

    @Test
    void leadGoesToTheProcuratorate() {
        assertThat(router.route(new RoutedEvent(
                        ReferralEventTypes.LEAD_RAISED,
                        null,
                        new Parties("TJ-AMR", null, "TJ-PROC", null),
                        null,
                        null,
                        "X",
                        null)))
                .extracting(Recipient::agency, Recipient::urgency)
                .containsExactly(tuple("TJ-PROC", Urgency.ACTION));
    }

    @Test
    void judgmentGoesToEveryPartyExceptTheCourtThatRenderedIt() {
        Parties all = new Parties("TJ-AMR", "TJ-PSB", "TJ-PROC", "TJ-COURT");
        assertThat(step("RENDER_JUDGMENT", "TJ-COURT", all))
                .extracting(Recipient::agency)
                .containsExactly("TJ-AMR", "TJ-PROC", "TJ-PSB");
    }

    @Test
    void prosecutionBeforeTheCourtIsKnownSkipsTheCourtSafely() {
        assertThat(step("PROSECUTE", "TJ-PROC", TIANJIN))
                .extracting(Recipient::agency)
                .containsExactly("TJ-AMR", "TJ-PSB");
    }

    @Test
    void penaltyDecisionGoesToTheProcuratorateForReviewAndOtherCaseEventsToNobody() {
        Parties caseParties = new Parties("TJ-AMR", null, "TJ-PROC", null);
        assertThat(router.route(
                        new RoutedEvent(CaseEventTypes.PENALTY_DECIDED, null, caseParties, "TJ-AMR", null, "X", null)))
                .extracting(Recipient::agency)
                .containsExactly("TJ-PROC");
        assertThat(router.route(new RoutedEvent(CaseEventTypes.OPENED, null, caseParties, "TJ-AMR", null, "X", null)))
                .isEmpty();
    }

    @Test
    void aPenaltyDecisionReviewIsTheProcuratoratesOwnActAndTellsNobody() {
        Parties reviewed = new Parties("BH-AMR", null, "TJ-PROC", null);
        assertThat(router.route(new RoutedEvent(
                        ReferralEventTypes.PENALTY_DECISION_REVIEWED, null, reviewed, "TJ-PROC", null, "X", null)))
                .isEmpty();
        assertThat(ReferralEventTypes.stepOf(ReferralEventTypes.PENALTY_DECISION_REVIEWED))
                .isNull();
    }

    @Test
    void unknownStepGoesToEveryOtherPartyAsInfoSoNothingIsLost() {
        List<Recipient> recipients = step("SOMETHING_NEW", "TJ-PSB", TIANJIN);
        assertThat(recipients)
                .extracting(Recipient::agency, Recipient::urgency)
                .containsExactly(tuple("TJ-AMR", Urgency.INFO), tuple("TJ-PROC", Urgency.INFO));
        assertThat(recipients.get(0).titleEn()).contains("SOMETHING_NEW");
    }

    @Test
    void everyStepOfTheReferralProcessHasItsOwnRuleWithBilingualTitles() {
        RoutingTable table = RoutingTable.standard();
        for (String step : KNOWN_STEPS) {
            assertThat(table.knows(step)).as(step).isTrue();
            RoutingRule rule = table.ruleFor(ReferralEventTypes.forStep(step), step);
            assertThat(rule.titleZh()).as(step).isNotBlank();
            assertThat(rule.titleEn()).as(step).isNotBlank();
        }
    }

    @Test
    void anAgencyNamedByTwoRoutesIsToldOnceAtTheHigherUrgency() {
        Parties samePoliceAndProc = new Parties("TJ-AMR", "TJ-X", "TJ-X", null);
        assertThat(step("SEND", "TJ-AMR", samePoliceAndProc))
                .extracting(Recipient::agency, Recipient::urgency)
                .containsExactly(tuple("TJ-X", Urgency.ACTION));
    }

    @Test
    void notificationIdsAreStablePerEventAndRecipient() {
        String event = UUID.randomUUID().toString();
        assertThat(NotificationIds.of("/s", event, "TJ-PSB", null))
                .isEqualTo(NotificationIds.of("/s", event, "TJ-PSB", null));
        assertThat(NotificationIds.of("/s", event, "TJ-PSB", null))
                .isNotEqualTo(NotificationIds.of("/s", event, "TJ-PROC", null));
        assertThat(NotificationIds.of("/s", event, "TJ-PSB", null))
                .isNotEqualTo(NotificationIds.of("/s", event, "TJ-PSB", "head"));
    }
}
