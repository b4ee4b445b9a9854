package org.xianjie.referral.domain.lead;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.xianjie.referral.domain.process.ReferralState;
import org.xianjie.referral.domain.process.ReferralStep;

/**
 * 不刑不罚: a case the criminal side handed back for administrative handling must get its
 * administrative penalty. The hand-back is the police finding no crime and returning the case
 * (Decree 310 art. 13), the procuratorate accepting the police's reasons not to file (the case
 * stays with the agency), or the procuratorate's procuratorial opinion after non-prosecution
 * (行政处罚法 art. 27; SPP reverse-referral guideline 2024). If no penalty decision is on record when
 * the limit counted from that act has passed, the procuratorate gets a lead.
 */
public final class NoPenaltyAfterReturn {

    /** The states a referral rests in once the case is back with the agency for a penalty. */
    public static final Set<ReferralState> RETURNED = Set.of(
            ReferralState.RETURNED_NO_CRIME,
            ReferralState.REASONS_ACCEPTED,
            ReferralState.OPINION_SENT,
            ReferralState.OPINION_REPLIED);

    /** The steps that hand the case back; the limit counts from the latest of them. */
    public static final Set<ReferralStep> HAND_BACK =
            Set.of(ReferralStep.RETURN_NO_CRIME, ReferralStep.ACCEPT_REASONS, ReferralStep.SEND_OPINION);

    private NoPenaltyAfterReturn() {}

    /** One step of the referral's history: which, and when it happened. */
    public record Act(ReferralStep step, Instant occurredAt) {}

    /** When the case was handed back: the latest hand-back act, if any. */
    public static Optional<Act> handedBack(List<Act> history) {
        return history.stream()
                .filter(a -> HAND_BACK.contains(a.step()))
                .max(java.util.Comparator.comparing(Act::occurredAt));
    }

    /**
     * Whether the lead is due now.
     *
     * @param dueAt        end of the limit counted from the hand-back
     * @param penaltyKnown a penalty decision of the case is on record
     * @param now          the time of the check
     */
    public static boolean leadDue(Instant dueAt, boolean penaltyKnown, Instant now) {
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(now, "now");
        return !penaltyKnown && now.isAfter(dueAt);
    }
}
