package org.xianjie.referral.api.sharing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 联席会议: convened for a region, with participants and an agenda of cases, clues and other items. */
@Schema(example = """
        {"title": "2026年第一季度行刑衔接联席会议", "region": "120000",
         "participants": ["TJ-PSB", "TJ-PROC", "TJ-IPO"],
         "agendaCases": [], "agendaClues": [], "agendaItems": ["通报重大案件办理情况"], "occurredAt": null}""")
public record MeetingRequest(
        @NotBlank @Size(max = 200) String title,

        @NotNull @Pattern(regexp = "\\d{6}", message = "must be a 6-digit GB/T 2260 region code")
        String region,

        @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 32) String> participants,
        @Size(max = 100) List<@NotNull UUID> agendaCases,
        @Size(max = 100) List<@NotNull UUID> agendaClues,
        @Size(max = 100) List<@NotBlank @Size(max = 500) String> agendaItems,
        OffsetDateTime occurredAt) {}
