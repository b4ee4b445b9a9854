package org.xianjie.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The data of a credit feed event (联合奖惩): a public penalty decision as it stands at
 * {@code decisionVersion} (1 when first published, +1 for each correction). Parties travel only as
 * keyed hashes (HMAC-SHA256 under a key shared with the credit platform over the suite's SHA-256 of
 * the identity number), never as identity numbers. {@code revocation} is present only on
 * {@link CreditFeedEventTypes#PENALTY_REVOKED}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreditPenalty(
        UUID caseId,
        String caseNumber,
        String agencyCode,
        String region,
        String category,
        String decisionNumber,
        LocalDate decisionDate,
        BigDecimal fine,
        BigDecimal confiscation,
        String otherMeasures,
        List<String> partyKeyedHashes,
        int decisionVersion,
        long caseVersion,
        Revocation revocation) {

    /** A decision in force. */
    public CreditPenalty(
            UUID caseId,
            String caseNumber,
            String agencyCode,
            String region,
            String category,
            String decisionNumber,
            LocalDate decisionDate,
            BigDecimal fine,
            BigDecimal confiscation,
            String otherMeasures,
            List<String> partyKeyedHashes,
            int decisionVersion,
            long caseVersion) {
        this(
                caseId,
                caseNumber,
                agencyCode,
                region,
                category,
                decisionNumber,
                decisionDate,
                fine,
                confiscation,
                otherMeasures,
                partyKeyedHashes,
                decisionVersion,
                caseVersion,
                null);
    }

    /** 撤销: why and when the deciding agency revoked the decision. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Revocation(String reason, OffsetDateTime revokedAt) {}
}
