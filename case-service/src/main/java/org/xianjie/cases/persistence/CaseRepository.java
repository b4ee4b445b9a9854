package org.xianjie.cases.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<CaseRecord, UUID> {

    public Uni<CaseRecord> findByNumber(String agencyCode, String caseNumber) {
        return find("agencyCode = ?1 and caseNumber = ?2", agencyCode, caseNumber)
                .firstResult();
    }

    /** A page of cases matching an HQL condition, newest first (the order the cursor follows). */
    public Uni<List<CaseRecord>> page(String where, Map<String, Object> parameters, int limit) {
        return find(where + " order by createdAt desc, id desc", parameters)
                .range(0, limit - 1)
                .list();
    }
}
