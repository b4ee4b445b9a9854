package org.xianjie.referral.persistence.sharing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.xianjie.referral.domain.sharing.AddresseeState;

/** One addressee of a shared item and where it stands. */
@Entity
@Table(name = "sharing_addressee")
public class AddresseeRecord {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "item_id", nullable = false)
    public UUID itemId;

    @Column(name = "agency_code", nullable = false)
    public String agencyCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AddresseeState state;

    @Column(name = "forwarded_from")
    public String forwardedFrom;

    @Column(name = "added_at", nullable = false)
    public OffsetDateTime addedAt;

    @Column(name = "read_at")
    public OffsetDateTime readAt;

    @Column(name = "replied_at")
    public OffsetDateTime repliedAt;

    public String reply;
}
