package org.xianjie.cases.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.xianjie.cases.domain.CaseCategory;

import java.time.LocalDate;

/** Opening an administrative case (立案). */
public record OpenCaseRequest(
        @NotBlank @Size(max = 64) String caseNumber,
        @NotNull CaseCategory category,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 4000) String summary,
        @NotNull @PastOrPresent LocalDate openedOn) {
}
