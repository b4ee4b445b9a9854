package org.xianjie.cases.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.xianjie.cases.domain.CaseLifecycle;
import org.xianjie.cases.domain.CaseState;
import org.xianjie.cases.domain.EvidenceType;
import org.xianjie.cases.domain.Party;
import org.xianjie.cases.domain.PartyKind;
import org.xianjie.cases.persistence.CaseRecord;
import org.xianjie.cases.persistence.EvidenceRecord;
import org.xianjie.cases.service.CaseDetails;
import org.xianjie.events.CaseCategory;

/**
 * A case as its readers see it. Parties show identity numbers only as their last 4 characters; the
 * keyed hashes stay inside the suite (events for repeat-offender matching), never in a response;
 * {@code allowedSteps} names the actions the case's state allows its agency now.
 */
public record CaseView(
        UUID id,
        String agencyCode,
        String caseNumber,
        CaseCategory category,
        String region,
        String title,
        String summary,
        CaseState state,
        List<String> allowedSteps,
        LocalDate openedOn,
        Amounts amounts,
        List<PartyView> parties,
        Penalty penalty,
        List<Evidence> evidence,
        int evidenceCount,
        LocalDate closedOn,
        String closeReason,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        long version) {

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
            Long registeredMembers) {}

    /** A party (当事人): who, and the last 4 characters of the identity number to tell parties apart. */
    public record PartyView(PartyKind kind, String name, String role, String maskedIdentityNumber) {
        static PartyView of(Party p) {
            return new PartyView(p.kind(), p.name(), p.role(), p.maskedIdentityNumber());
        }
    }

    /** 行政处罚决定. */
    /** 行政处罚决定; {@code revocation} once the agency revoked it (撤销). */
    public record Penalty(
            String decisionNumber,
            LocalDate decisionDate,
            BigDecimal fine,
            BigDecimal confiscation,
            String otherMeasures,
            Revocation revocation) {}

    public record Revocation(String reason, OffsetDateTime revokedAt) {}

    public record Evidence(
            UUID id,
            EvidenceType type,
            String description,
            String sha256,
            String recordedBy,
            OffsetDateTime recordedAt) {
        static Evidence of(EvidenceRecord e) {
            return new Evidence(e.id, e.type, e.description, e.sha256, e.recordedBy, e.recordedAt);
        }
    }

    /** The full view; {@code evidence} null leaves the list out (listing pages). */
    public static CaseView of(CaseDetails details) {
        return of(details.record(), details.parties(), details.evidence());
    }

    static CaseView of(CaseRecord c, List<Party> parties, List<EvidenceRecord> evidence) {
        Penalty penalty = c.penaltyDecisionNumber == null
                ? null
                : new Penalty(
                        c.penaltyDecisionNumber,
                        c.penaltyDecisionDate,
                        c.penaltyFine,
                        c.penaltyConfiscation,
                        c.penaltyOtherMeasures,
                        c.penaltyRevokedAt == null
                                ? null
                                : new Revocation(c.penaltyRevocationReason, c.penaltyRevokedAt));
        return new CaseView(
                c.id,
                c.agencyCode,
                c.caseNumber,
                c.category,
                c.region,
                c.title,
                c.summary,
                c.state,
                CaseLifecycle.allowedSteps(c.state, c.penaltyInForce()),
                c.openedOn,
                new Amounts(
                        c.illegalBusinessVolume,
                        c.illegalGains,
                        c.sales,
                        c.unsoldGoodsValue,
                        c.copies,
                        c.marks,
                        c.lossOrGains,
                        c.serviceMark,
                        c.onlineWorks,
                        c.downloads,
                        c.clicks,
                        c.registeredMembers),
                parties.stream().map(PartyView::of).toList(),
                penalty,
                evidence == null ? null : evidence.stream().map(Evidence::of).toList(),
                c.evidenceCount,
                c.closedOn,
                c.closeReason,
                c.createdAt,
                c.updatedAt,
                c.version);
    }
}
