package org.xianjie.referral.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * {@code threshold_screening}: the fingerprint of each threshold rule set as past decisions were
 * last screened against it.
 */
@ApplicationScoped
public class ThresholdScreeningRepository {

    public Uni<Optional<String>> fingerprint(String ruleSetId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select fingerprint from threshold_screening where rule_set_id = :id", String.class)
                        .setParameter("id", ruleSetId)
                        .getResultList())
                .map((List<String> rows) -> rows.stream().findFirst());
    }

    public Uni<Void> record(
            String ruleSetId, String fingerprint, int casesScreened, int leadsRaised, OffsetDateTime at) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                        insert into threshold_screening (rule_set_id, fingerprint, screened_at, cases_screened, leads_raised)
                        values (:id, :fingerprint, :at, :cases, :leads)
                        on conflict (rule_set_id) do update set fingerprint = excluded.fingerprint,
                            screened_at = excluded.screened_at, cases_screened = excluded.cases_screened,
                            leads_raised = excluded.leads_raised""")
                        .setParameter("id", ruleSetId)
                        .setParameter("fingerprint", fingerprint)
                        .setParameter("at", at)
                        .setParameter("cases", casesScreened)
                        .setParameter("leads", leadsRaised)
                        .executeUpdate())
                .replaceWithVoid();
    }
}
