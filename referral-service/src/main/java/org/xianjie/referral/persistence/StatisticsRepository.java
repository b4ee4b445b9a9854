package org.xianjie.referral.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;
import org.xianjie.referral.domain.statistics.Figure;
import org.xianjie.referral.domain.statistics.FigureCounts;
import org.xianjie.referral.domain.statistics.StatisticsYear;

/**
 * The year's figures counted in SQL, per agency and month, each by the date {@link Figure} names
 * (the month taken in Asia/Shanghai, like the year). A figure that counts a referral or case once a
 * year counts it in the month of its first qualifying act in the year, so the months add up to the
 * year. Only rows of regions starting with {@code prefix} are read; the service narrows further to
 * what the caller may see.
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

    /** The calendar month of a timestamptz column in China (a constant, so no bind parameter). */
    private static String month(String column) {
        return "extract(month from " + column + " at time zone '" + StatisticsYear.CHINA.getId() + "')::int";
    }

    private record Query(String sql, Map<String, Object> params, RowReader reader) {}

    @FunctionalInterface
    private interface RowReader {
        void read(Object[] row, FigureCounts out);
    }

    public Uni<FigureCounts> count(StatisticsYear year, String prefix) {
        FigureCounts out = new FigureCounts();
        OffsetDateTime from = OffsetDateTime.ofInstant(year.from(), ZoneOffset.UTC);
        OffsetDateTime until = OffsetDateTime.ofInstant(year.until(), ZoneOffset.UTC);
        LocalDate first = LocalDate.of(year.year(), 1, 1);
        LocalDate last = LocalDate.of(year.year(), 12, 31);
        String like = prefix + "%";
        Map<String, Object> period = Map.of("from", from, "until", until, "like", like);
        List<Query> queries = new ArrayList<>();
        queries.add(new Query(
                "select agency_code, " + month("opened_at") + ", count(*), coalesce(sum(case_value), 0)"
                        + " from case_fact where opened_at >= :from and opened_at < :until and region like :like"
                        + " group by 1, 2",
                period,
                (r, o) -> {
                    put(o, Figure.ADMIN_CASES_FILED, r[0], r[1], r[2]);
                    put(o, Figure.CASE_VALUE, r[0], r[1], r[3]);
                }));
        queries.add(new Query(
                "select agency_code, " + month("closed_at") + ", count(*)"
                        + " from case_fact where closed_at >= :from and closed_at < :until and region like :like"
                        + " group by 1, 2",
                period,
                (r, o) -> put(o, Figure.ADMIN_CASES_CLOSED, r[0], r[1], r[2])));
        queries.add(new Query(
                "select agency_code, extract(month from decision_date)::int,"
                        + " coalesce(sum(penalty_fine), 0), coalesce(sum(confiscation), 0) from case_fact"
                        + " where decision_date >= :first and decision_date <= :last and region like :like"
                        + " group by 1, 2",
                Map.of("first", first, "last", last, "like", like),
                (r, o) -> {
                    put(o, Figure.FINES, r[0], r[1], r[2]);
                    put(o, Figure.CONFISCATIONS, r[0], r[1], r[3]);
                }));
        // Each referral once per step and year: in the month of the step's first time in the year.
        queries.add(new Query(
                "select agency_code, step, " + month("first_at") + ", count(*) from ("
                        + " select r.agency_code, h.step, h.referral_id, min(h.occurred_at) as first_at"
                        + " from referral_history h join referral r on r.id = h.referral_id"
                        + " where h.step in (:steps) and h.occurred_at >= :from and h.occurred_at < :until"
                        + " and r.region like :like group by r.agency_code, h.step, h.referral_id) firsts"
                        + " group by 1, 2, 3",
                Map.of("steps", List.copyOf(STEP_FIGURES.keySet()), "from", from, "until", until, "like", like),
                (r, o) -> put(o, STEP_FIGURES.get((String) r[1]), r[0], r[2], r[3])));
        queries.add(new Query(
                "select r.agency_code, " + month("s.arrest_decided_at") + ", count(*)"
                        + " from referral_suspect s join referral r on r.id = s.referral_id"
                        + " where s.arrest_decision = 'APPROVED' and s.arrest_decided_at >= :from"
                        + " and s.arrest_decided_at < :until and r.region like :like group by 1, 2",
                period,
                (r, o) -> put(o, Figure.ARRESTS_APPROVED_PERSONS, r[0], r[1], r[2])));
        queries.add(new Query(
                "select r.agency_code, " + month("s.prosecution_decided_at") + ", count(*)"
                        + " from referral_suspect s join referral r on r.id = s.referral_id"
                        + " where s.prosecution_decision = 'PROSECUTED' and s.prosecution_decided_at >= :from"
                        + " and s.prosecution_decided_at < :until and r.region like :like group by 1, 2",
                period,
                (r, o) -> put(o, Figure.PROSECUTED_PERSONS, r[0], r[1], r[2])));
        // Each case once a year: in the month of its first review in the year.
        queries.add(new Query(
                "select agency_code, " + month("first_at") + ", count(*) from ("
                        + " select agency_code, case_id, min(occurred_at) as first_at from penalty_review"
                        + " where occurred_at >= :from and occurred_at < :until and region like :like"
                        + " group by agency_code, case_id) firsts group by 1, 2",
                period,
                (r, o) -> put(o, Figure.PENALTY_DECISIONS_REVIEWED, r[0], r[1], r[2])));
        queries.add(new Query(
                "select agency_code, " + month("raised_at") + ", count(*) from lead"
                        + " where raised_at >= :from and raised_at < :until and region like :like group by 1, 2",
                period,
                (r, o) -> put(o, Figure.LEADS_RAISED, r[0], r[1], r[2])));
        queries.add(new Query(
                "select d.responsible_agency, " + month("d.due_at") + ", count(*)"
                        + " from deadline d join referral r on r.id = d.referral_id"
                        + " where d.breached_at is not null and d.responsible_agency is not null"
                        + " and d.due_at >= :from and d.due_at < :until and r.region like :like group by 1, 2",
                period,
                (r, o) -> put(o, Figure.DEADLINES_BREACHED, r[0], r[1], r[2])));
        return Panache.getSession()
                .chain(session -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Query q : queries) {
                        chain = chain.chain(() -> rows(session, q.sql(), q.params())
                                .invoke(rows -> rows.forEach(r -> q.reader().read(r, out)))
                                .replaceWithVoid());
                    }
                    return chain;
                })
                .replaceWith(out);
    }

    @SuppressWarnings("unchecked")
    private static Uni<List<Object[]>> rows(Mutiny.Session session, String sql, Map<String, Object> params) {
        var query = session.createNativeQuery(sql);
        params.forEach(query::setParameter);
        return query.getResultList().map(rows -> (List<Object[]>) (List<?>) rows);
    }

    private static void put(FigureCounts out, Figure f, Object agency, Object month, Object value) {
        if (agency == null || month == null || value == null) {
            return;
        }
        out.add(f, (String) agency, ((Number) month).intValue(), new BigDecimal(value.toString()));
    }
}
