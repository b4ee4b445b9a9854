package org.xianjie.referral.service.sharing;

import java.util.List;
import org.xianjie.referral.persistence.sharing.AddresseeRecord;
import org.xianjie.referral.persistence.sharing.EntryRecord;
import org.xianjie.referral.persistence.sharing.SharingDeadlineRecord;
import org.xianjie.referral.persistence.sharing.SharingItemRecord;
import org.xianjie.referral.persistence.sharing.TaskRecord;

/** A shared item as its sender or an addressee reads it: the item, its addressees, acts, tasks and limits. */
public record SharedItem(
        SharingItemRecord item,
        List<AddresseeRecord> addressees,
        List<EntryRecord> entries,
        List<TaskRecord> tasks,
        List<SharingDeadlineRecord> deadlines) {}
