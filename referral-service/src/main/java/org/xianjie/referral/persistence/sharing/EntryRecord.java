package org.xianjie.referral.persistence.sharing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One act on a shared item (append only). */
@Entity
@Table(name = "sharing_entry")
public class EntryRecord {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "item_id", nullable = false)
    public UUID itemId;

    @Column(nullable = false)
    public String act;

    @Column(name = "actor_agency", nullable = false)
    public String actorAgency;

    @Column(name = "actor_user")
    public String actorUser;

    public String text;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
}
