package org.xianjie.cases.service.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.xianjie.cases.service.command.validation.NotInFuture;
import org.xianjie.events.CaseCategory;

/** Opening an administrative case (立案). */
public record OpenCaseRequest(
        @Schema(description = "Optional; if given it must be the agency of the token") @Size(max = 32)
        String agencyCode,

        @Schema(description = "The agency's own case number, unique per agency") @NotBlank @Size(max = 64)
        String caseNumber,

        @NotNull CaseCategory category,

        @Schema(description = "GB/T 2260 region code; defaults to the agency's region")
        @Pattern(regexp = "\\d{6}", message = "must be a 6-digit GB/T 2260 region code")
        String region,

        @NotBlank @Size(max = 200) String title,
        @Size(max = 4000) String summary,

        @Schema(description = "Date the case was opened (Beijing time), not in the future") @NotNull @NotInFuture
        LocalDate openedOn,

        @Valid AmountsInput amounts,
        @Size(max = 50) List<@Valid @NotNull PartyInput> parties,

        @Schema(description = "When the act happened (ISO-8601 with offset); default: the time of the request")
        OffsetDateTime occurredAt) {}
