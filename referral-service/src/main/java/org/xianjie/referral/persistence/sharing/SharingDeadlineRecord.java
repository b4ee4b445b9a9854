package org.xianjie.referral.persistence.sharing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;
import org.xianjie.referral.persistence.TimeLimitRecord;

/**
 * A reply limit or task deadline on a shared item. Every one is a duty of its responsible agency:
 * reminded once before it ends, breached once if still open after. Updates write only changed
 * columns, so closing one never writes over a worker's marks.
 */
@Entity
@DynamicUpdate
@Table(name = "sharing_deadline")
public class SharingDeadlineRecord extends TimeLimitRecord {
    @Column(name = "item_id", nullable = false)
    public UUID itemId;

    @Column(name = "responsible_agency", nullable = false)
    public String responsibleAgency;

    @Column(name = "task_id")
    public UUID taskId;
}
