package org.xianjie.cases.service.command;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.xianjie.cases.service.command.validation.NotInFuture;

/** Closing a case (结案). */
public record CloseCaseRequest(
        @NotNull @NotInFuture LocalDate closedOn,
        @Size(max = 2000) String reason,

        @Schema(description = "When the act happened (ISO-8601 with offset); default: the time of the request")
        OffsetDateTime occurredAt) {}
