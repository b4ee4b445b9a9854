package org.xianjie.referral.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class KnownCaseRepository implements PanacheRepositoryBase<KnownCase, UUID> {

    /** Records the parties (identity hashes) of a case; repeated snapshots add nothing twice. */
    public Uni<Void> rememberParties(UUID caseId, List<String> identityHashes) {
        if (identityHashes == null || identityHashes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // Flush first: the case row the parties reference may still be pending in the session.
        return Panache.getSession()
                .chain(session -> session.flush()
                        .chain(() -> Multi.createFrom()
                                .iterable(Set.copyOf(identityHashes))
                                .onItem()
                                .transformToUniAndConcatenate(hash -> session.createNativeQuery("""
                                insert into known_case_party (case_id, identity_hash) values (:caseId, :hash)
                                on conflict do nothing""")
                                        .setParameter("caseId", caseId)
                                        .setParameter("hash", hash)
                                        .executeUpdate())
                                .collect()
                                .last()))
                .replaceWithVoid();
    }

    /**
     * Whether one of the parties was penalised in another case of the same category within the
     * two years before {@code decided} (二年内因同类行为受过行政处罚).
     */
    public Uni<Boolean> penalisedWithinTwoYears(
            UUID caseId, String category, List<String> identityHashes, LocalDate decided) {
        if (identityHashes == null || identityHashes.isEmpty() || decided == null) {
            return Uni.createFrom().item(false);
        }
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                        select count(*) from known_case k join known_case_party p on p.case_id = k.case_id
                        where p.identity_hash in (:hashes) and k.case_id <> :caseId
                          and k.category = :category and k.decision_date >= :since and k.decision_date <= :decided""", Long.class)
                        .setParameter("hashes", List.copyOf(identityHashes))
                        .setParameter("caseId", caseId)
                        .setParameter("category", category)
                        .setParameter("since", decided.minusYears(2))
                        .setParameter("decided", decided)
                        .getSingleResult())
                .map(count -> count > 0);
    }

    /** The keyed identity hashes of a case's parties. */
    public Uni<List<String>> partiesOf(UUID caseId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select identity_hash from known_case_party where case_id = :caseId order by identity_hash",
                                String.class)
                        .setParameter("caseId", caseId)
                        .getResultList());
    }

    /** Penalty decisions with recorded amounts decided on or after {@code from} (null: all), oldest first. */
    public Uni<List<KnownCase>> decidedWithAmountsSince(LocalDate from) {
        return from == null
                ? list("decisionDate is not null and amounts is not null order by decisionDate, caseId")
                : list("decisionDate >= ?1 and amounts is not null order by decisionDate, caseId", from);
    }

    /**
     * Penalty decisions (known cases with a decision date) in regions starting with
     * {@code supervisedPrefix} (what the caller supervises) and, if given, {@code regionPrefix};
     * {@code reviewed} true / false keeps those whose current decision has / has no review. Newest
     * decision first.
     */
    public Uni<List<KnownCase>> decided(
            String supervisedPrefix, String regionPrefix, Boolean reviewed, int page, int size) {
        StringBuilder q =
                new StringBuilder("from KnownCase k where k.decisionDate is not null and k.region like :supervised");
        io.quarkus.panache.common.Parameters p =
                io.quarkus.panache.common.Parameters.with("supervised", supervisedPrefix + "%");
        if (regionPrefix != null) {
            q.append(" and k.region like :region");
            p.and("region", regionPrefix + "%");
        }
        if (reviewed != null) {
            q.append(reviewed ? " and exists" : " and not exists")
                    .append(" (select 1 from PenaltyReviewRecord r"
                            + " where r.caseId = k.caseId and r.decisionDate = k.decisionDate)");
        }
        q.append(" order by k.decisionDate desc, k.caseId");
        return find(q.toString(), p).page(page, size).list();
    }
}
