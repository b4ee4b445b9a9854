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
import org.xianjie.referral.domain.access.ReferralAccess;
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
    /** The agency asked the police in before sending (early intervention, consultation). */
    @Column(name = "police_invited", nullable = false)
    public boolean policeInvited;
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

    /** The agency named for {@code party}, party yet or not (see {@link ReferralAccess}), or null. */
    public String agencyOf(PartyType party) {
        return switch (party) {
            case ADMINISTRATIVE -> agencyCode;
            case POLICE -> policeCode;
            case PROCURATORATE -> procuratorateCode;
            case COURT -> courtCode;
        };
    }

    /** The facts {@link ReferralAccess} decides on. */
    public ReferralAccess.Referral access() {
        return new ReferralAccess.Referral(
                region, agencyCode, policeCode, procuratorateCode, courtCode, forwardedFrom, state, policeInvited);
    }
}
