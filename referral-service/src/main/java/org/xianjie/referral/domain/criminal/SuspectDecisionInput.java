package org.xianjie.referral.domain.criminal;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A suspect named by a step, with the decision for them where the step allows more than one
 * ({@code APPROVED}/{@code NOT_APPROVED} on {@code APPROVE_ARREST}, {@code PROSECUTED}/{@code
 * NOT_PROSECUTED} on {@code PROSECUTE}; absent means the step's own) and the judgment's terms on
 * {@code RENDER_JUDGMENT}.
 */
public record SuspectDecisionInput(
        UUID suspectId,
        String decision,
        Verdict verdict,
        Integer imprisonmentMonths,
        Integer probationMonths,
        BigDecimal criminalFine) {

    public static SuspectDecisionInput named(UUID suspectId) {
        return new SuspectDecisionInput(suspectId, null, null, null, null, null);
    }
}
