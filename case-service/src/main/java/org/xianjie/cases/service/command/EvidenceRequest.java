package org.xianjie.cases.service.command;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.xianjie.cases.domain.EvidenceType;
import org.xianjie.cases.service.command.validation.NotInFuture;

/** An evidence item (证据): what it is and the SHA-256 of its file; the file itself stays with the agency. */
public record EvidenceRequest(
        @NotNull EvidenceType type,
        @NotBlank @Size(max = 2000) String description,

        @Schema(description = "SHA-256 of the evidence file, 64 hex digits")
        @NotNull
        @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be the 64 hex digits of a SHA-256")
        String sha256,

        @Schema(description = "When the evidence was collected; defaults to now") @NotInFuture
        OffsetDateTime recordedAt,

        @Schema(description = "When the act happened (ISO-8601 with offset); default: the time of the request")
        OffsetDateTime occurredAt) {}
