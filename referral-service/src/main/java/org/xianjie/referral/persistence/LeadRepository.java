package org.xianjie.referral.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class LeadRepository implements PanacheRepositoryBase<LeadRecord, UUID> {

    public Uni<List<LeadRecord>> forProcuratorate(String procuratorate, LeadRecord.State state) {
        return state == null
                ? list("procuratorateCode = ?1 order by raisedAt desc", procuratorate)
                : list("procuratorateCode = ?1 and state = ?2 order by raisedAt desc", procuratorate, state);
    }

    public Uni<Long> countOpenForCase(UUID caseId) {
        return count("caseId = ?1 and state = ?2", caseId, LeadRecord.State.OPEN);
    }
}
