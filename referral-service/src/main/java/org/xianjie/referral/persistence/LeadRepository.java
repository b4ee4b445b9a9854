package org.xianjie.referral.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class LeadRepository implements PanacheRepositoryBase<LeadRecord, UUID> {

    /**
     * The leads a procuratorate handles, newest first: those raised for it and, as
     * ReferralAccess.canHandleLead says, those of every region it supervises ({@code supervisedPrefix}).
     */
    public Uni<List<LeadRecord>> forProcuratorate(String procuratorate, String supervisedPrefix,
                                                  LeadRecord.State state) {
        String visible = "(procuratorateCode = ?1 or region like ?2)";
        String like = supervisedPrefix == null ? "-" : supervisedPrefix + "%";
        return state == null
                ? list(visible + " order by raisedAt desc", procuratorate, like)
                : list(visible + " and state = ?3 order by raisedAt desc", procuratorate, like, state);
    }

    public Uni<Long> countOpenForCase(UUID caseId) {
        return count("caseId = ?1 and state = ?2", caseId, LeadRecord.State.OPEN);
    }
}
