package org.xianjie.referral.api.sharing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * 重大案件通报: a case of the caller's (or of a referral it is party to) marked major, by the amount
 * rule ({@code amount} at or above the category's threshold) or by decision ({@code decision}: the reasons).
 */
@Schema(example = """
        {"caseId": "6f1c2a4e-8d3b-4c1e-9a57-0b2f3d4e5f60", "title": "滨海新区特大假冒注册商标案",
         "summary": "涉案仓库3处，涉案商品价值约800万元", "amount": 8000000, "decision": null,
         "occurredAt": "2026-03-02T09:00:00+08:00"}""")
public record BulletinRequest(
        @NotNull UUID caseId,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 8000) String summary,

        @PositiveOrZero @Schema(description = "The amount involved (yuan), checked against the major-case rule")
        BigDecimal amount,

        @Size(max = 4000)
        @Schema(description = "Reasons, when the case is major by decision rather than by the amount rule")
        String decision,

        OffsetDateTime occurredAt) {}
