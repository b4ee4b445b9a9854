package org.xianjie.referral.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.xianjie.referral.domain.process.ReferralState;

@ApplicationScoped
public class ReferralRepository implements PanacheRepositoryBase<ReferralRecord, UUID> {

    public Uni<List<ReferralRecord>> findByCase(UUID caseId) {
        return list("caseId", caseId);
    }

    /**
     * The referrals {@code agency} may read, newest first: those it is party to, and for a
     * procuratorate every referral of the regions it supervises ({@code supervisedPrefix}, from
     * ReferralAccess.supervisedRegionPrefix; null for other agencies).
     */
    public Uni<List<ReferralRecord>> visibleTo(String agency, String supervisedPrefix,
                                                Set<ReferralState> beforeSending, ListFilter filter,
                                                OffsetDateTime now) {
        // The same rule as ReferralAccess.canRead, as a query: the police only once sent or invited.
        StringBuilder query = new StringBuilder("""
                from ReferralRecord r where (r.agencyCode = :me or r.procuratorateCode = :me
                 or r.policeCode = :me and (r.policeInvited = true or r.state not in :beforeSending)
                 or r.courtCode = :me or r.forwardedFrom = :me or r.region like :supervised)""");
        // A GB/T 2260 prefix is digits only; "-" matches no region.
        Parameters params = Parameters.with("me", agency).and("supervised",
                supervisedPrefix == null ? "-" : supervisedPrefix + "%").and("beforeSending", beforeSending);
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
    public record ListFilter(ReferralState state, Boolean overdue, String agency, String region, int page, int size) {
    }
}
