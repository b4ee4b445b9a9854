package org.xianjie.notification.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.xianjie.events.ReferralSnapshot;

/** The referral view the console shows: the latest snapshot (by version) and every step in order. */
@ApplicationScoped
public class ReferralViewStore {

    private final Pool pool;
    private final ObjectMapper mapper;

    public ReferralViewStore(Pool pool, ObjectMapper mapper) {
        this.pool = pool;
        this.mapper = mapper;
    }

    public Uni<Void> apply(
            SqlConnection conn, String eventType, String step, ReferralSnapshot s, OffsetDateTime eventTime) {
        ReferralSnapshot.Parties p =
                s.parties() == null ? new ReferralSnapshot.Parties(null, null, null, null) : s.parties();
        OffsetDateTime at = s.occurredAt() != null
                ? s.occurredAt()
                : eventTime != null ? eventTime : OffsetDateTime.now(ZoneOffset.UTC);
        return conn.preparedQuery("""
                        insert into referral_view (referral_id, case_id, case_number, case_title, state, agency, police,
                            procuratorate, court, deadlines, version, updated_at)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, cast($10::text as jsonb), $11, $12)
                        on conflict (referral_id) do update set case_id = excluded.case_id,
                            case_number = excluded.case_number, case_title = excluded.case_title, state = excluded.state,
                            agency = excluded.agency, police = excluded.police, procuratorate = excluded.procuratorate,
                            court = excluded.court, deadlines = excluded.deadlines, version = excluded.version,
                            updated_at = excluded.updated_at
                        where referral_view.version <= excluded.version""")
                .execute(Tuple.from(Arrays.asList(
                        s.referralId(),
                        s.caseId(),
                        s.caseNumber(),
                        s.caseTitle(),
                        s.state(),
                        p.agency(),
                        p.police(),
                        p.procuratorate(),
                        p.court(),
                        json(s.deadlines() == null ? List.of() : s.deadlines()),
                        s.version(),
                        at)))
                .chain(() -> conn.preparedQuery("""
                                insert into referral_step (referral_id, event_type, step, state, actor_agency, actor_user,
                                    reason, deadline, occurred_at, recorded_at)
                                values ($1, $2, $3, $4, $5, $6, $7, cast($8::text as jsonb), $9, $10)""")
                        .execute(Tuple.from(Arrays.asList(
                                s.referralId(),
                                eventType,
                                step,
                                s.state(),
                                s.actor() == null ? null : s.actor().agencyCode(),
                                s.actor() == null ? null : s.actor().user(),
                                s.reason(),
                                s.deadline() == null ? null : json(s.deadline()),
                                at,
                                s.recordedAt() != null ? s.recordedAt() : at))))
                .replaceWithVoid();
    }

    /** The timeline if {@code agency} is a party of the referral; empty otherwise (the caller gets a 404). */
    public Uni<Optional<TimelineView>> timeline(UUID referralId, String agency, OffsetDateTime now) {
        return pool.preparedQuery("""
                        select referral_id, case_id, case_number, case_title, state, agency, police, procuratorate, court,
                               deadlines::text as deadlines, version, updated_at
                          from referral_view
                         where referral_id = $1 and $2 in (agency, police, procuratorate, court)""").execute(Tuple.of(referralId, agency)).chain(rows -> {
            if (rows.size() == 0) {
                return Uni.createFrom().item(Optional.<TimelineView>empty());
            }
            Row r = rows.iterator().next();
            return pool.preparedQuery("""
                                    select event_type, step, state, actor_agency, actor_user, reason, deadline::text as deadline,
                                           occurred_at, recorded_at from referral_step where referral_id = $1
                                     order by occurred_at, id""").execute(Tuple.of(referralId)).map(steps -> {
                List<TimelineView.Entry> entries = new ArrayList<>();
                for (Row st : steps) {
                    entries.add(new TimelineView.Entry(
                            st.getString("event_type"),
                            st.getString("step"),
                            st.getString("state"),
                            st.getString("actor_agency"),
                            st.getString("actor_user"),
                            st.getString("reason"),
                            tree(st.getString("deadline")),
                            st.getOffsetDateTime("occurred_at"),
                            st.getOffsetDateTime("recorded_at")));
                }
                List<TimelineView.Deadline> deadlines = new ArrayList<>();
                for (JsonNode d : tree(r.getString("deadlines"))) {
                    OffsetDateTime due = d.hasNonNull("dueAt")
                            ? OffsetDateTime.parse(d.get("dueAt").asText())
                            : null;
                    deadlines.add(new TimelineView.Deadline(
                            d.path("code").asText(null),
                            d.path("description").asText(null),
                            d.path("responsibleAgency").asText(null),
                            due,
                            d.path("overdue").asBoolean(false) || (due != null && due.isBefore(now))));
                }
                return Optional.of(new TimelineView(
                        r.getUUID("referral_id"),
                        r.getUUID("case_id"),
                        r.getString("case_number"),
                        r.getString("case_title"),
                        r.getString("state"),
                        new TimelineView.Parties(
                                r.getString("agency"),
                                r.getString("police"),
                                r.getString("procuratorate"),
                                r.getString("court")),
                        deadlines,
                        entries));
            });
        });
    }

    private JsonNode tree(String json) {
        if (json == null) {
            return null;
        }
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
