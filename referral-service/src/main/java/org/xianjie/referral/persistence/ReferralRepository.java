package org.xianjie.referral.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.xianjie.referral.domain.process.ReferralState;

@ApplicationScoped
public class ReferralRepository implements PanacheRepositoryBase<ReferralRecord, UUID> {

    /** Referrals with a reminder or a breach due at {@code :at}: the conditions the worker checks again per row. */
    private static final String LOCK_DUE = """
            select r.* from referral r where r.id in (
                select d.referral_id from deadline d
                where d.closed_at is null and d.breached_at is null
                  and ((d.reminded_at is null and d.reminder_at <= :at and d.due_at >= :at)
                       or (d.kind = 'DUTY' and d.due_at < :at))
                group by d.referral_id order by min(least(d.reminder_at, d.due_at)) limit :limit)
            for no key update of r skip locked""";

    /**
     * The referral, locked until the transaction ends. Every writer of a referral takes this lock
     * before touching it or its deadlines, so writers of one case run one after the other and
     * append their events to the outbox in that order.
     */
    public Uni<ReferralRecord> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Locks up to {@code limit} referrals that have a reminder or breach due at {@code at},
     * skipping those another writer holds (they are due again at the next run).
     */
    public Uni<List<ReferralRecord>> lockWithDueDeadlines(OffsetDateTime at, int limit) {
        return getSession()
                .chain(session -> session.createNativeQuery(LOCK_DUE, ReferralRecord.class)
                        .setParameter("at", at)
                        .setParameter("limit", limit)
                        .getResultList());
    }

    /**
     * Serialises the writers that decide by "does this case have a referral?" (opening one, screening
     * a penalty decision for a lead) on the case, for the rest of the transaction. The case may not
     * be known yet, so a row lock is not available: a transaction-scoped advisory lock names it.
     */
    public Uni<Void> lockCase(UUID caseId) {
        return getSession()
                .chain(session -> session.createNativeQuery(
                                "select 1 from (select pg_advisory_xact_lock(hashtextextended(:key, 0))) l")
                        .setParameter("key", "case:" + caseId)
                        .getSingleResult())
                .replaceWithVoid();
    }

    public Uni<List<ReferralRecord>> findByCase(UUID caseId) {
        return list("caseId", caseId);
    }

    /**
     * The referrals {@code agency} may read, newest first: those it is party to, and for a
     * procuratorate every referral of the regions it supervises ({@code supervisedPrefix}, from
     * ReferralAccess.supervisedRegionPrefix; null for other agencies).
     */
    public Uni<List<ReferralRecord>> visibleTo(
            String agency,
            String supervisedPrefix,
            Set<ReferralState> beforeSending,
            ListFilter filter,
            OffsetDateTime now) {
        // The same rule as ReferralAccess.canRead, as a query: the police only once sent or invited.
        StringBuilder query = new StringBuilder("""
                from ReferralRecord r where (r.agencyCode = :me or r.procuratorateCode = :me
                 or r.policeCode = :me and (r.policeInvited = true or r.state not in :beforeSending)
                 or r.courtCode = :me or r.forwardedFrom = :me or r.region like :supervised)""");
        // A GB/T 2260 prefix is digits only; "-" matches no region.
        Parameters params = Parameters.with("me", agency)
                .and("supervised", supervisedPrefix == null ? "-" : supervisedPrefix + "%")
                .and("beforeSending", beforeSending);
        if (filter.state() != null) {
            query.append(" and r.state = :state");
            params.and("state", filter.state());
        }
        if (filter.agency() != null) {
            query.append(" and (r.agencyCode = :party or r.policeCode = :party or r.procuratorateCode = :party"
                    + " or r.courtCode = :party)");
            params.and("party", filter.agency());
        }
        if (filter.region() != null) {
            query.append(" and r.region = :region");
            params.and("region", filter.region());
        }
        if (filter.overdue() != null) {
            query.append(filter.overdue() ? " and exists" : " and not exists").append("""
                     (select 1 from DeadlineRecord d where d.referralId = r.id and d.closedAt is null
                      and d.kind = org.xianjie.referral.domain.process.DeadlineKind.DUTY and d.dueAt < :now)""");
            params.and("now", now);
        }
        query.append(" order by r.createdAt desc");
        return find(query.toString(), params).page(filter.page(), filter.size()).list();
    }

    /** Filters of the referral list; null means "any". */
    public record ListFilter(ReferralState state, Boolean overdue, String agency, String region, int page, int size) {}
}
