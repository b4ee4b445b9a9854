package org.xianjie.referral.service;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.xianjie.referral.domain.criminal.SuspectDecisionInput;
import org.xianjie.referral.domain.criminal.Verdict;

/**
 * A suspect a step decides for. {@code decision} only where the step allows more than one outcome
 * ({@code APPROVED} / {@code NOT_APPROVED} on APPROVE_ARREST, {@code PROSECUTED} / {@code
 * NOT_PROSECUTED} on PROSECUTE; absent: the step's own); the judgment's terms only on RENDER_JUDGMENT.
 */
@Schema(example = """
        {"suspectId": "3f1c2a9e-8d4b-4c1e-9a57-2b6f0d3e4c11", "verdict": "GUILTY", "imprisonmentMonths": 30,
         "probationMonths": 36, "criminalFine": 150000}""")
public record SuspectDecisionRequest(
        @NotNull UUID suspectId,
        @Size(max = 32) String decision,
        Verdict verdict,
        @Min(0) @Max(300) Integer imprisonmentMonths,
        @Min(0) @Max(60) Integer probationMonths,
        @DecimalMin("0") @Digits(integer = 14, fraction = 2) BigDecimal criminalFine) {

    SuspectDecisionInput toInput() {
        return new SuspectDecisionInput(
                suspectId, decision, verdict, imprisonmentMonths, probationMonths, criminalFine);
    }
}
