package org.xianjie.referral.api.sharing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 提前介入: the procuratorate steps into a case the police filed from a referral. */
@Schema(example = """
        {"referralId": "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d", "purpose": "引导侦查机关固定销售数额及上下游证据",
         "occurredAt": null}""")
public record EarlyInterventionRequest(
        @NotNull UUID referralId,
        @NotBlank @Size(max = 8000) String purpose,
        OffsetDateTime occurredAt) {}
