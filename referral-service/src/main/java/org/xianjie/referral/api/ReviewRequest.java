package org.xianjie.referral.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.xianjie.referral.domain.review.ReviewOutcome;

/**
 * A procuratorate's review of a penalty decision (行政处罚决定审查): the outcome, a note saying why,
 * and when the review was made ({@code occurredAt}, default now; it may be keyed later, never
 * dated before the decision or in the future).
 */
@Schema(example = """
        {"outcome": "NO_ISSUE", "note": "经审查，罚没数额未达刑事立案追诉标准，处罚适当", "occurredAt": "2026-03-02T10:00:00+08:00"}""")
public record ReviewRequest(
        @NotNull ReviewOutcome outcome,
        @NotBlank @Size(max = 4000) String note,
        OffsetDateTime occurredAt) {}
