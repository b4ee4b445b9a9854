package org.xianjie.cases.service.command;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.xianjie.cases.service.command.validation.Amount;
import org.xianjie.cases.service.command.validation.NotInFuture;

/** 行政处罚决定: the decision number (文号), its date and what it imposes. */
public record PenaltyRequest(
        @Schema(description = "文号, e.g. 津市监罚〔2026〕12号") @NotBlank @Size(max = 100)
        String decisionNumber,

        @NotNull @NotInFuture LocalDate decisionDate,
        @Schema(description = "罚款 (yuan)") @Amount BigDecimal fine,
        @Schema(description = "没收违法所得 (yuan)") @Amount BigDecimal confiscation,

        @Schema(description = "Other measures, e.g. 没收侵权商品, 警告") @Size(max = 2000)
        String otherMeasures,

        @Schema(description = "When the act happened (ISO-8601 with offset); default: the time of the request")
        OffsetDateTime occurredAt) {}
