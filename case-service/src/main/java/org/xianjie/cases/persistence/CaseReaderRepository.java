package org.xianjie.cases.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CaseReaderRepository implements PanacheRepositoryBase<CaseReaderRecord, CaseReaderRecord.Key> {

    public Uni<List<String>> readersOf(UUID caseId) {
        return list("caseId = ?1", caseId)
                .map(rows -> rows.stream().map(r -> r.agencyCode).toList());
    }
}
