package org.xianjie.referral.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class HistoryRepository implements PanacheRepositoryBase<HistoryRecord, Long> {

    public Uni<List<HistoryRecord>> forReferral(UUID referralId) {
        return list("referralId = ?1 order by id", referralId);
    }
}
