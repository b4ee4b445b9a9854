package org.xianjie.cases.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TimelineRepository implements PanacheRepositoryBase<TimelineRecord, Long> {

    public Uni<List<TimelineRecord>> ofCase(UUID caseId) {
        return list("caseId = ?1 order by id", caseId);
    }
}
