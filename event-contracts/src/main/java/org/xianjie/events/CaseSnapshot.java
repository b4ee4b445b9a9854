package org.xianjie.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The data of every case event: the case as it stands after the change (event-carried state).
 * Identity numbers of parties never travel in clear: {@code partyIdentityHashes} holds their
 * SHA-256 so that repeat offenders can be matched without spreading personal data.
 * {@code occurredAt} is when the act announced by the event happened (stated by the agency, or the
 * CloudEvent {@code time} it posted; else the time of the request), {@code recordedAt} when
 * case-service recorded it. Both are absent on events from before they were introduced.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseSnapshot(
        UUID caseId,
        String agencyCode,
        String caseNumber,
        String category,
        String region,
        String title,
        String state,
        Amounts amounts,
        Penalty penalty,
        List<String> partyIdentityHashes,
        int evidenceCount,
        long version,
        OffsetDateTime occurredAt,
        OffsetDateTime recordedAt) {

    public CaseSnapshot(
            UUID caseId,
            String agencyCode,
            String caseNumber,
            String category,
            String region,
            String title,
            String state,
            Amounts amounts,
            Penalty penalty,
            List<String> partyIdentityHashes,
            int evidenceCount,
            long version) {
        this(
                caseId,
                agencyCode,
                caseNumber,
                category,
                region,
                title,
                state,
                amounts,
                penalty,
                partyIdentityHashes,
                evidenceCount,
                version,
                null,
                null);
    }

    /**
     * The amounts and counts the criminal filing thresholds need (非法经营数额, 违法所得, ...). The
     * last six were added for 法释〔2025〕5号 and are absent on older events (consumers read absent
     * as "not established"): {@code lossOrGains} trade secrets (art. 219), {@code serviceMark} the
     * counterfeited marks are service marks (art. 213), and the online figures of art. 217.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Amounts(
            BigDecimal illegalBusinessVolume,
            BigDecimal illegalGains,
            BigDecimal sales,
            BigDecimal unsoldGoodsValue,
            Integer copies,
            Integer marks,
            BigDecimal lossOrGains,
            Boolean serviceMark,
            Long onlineWorks,
            Long downloads,
            Long clicks,
            Long registeredMembers) {

        /** The figures of the first contract version. */
        public Amounts(
                BigDecimal illegalBusinessVolume,
                BigDecimal illegalGains,
                BigDecimal sales,
                BigDecimal unsoldGoodsValue,
                Integer copies,
                Integer marks) {
            this(
                    illegalBusinessVolume,
                    illegalGains,
                    sales,
                    unsoldGoodsValue,
                    copies,
                    marks,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
        }
    }

    /**
     * 行政处罚决定: number (文号), date, fine and confiscation; {@code revocation} once the
     * deciding agency revoked it (absent while it stands, and on events from before revocations).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Penalty(
            String decisionNumber,
            LocalDate decisionDate,
            BigDecimal fine,
            BigDecimal confiscation,
            String otherMeasures,
            Revocation revocation) {

        /** A decision in force. */
        public Penalty(
                String decisionNumber,
                LocalDate decisionDate,
                BigDecimal fine,
                BigDecimal confiscation,
                String otherMeasures) {
            this(decisionNumber, decisionDate, fine, confiscation, otherMeasures, null);
        }
    }

    /** 撤销: why and when the deciding agency revoked its decision. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Revocation(String reason, OffsetDateTime revokedAt) {}
}
