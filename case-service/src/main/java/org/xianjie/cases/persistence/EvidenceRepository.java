package org.xianjie.cases.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class EvidenceRepository implements PanacheRepositoryBase<EvidenceRecord, UUID> {

    public Uni<List<EvidenceRecord>> ofCase(UUID caseId) {
        return list("caseId = ?1 order by createdAt, id", caseId);
    }

    public Uni<Boolean> hasDigest(UUID caseId, String sha256) {
        return count("caseId = ?1 and sha256 = ?2", caseId, sha256).map(n -> n > 0);
    }
}
