package org.xianjie.cases.service.command;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 行政处罚决定的撤销: why the agency revokes its decision, and when. */
public record RevokePenaltyRequest(
        @Schema(description = "Why, e.g. 行政复议决定撤销 (津政复决〔2026〕3号) or 本机关自行纠正") @NotBlank @Size(max = 2000)
        String reason,

        @Schema(description = "When the revocation happened (ISO-8601 with offset); default: the time of the request")
        OffsetDateTime occurredAt) {}
