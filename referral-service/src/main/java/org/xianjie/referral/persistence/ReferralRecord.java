package org.xianjie.referral.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.xianjie.referral.domain.process.PartyType;
import org.xianjie.referral.domain.process.ReferralState;

/** A referral (移送) as stored: its case, its parties and its state. */
@Entity
@Table(name = "referral")
public class ReferralRecord {
    @Id
    public UUID id;
    @Column(name = "case_id", nullable = false)
    public UUID caseId;
    @Column(name = "case_number", nullable = false)
    public String caseNumber;
    @Column(name = "case_title", nullable = false)
    public String caseTitle;
    @Column(nullable = false)
    public String category;
    @Column(nullable = false)
    public String region;
    @Column(name = "agency_code", nullable = false)
    public String agencyCode;
    @Column(name = "police_code")
    public String policeCode;
    @Column(name = "procuratorate_code")
    public String procuratorateCode;
    @Column(name = "court_code")
    public String courtCode;
    /** The police that signed the receipt and forwarded the case (转送); it keeps reading the referral. */
    @Column(name = "forwarded_from")
    public String forwardedFrom;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReferralState state;
    /** 专案组: the officers of the case team, one per line. */
    @Column(name = "case_team")
    public String caseTeam;
    /** The latest receipt (签收): extended filing reviews count from it. */
    @Column(name = "last_receipt_at")
    public OffsetDateTime lastReceiptAt;
    /** Set when case-service later announced the case under another agency than the referring one. */
    @Column(name = "case_conflict")
    public String caseConflict;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
    @Version
    public long version;

    /** The agency of {@code party} on this referral, or null when not (yet) known. */
    public String agencyOf(PartyType party) {
        return switch (party) {
            case ADMINISTRATIVE -> agencyCode;
            case POLICE -> policeCode;
            case PROCURATORATE -> procuratorateCode;
            case COURT -> courtCode;
        };
    }

    /** Whether {@code agency} is one of the parties (or the police that forwarded the case). */
    public boolean isParty(String agency) {
        return agency.equals(agencyCode) || agency.equals(policeCode) || agency.equals(procuratorateCode)
                || agency.equals(courtCode) || agency.equals(forwardedFrom);
    }
}
