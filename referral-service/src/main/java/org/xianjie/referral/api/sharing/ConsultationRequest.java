package org.xianjie.referral.api.sharing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 案件咨询: a question to the police or procuratorate about a case still under investigation. */
@Schema(example = """
        {"to": "TJ-PSB", "caseId": null, "caseNumber": "津市监处〔2026〕12号", "title": "销售侵权复制品案是否达到追诉标准",
         "question": "当事人销售侵权光盘约800张，违法所得尚在核实，是否宜先行移送？", "occurredAt": null}""")
public record ConsultationRequest(
        @NotBlank @Size(max = 32) String to,
        UUID caseId,
        @Size(max = 64) String caseNumber,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 8000) String question,
        OffsetDateTime occurredAt) {}
