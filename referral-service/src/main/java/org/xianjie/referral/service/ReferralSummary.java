package org.xianjie.referral.service;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.xianjie.referral.domain.process.ReferralState;

/** A referral in a list: enough to pick it and see whether anything is overdue. */
public record ReferralSummary(
        UUID id,
        UUID caseId,
        String caseNumber,
        String caseTitle,
        String region,
        ReferralState state,
        ReferralView.Parties parties,
        boolean overdue,
        OffsetDateTime nextDueAt,
        OffsetDateTime updatedAt,
        long version) {}
