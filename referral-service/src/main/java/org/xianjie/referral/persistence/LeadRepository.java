package org.xianjie.referral.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.xianjie.referral.domain.process.ReferralState;

@ApplicationScoped
public class LeadRepository implements PanacheRepositoryBase<LeadRecord, UUID> {

    /**
     * The leads a procuratorate handles, newest first: those raised for it and, as
     * ReferralAccess.canHandleLead says, those of every region it supervises ({@code supervisedPrefix}).
     */
    public Uni<List<LeadRecord>> forProcuratorate(
            String procuratorate, String supervisedPrefix, LeadRecord.State state) {
        String visible = "(procuratorateCode = ?1 or region like ?2)";
        String like = supervisedPrefix == null ? "-" : supervisedPrefix + "%";
        return state == null
                ? list(visible + " order by raisedAt desc", procuratorate, like)
                : list(visible + " and state = ?3 order by raisedAt desc", procuratorate, like, state);
    }

    /** Serialises the follow-up of referral requests across replicas for the rest of the transaction. */
    public Uni<Void> lockReferralFollowUp() {
        return getSession()
                .chain(session -> session.createNativeQuery(
                                "select 1 from (select pg_advisory_xact_lock(hashtextextended('lead-referral-follow-up', 0))) l")
                        .getSingleResult())
                .replaceWithVoid();
    }

    /** Escalated leads whose request to refer is not met yet, earliest due first. */
    public Uni<List<LeadRecord>> awaitingReferral(int limit) {
        return find(
                        "state = ?1 and referralDueAt is not null and referralId is null order by referralDueAt, id",
                        LeadRecord.State.ESCALATED)
                .page(0, limit)
                .list();
    }

    /**
     * Referrals resting in a hand-back state whose case has no penalty decision on record and no
     * reverse-direction lead yet, oldest change first.
     */
    public Uni<List<ReferralRecord>> handedBackWithoutReverseLead(Collection<ReferralState> states, int limit) {
        return getSession()
                .chain(session -> session.createSelectionQuery(
                                "from ReferralRecord r"
                                        + " where r.state in (:states)"
                                        + " and not exists (select 1 from LeadRecord l where l.caseId = r.caseId and l.origin = :origin)"
                                        + " and not exists (select 1 from KnownCase k where k.caseId = r.caseId and k.decisionDate is not null)"
                                        + " order by r.updatedAt, r.id",
                                ReferralRecord.class)
                        .setParameter("states", List.copyOf(states))
                        .setParameter("origin", LeadRecord.Origin.NO_PENALTY_AFTER_RETURN)
                        .setMaxResults(limit)
                        .getResultList());
    }

    public Uni<Long> countOpenForCase(UUID caseId) {
        return count("caseId = ?1 and state = ?2", caseId, LeadRecord.State.OPEN);
    }
}
