package org.xianjie.referral.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.xianjie.events.CaseCategory;
import org.xianjie.referral.domain.process.ReferralStep;

/**
 * Opens a referral. By default the case team's report (移送报告, {@code REPORT}) of an
 * administrative agency; a procuratorate opens a reverse referral with
 * {@code RECORD_NON_PROSECUTION} and names the agency that is to receive its opinion.
 * The case fields are taken from case-service's events when the case is known there.
 * {@code caseTeam} (two or more officers, Decree 310 art. 5) is required for {@code REPORT};
 * {@code occurredAt} is when the act happened (default: now).
 */
@Schema(example = """
        {"caseId": "3f6c1d2e-8a7b-4c5d-9e0f-1a2b3c4d5e6f", "caseNumber": "津市监处〔2026〕12号",
         "caseTitle": "销售假冒注册商标的商品案", "category": "TRADEMARK",
         "reason": "非法经营数额约12万元，涉嫌销售假冒注册商标的商品罪", "caseTeam": ["张伟", "李娜"]}""")
public record StartReferralRequest(
        @NotNull UUID caseId,
        @Size(max = 64) String caseNumber,
        @Size(max = 200) String caseTitle,
        CaseCategory category,
        @Size(max = 4000) String reason,
        @Size(max = 20) List<@NotBlank @Size(max = 100) String> caseTeam,
        ReferralStep startStep,
        @Size(max = 32) String agencyCode,
        OffsetDateTime occurredAt) {}
