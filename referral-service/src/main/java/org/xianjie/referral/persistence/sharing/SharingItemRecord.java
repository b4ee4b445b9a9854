package org.xianjie.referral.persistence.sharing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.xianjie.referral.domain.sharing.SharingKind;

/** A shared item: bulletin, clue, consultation, early intervention or joint meeting. */
@Entity
@Table(name = "sharing_item")
public class SharingItemRecord {
    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SharingKind kind;

    @Column(name = "sender_agency", nullable = false)
    public String senderAgency;

    @Column(name = "sender_user")
    public String senderUser;

    @Column(nullable = false)
    public String region;

    @Column(nullable = false)
    public String title;
    /** The kind's own fields as JSON (what, who, where, evidence digests; question; agenda; ...). */
    @Column(nullable = false)
    public String content;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "case_number")
    public String caseNumber;

    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "linked_case_id")
    public UUID linkedCaseId;

    @Column(nullable = false)
    public String state;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(nullable = false)
    public long version;

    /** The Kafka record key: the case when the item concerns one (its events stay in the case's order), else the item. */
    public String recordKey() {
        return caseId != null ? caseId.toString() : id.toString();
    }
}
