package org.xianjie.referral.api.sharing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 转交: the agency a clue goes on to, and why. */
@Schema(example = """
        {"to": "HD-PSB", "reason": "属黄岛分局管辖", "occurredAt": null}""")
public record ForwardRequest(
        @NotBlank @Size(max = 32) String to,
        @NotBlank @Size(max = 4000) String reason,
        OffsetDateTime occurredAt) {}
