package org.xianjie.cases.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.xianjie.cases.api.validation.NotInFuture;

import java.time.LocalDate;

/** Closing a case (结案). */
public record CloseCaseRequest(
        @NotNull @NotInFuture LocalDate closedOn,
        @Size(max = 2000) String reason) {
}
