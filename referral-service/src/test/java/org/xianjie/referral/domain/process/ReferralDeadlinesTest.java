package org.xianjie.referral.domain.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xianjie.referral.domain.time.Deadline;
import org.xianjie.referral.domain.time.DeadlineClock;
import org.xianjie.referral.domain.time.TimeLimitTable;
import org.xianjie.referral.domain.time.WorkingCalendar;

/** The state machine, the shipped time-limit table and the clock together, as the service will use them. */
class ReferralDeadlinesTest {

    private final ReferralStateMachine machine = new ReferralStateMachine();
    private final TimeLimitTable table = TimeLimitTable.loadDefault();
    private final DeadlineClock clock = new DeadlineClock(WorkingCalendar.loadDefault(), DeadlineClock.CHINA);

    private static Instant beijing(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(DeadlineClock.CHINA).toInstant();
    }

    private Deadline due(OpenedDeadline opened, Instant start) {
        return clock.dueFor(start, table.get(opened.limitCode()));
    }

    @Test
    void referralApprovedOnTheEveOfNationalDayMustBeSentWithinTwentyFourHours() {
        Instant approvedAt = beijing("2025-09-30T17:00");
        Transition approved = machine.apply(
                ReferralState.REPORTED,
                ReferralStep.APPROVE,
                PartyType.ADMINISTRATIVE,
                Set.of(ReferralStateMachine.HEAD_ROLE));

        Deadline sending = due(approved.opened().get(0), approvedAt);

        assertEquals(beijing("2025-10-01T17:00"), sending.dueAt());
    }

    @Test
    void caseReceivedOnTheEveOfNationalDayMustBeDecidedByNinthOctober() {
        Transition received = machine.apply(ReferralState.SENT, ReferralStep.RECEIVE, PartyType.POLICE, Set.of());

        Deadline filing = due(received.opened().get(0), beijing("2025-09-30T11:00"));

        assertEquals(Instant.parse("2025-10-09T15:59:59.999999Z"), filing.dueAt());
    }

    @Test
    void tenDayExtensionCountsFromTheReceiptNotFromTheExtension() {
        Instant receivedAt = beijing("2026-02-12T10:00");
        Transition extended =
                machine.apply(ReferralState.RECEIVED, ReferralStep.EXTEND_FILING_REVIEW, PartyType.POLICE, Set.of());
        OpenedDeadline opened = extended.opened().get(0);
        assertEquals(CountFrom.RECEIPT, opened.countFrom());

        // 12 Feb + 10 = Sunday 22 Feb, inside the Spring Festival holiday (15-23 Feb): due Tuesday 24 Feb.
        Deadline filing = due(opened, receivedAt);

        assertEquals(Instant.parse("2026-02-24T15:59:59.999999Z"), filing.dueAt());
    }

    @Test
    void procuratorialOpinionSentOnThirtyFirstJulyIsDueOnThirtiethSeptember() {
        Transition sent = machine.apply(
                ReferralState.ADMINISTRATIVE_REVIEW, ReferralStep.SEND_OPINION, PartyType.PROCURATORATE, Set.of());

        Deadline reply = due(sent.opened().get(0), beijing("2025-07-31T15:00"));

        assertEquals(Instant.parse("2025-09-30T15:59:59.999999Z"), reply.dueAt());
        assertTrue(clock.isOverdue(reply, beijing("2025-10-01T00:00")));
    }
}
