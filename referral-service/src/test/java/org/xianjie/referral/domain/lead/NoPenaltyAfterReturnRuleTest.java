package org.xianjie.referral.domain.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xianjie.referral.domain.process.ReferralStep;

/** 不刑不罚 and the request to refer, as pure rules. */
class NoPenaltyAfterReturnRuleTest {

    private static final Instant DUE = Instant.parse("2026-05-10T15:59:59Z");

    @Test
    void unpenalisedCaseIsALeadOnlyAfterTheLimit() {
        assertThat(NoPenaltyAfterReturn.leadDue(DUE, false, DUE)).isFalse();
        assertThat(NoPenaltyAfterReturn.leadDue(DUE, false, DUE.plusSeconds(1))).isTrue();
    }

    @Test
    void penalisedCaseIsNeverALead() {
        assertThat(NoPenaltyAfterReturn.leadDue(DUE, true, DUE.plusSeconds(86_400 * 30)))
                .isFalse();
    }

    @Test
    void theLimitCountsFromTheLatestHandBack() {
        Instant filed = Instant.parse("2026-03-01T02:00:00Z");
        Instant returned = Instant.parse("2026-03-09T02:00:00Z");
        List<NoPenaltyAfterReturn.Act> history = List.of(
                new NoPenaltyAfterReturn.Act(ReferralStep.FILE, filed),
                new NoPenaltyAfterReturn.Act(ReferralStep.RETURN_NO_CRIME, returned));
        assertThat(NoPenaltyAfterReturn.handedBack(history)).contains(history.get(1));
        assertThat(NoPenaltyAfterReturn.handedBack(history.subList(0, 1))).isEmpty();
    }

    @Test
    void requestToReferIsMetByAReferralEvenWhenOverdue() {
        assertThat(ReferralRequestRule.status(DUE, true, true, DUE.plusSeconds(60)))
                .isEqualTo(ReferralRequestRule.Status.MET);
    }

    @Test
    void requestToReferIsOverdueOnceAfterItsLimit() {
        assertThat(ReferralRequestRule.status(DUE, false, false, DUE)).isEqualTo(ReferralRequestRule.Status.WAITING);
        assertThat(ReferralRequestRule.status(DUE, false, false, DUE.plusSeconds(1)))
                .isEqualTo(ReferralRequestRule.Status.NEWLY_OVERDUE);
        assertThat(ReferralRequestRule.status(DUE, true, false, DUE.plusSeconds(2)))
                .isEqualTo(ReferralRequestRule.Status.WAITING);
    }
}
