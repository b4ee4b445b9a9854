package org.xianjie.referral.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xianjie.referral.domain.statistics.Figure;
import org.xianjie.referral.domain.statistics.StatisticsYear;

/**
 * The year's figures counted in SQL, per agency, each by the date {@link Figure} names. Only rows
 * of regions starting with {@code prefix} are read; the service narrows further to what the caller
 * may see.
 */
@ApplicationScoped
public class StatisticsRepository {

    /** Referral steps counted as distinct referrals, on the referral's agency's row. */
    private static final Map<String, Figure> STEP_FIGURES = Map.of(
            "SEND", Figure.REFERRALS_SENT,
            "FILE", Figure.POLICE_FILED,
            "DECLINE", Figure.POLICE_DECLINED,
            "APPROVE_ARREST", Figure.ARRESTS_APPROVED_CASES,
            "PROSECUTE", Figure.PROSECUTED_CASES,
            "ACCEPT_CASE", Figure.COURT_ACCEPTED,
            "RENDER_JUDGMENT", Figure.COURT_JUDGED);

    public Uni<Map<Figure, Map<String, BigDecimal>>> count(StatisticsYear year, String prefix) {
        Map<Figure, Map<String, BigDecimal>> out = new EnumMap<>(Figure.class);
        OffsetDateTime from = OffsetDateTime.ofInstant(year.from(), ZoneOffset.UTC);
        OffsetDateTime until = OffsetDateTime.ofInstant(year.until(), ZoneOffset.UTC);
        LocalDate first = LocalDate.of(year.year(), 1, 1);
        LocalDate last = LocalDate.of(year.year(), 12, 31);
        String like = prefix + "%";
        return Panache.getSession()
                .chain(session -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    chain = chain.chain(() -> perAgency(
                                    session, """
                    select agency_code, count(*), coalesce(sum(case_value), 0) from case_fact
                    where opened_at >= :from and opened_at < :until and region like :like group by agency_code""", Map.of("from", from, "until", until, "like", like))
                            .invoke(rows -> rows.forEach(r -> {
                                put(out, Figure.ADMIN_CASES_FILED, r[0], r[1]);
                                put(out, Figure.CASE_VALUE, r[0], r[2]);
                            }))
                            .replaceWithVoid());
                    chain = chain.chain(() -> perAgency(
                                    session, """
                    select agency_code, count(*) from case_fact
                    where closed_at >= :from and closed_at < :until and region like :like group by agency_code""", Map.of("from", from, "until", until, "like", like))
                            .invoke(rows -> rows.forEach(r -> put(out, Figure.ADMIN_CASES_CLOSED, r[0], r[1])))
                            .replaceWithVoid());
                    chain = chain.chain(() -> perAgency(
                                    session, """
                    select agency_code, coalesce(sum(penalty_fine), 0), coalesce(sum(confiscation), 0) from case_fact
                    where decision_date >= :first and decision_date <= :last and region like :like
                    group by agency_code""", Map.of("first", first, "last", last, "like", like))
                            .invoke(rows -> rows.forEach(r -> {
                                put(out, Figure.FINES, r[0], r[1]);
                                put(out, Figure.CONFISCATIONS, r[0], r[2]);
                            }))
                            .replaceWithVoid());
                    chain = chain.chain(() -> perAgency(
                                    session,
                                    """
                    select r.agency_code, h.step, count(distinct r.id) from referral_history h
                    join referral r on r.id = h.referral_id
                    where h.step in (:steps) and h.occurred_at >= :from and h.occurred_at < :until
                      and r.region like :like
                    group by r.agency_code, h.step""",
                                    Map.of(
                                            "steps",
                                            List.copyOf(STEP_FIGURES.keySet()),
                                            "from",
                                            from,
                                            "until",
                                            until,
                                            "like",
                                            like))
                            .invoke(rows -> rows.forEach(r -> put(out, STEP_FIGURES.get((String) r[1]), r[0], r[2])))
                            .replaceWithVoid());
                    chain = chain.chain(() -> perAgency(
                                    session, """
                    select r.agency_code,
                           count(*) filter (where s.arrest_decision = 'APPROVED'
                                            and s.arrest_decided_at >= :from and s.arrest_decided_at < :until),
                           count(*) filter (where s.prosecution_decision = 'PROSECUTED'
                                            and s.prosecution_decided_at >= :from and s.prosecution_decided_at < :until)
                    from referral_suspect s join referral r on r.id = s.referral_id
                    where r.region like :like group by r.agency_code""", Map.of("from", from, "until", until, "like", like))
                            .invoke(rows -> rows.forEach(r -> {
                                put(out, Figure.ARRESTS_APPROVED_PERSONS, r[0], r[1]);
                                put(out, Figure.PROSECUTED_PERSONS, r[0], r[2]);
                            }))
                            .replaceWithVoid());
                    chain = chain.chain(() -> perAgency(
                                    session, """
                    select agency_code, count(distinct case_id) from penalty_review
                    where occurred_at >= :from and occurred_at < :until and region like :like group by agency_code""", Map.of("from", from, "until", until, "like", like))
                            .invoke(rows -> rows.forEach(r -> put(out, Figure.PENALTY_DECISIONS_REVIEWED, r[0], r[1])))
                            .replaceWithVoid());
                    chain = chain.chain(() -> perAgency(
                                    session, """
                    select agency_code, count(*) from lead
                    where raised_at >= :from and raised_at < :until and region like :like group by agency_code""", Map.of("from", from, "until", until, "like", like))
                            .invoke(rows -> rows.forEach(r -> put(out, Figure.LEADS_RAISED, r[0], r[1])))
                            .replaceWithVoid());
                    chain = chain.chain(() -> perAgency(
                                    session, """
                    select d.responsible_agency, count(*) from deadline d join referral r on r.id = d.referral_id
                    where d.breached_at is not null and d.responsible_agency is not null
                      and d.due_at >= :from and d.due_at < :until and r.region like :like
                    group by d.responsible_agency""", Map.of("from", from, "until", until, "like", like))
                            .invoke(rows -> rows.forEach(r -> put(out, Figure.DEADLINES_BREACHED, r[0], r[1])))
                            .replaceWithVoid());
                    return chain;
                })
                .replaceWith(out);
    }

    @SuppressWarnings("unchecked")
    private static Uni<List<Object[]>> perAgency(
            org.hibernate.reactive.mutiny.Mutiny.Session session, String sql, Map<String, Object> params) {
        var query = session.createNativeQuery(sql);
        params.forEach(query::setParameter);
        return query.getResultList().map(rows -> (List<Object[]>) (List<?>) rows);
    }

    private static void put(Map<Figure, Map<String, BigDecimal>> out, Figure f, Object agency, Object value) {
        if (agency == null || value == null) {
            return;
        }
        out.computeIfAbsent(f, k -> new HashMap<>())
                .merge((String) agency, new BigDecimal(value.toString()), BigDecimal::add);
    }
}
