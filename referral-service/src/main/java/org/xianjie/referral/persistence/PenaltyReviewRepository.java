package org.xianjie.referral.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PenaltyReviewRepository implements PanacheRepositoryBase<PenaltyReviewRecord, UUID> {

    /** Reviews of the given cases, oldest first. */
    public Uni<List<PenaltyReviewRecord>> ofCases(Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("caseId in ?1 order by occurredAt, recordedAt", List.copyOf(caseIds));
    }
}
