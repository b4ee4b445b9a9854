package org.xianjie.referral.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SuspectRepository implements PanacheRepositoryBase<SuspectRecord, UUID> {

    /** The suspects of a referral in the order they were recorded. */
    public Uni<List<SuspectRecord>> ofReferral(UUID referralId) {
        return list("referralId = ?1 order by recordedAt, id", referralId);
    }

    /** The suspects of every referral of a case (the set-off of one penalty spans them all). */
    public Uni<List<SuspectRecord>> ofCase(UUID caseId) {
        return list("caseId = ?1", caseId);
    }

    /** The keyed identity hashes of the parties of a case's penalty, as case events announced them. */
    public Uni<List<String>> penaltyParties(UUID caseId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select identity_hash from known_case_party where case_id = :caseId", String.class)
                        .setParameter("caseId", caseId)
                        .getResultList());
    }
}
