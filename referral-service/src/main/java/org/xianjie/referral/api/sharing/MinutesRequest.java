package org.xianjie.referral.api.sharing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The minutes of a meeting, its decisions, and follow-up tasks each with an assignee and a due date. */
@Schema(example = """
        {"minutes": "与会单位通报了重大案件办理进展……", "decisions": ["建立案件会商机制"],
         "tasks": [{"assignee": "TJ-PSB", "description": "反馈假冒商标案侦查进展", "dueOn": "2026-03-31"}],
         "occurredAt": null}""")
public record MinutesRequest(
        @NotBlank @Size(max = 20000) String minutes,
        @Size(max = 100) List<@NotBlank @Size(max = 2000) String> decisions,
        @Size(max = 100) List<@Valid @NotNull TaskInput> tasks,
        OffsetDateTime occurredAt) {

    public record TaskInput(
            @NotBlank @Size(max = 32) String assignee,
            @NotBlank @Size(max = 2000) String description,
            @NotNull LocalDate dueOn) {}
}
