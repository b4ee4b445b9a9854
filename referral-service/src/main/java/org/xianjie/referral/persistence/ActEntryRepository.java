package org.xianjie.referral.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;

@ApplicationScoped
public class ActEntryRepository implements PanacheRepositoryBase<ActEntryRecord, Long> {

    /**
     * Acts that happened in [{@code from}, {@code to}) in regions starting with {@code regionPrefix},
     * optionally of one agency.
     */
    public Uni<List<ActEntryRecord>> inPeriod(
            String regionPrefix, OffsetDateTime from, OffsetDateTime to, String agency) {
        String query = "region like :prefix and occurredAt >= :from and occurredAt < :to"
                + (agency == null ? "" : " and agencyCode = :agency");
        Parameters params =
                Parameters.with("prefix", regionPrefix + "%").and("from", from).and("to", to);
        if (agency != null) {
            params.and("agency", agency);
        }
        return find(query, Sort.descending("delaySeconds"), params).list();
    }
}
