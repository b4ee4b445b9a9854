package org.xianjie.referral.persistence.sharing;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.xianjie.referral.domain.sharing.SharingKind;

@ApplicationScoped
public class SharingItemRepository implements PanacheRepositoryBase<SharingItemRecord, UUID> {

    /** Items with a reminder or breach due at {@code :at}; the worker checks each condition again per row. */
    private static final String LOCK_DUE = """
            select i.* from sharing_item i where i.id in (
                select d.item_id from sharing_deadline d
                where d.closed_at is null and d.breached_at is null
                  and ((d.reminded_at is null and d.reminder_at <= :at and d.due_at >= :at) or d.due_at < :at)
                group by d.item_id order by min(least(d.reminder_at, d.due_at)) limit :limit)
            for no key update of i skip locked""";

    /** The item, locked until the transaction ends: every writer of an item serialises on its row. */
    public Uni<SharingItemRecord> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<List<SharingItemRecord>> lockWithDueDeadlines(OffsetDateTime at, int limit) {
        return getSession()
                .chain(session -> session.createNativeQuery(LOCK_DUE, SharingItemRecord.class)
                        .setParameter("at", at)
                        .setParameter("limit", limit)
                        .getResultList());
    }

    /** Items of a kind the agency sent or is addressed to, newest first. */
    public Uni<List<SharingItemRecord>> visibleTo(String agency, SharingKind kind, int limit) {
        return find("""
                kind = ?2 and (senderAgency = ?1 or id in (select a.itemId from AddresseeRecord a where a.agencyCode = ?1))
                order by recordedAt desc""", agency, kind).page(0, limit).list();
    }
}
