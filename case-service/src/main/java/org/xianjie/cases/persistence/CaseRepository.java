package org.xianjie.cases.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<CaseRecord, UUID> {

    public Uni<CaseRecord> findByNumber(String agencyCode, String caseNumber) {
        return find("agencyCode = ?1 and caseNumber = ?2", agencyCode, caseNumber).firstResult();
    }
}
