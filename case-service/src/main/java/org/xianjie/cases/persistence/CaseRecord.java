package org.xianjie.cases.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.xianjie.cases.domain.CaseState;
import org.xianjie.events.CaseCategory;

/** An administrative case (行政执法案件) as stored. */
@Entity
@Table(name = "admin_case")
public class CaseRecord {
    @Id
    public UUID id;

    @Column(name = "agency_code", nullable = false)
    public String agencyCode;

    @Column(name = "case_number", nullable = false)
    public String caseNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseCategory category;

    @Column(nullable = false)
    public String region;

    @Column(nullable = false)
    public String title;

    public String summary;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseState state;

    @Column(name = "opened_on", nullable = false)
    public LocalDate openedOn;

    @Column(name = "illegal_business_volume")
    public BigDecimal illegalBusinessVolume;

    @Column(name = "illegal_gains")
    public BigDecimal illegalGains;

    public BigDecimal sales;

    @Column(name = "unsold_goods_value")
    public BigDecimal unsoldGoodsValue;

    public Integer copies;
    public Integer marks;

    @Column(name = "loss_or_gains")
    public BigDecimal lossOrGains;

    @Column(name = "service_mark")
    public Boolean serviceMark;

    @Column(name = "online_works")
    public Long onlineWorks;

    public Long downloads;
    public Long clicks;

    @Column(name = "registered_members")
    public Long registeredMembers;

    /** JSON array of {@link org.xianjie.cases.domain.Party}: masked and hashed identity numbers only. */
    @Column(nullable = false)
    public String parties = "[]";

    @Column(name = "penalty_decision_number")
    public String penaltyDecisionNumber;

    @Column(name = "penalty_decision_date")
    public LocalDate penaltyDecisionDate;

    @Column(name = "penalty_fine")
    public BigDecimal penaltyFine;

    @Column(name = "penalty_confiscation")
    public BigDecimal penaltyConfiscation;

    @Column(name = "penalty_other_measures")
    public String penaltyOtherMeasures;

    /** 撤销: when the agency revoked its penalty decision; null while the decision stands. */
    @Column(name = "penalty_revoked_at")
    public OffsetDateTime penaltyRevokedAt;

    @Column(name = "penalty_revocation_reason")
    public String penaltyRevocationReason;

    /** A penalty decision is recorded and not revoked. */
    public boolean penaltyInForce() {
        return penaltyDecisionNumber != null && penaltyRevokedAt == null;
    }

    @Column(name = "closed_on")
    public LocalDate closedOn;

    @Column(name = "close_reason")
    public String closeReason;

    @Column(name = "evidence_count", nullable = false)
    public int evidenceCount;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
    /** When the case's latest act happened: a new act may not be stated before it. */
    @Column(name = "last_act_at")
    public OffsetDateTime lastActAt;

    @Version
    public long version;
}
