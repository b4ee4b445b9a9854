package org.xianjie.cases.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.xianjie.cases.domain.CaseAccess;
import org.xianjie.cases.persistence.CaseReaderRepository;
import org.xianjie.cases.persistence.CaseRecord;
import org.xianjie.cases.persistence.CaseRepository;
import org.xianjie.cases.persistence.EvidenceRepository;
import org.xianjie.cases.persistence.TimelineRecord;
import org.xianjie.cases.persistence.TimelineRepository;
import org.xianjie.platform.identity.AgencyType;
import org.xianjie.platform.identity.Caller;
import org.xianjie.platform.integrity.ChainReport;
import org.xianjie.platform.integrity.RecordChain;
import org.xianjie.platform.problem.ProblemException;

/** Reading cases: one case, a filtered page, a timeline; always only what the caller may see. */
@ApplicationScoped
public class CaseQueries {

    private final CaseRepository cases;
    private final EvidenceRepository evidence;
    private final TimelineRepository timeline;
    private final CaseReaderRepository readers;
    private final PartyCodec parties;
    private final RecordChain chain;

    public CaseQueries(
            CaseRepository cases,
            EvidenceRepository evidence,
            TimelineRepository timeline,
            CaseReaderRepository readers,
            PartyCodec parties,
            RecordChain chain) {
        this.chain = chain;
        this.cases = cases;
        this.evidence = evidence;
        this.timeline = timeline;
        this.readers = readers;
        this.parties = parties;
    }

    public Uni<CaseDetails> find(Caller caller, UUID id) {
        return Panache.withSession(() -> readable(caller, id)
                .chain(c -> evidence.ofCase(c.id).map(items -> new CaseDetails(c, parties.decode(c.parties), items))));
    }

    public Uni<List<TimelineRecord>> timeline(Caller caller, UUID id) {
        return Panache.withSession(() -> readable(caller, id).chain(c -> timeline.ofCase(c.id)));
    }

    /** Verifies the case's tamper-evident record, for whoever may read the case. */
    public Uni<ChainReport> integrity(Caller caller, UUID id) {
        return Panache.withSession(() -> readable(caller, id)).chain(c -> chain.verify(c.id.toString()));
    }

    public Uni<CaseListing> list(Caller caller, CaseListQuery query) {
        Map<String, Object> p = new HashMap<>();
        List<String> where = new ArrayList<>();
        p.put("me", caller.agencyCode());
        String visible = "agencyCode = :me or id in (select r.caseId from CaseReaderRecord r where r.agencyCode = :me)";
        // CaseAccess.canRead as a query: a procuratorate sees its region and the regions beneath it.
        var supervised = CaseAccess.supervisedRegionPrefix(caller.is(AgencyType.PROCURATORATE), caller.region());
        if (supervised.isPresent()) {
            visible += " or region like :supervised";
            p.put("supervised", supervised.get() + "%");
        }
        where.add("(" + visible + ")");
        if (query.state() != null) {
            where.add("state = :state");
            p.put("state", query.state());
        }
        if (query.category() != null) {
            where.add("category = :category");
            p.put("category", query.category());
        }
        if (query.region() != null) {
            where.add("region = :region");
            p.put("region", query.region());
        }
        if (query.openedFrom() != null) {
            where.add("openedOn >= :from");
            p.put("from", query.openedFrom());
        }
        if (query.openedTo() != null) {
            where.add("openedOn <= :to");
            p.put("to", query.openedTo());
        }
        if (query.text() != null) {
            where.add("(lower(title) like :text escape '!' or lower(caseNumber) like :text escape '!'"
                    + " or lower(coalesce(summary, '')) like :text escape '!')");
            p.put("text", "%" + likeEscape(query.text().toLowerCase(Locale.ROOT)) + "%");
        }
        if (query.cursor() != null) {
            where.add("(createdAt < :cursorAt or (createdAt = :cursorAt and id < :cursorId))");
            p.put("cursorAt", query.cursor().createdAt());
            p.put("cursorId", query.cursor().id());
        }
        int limit = query.limit();
        return Panache.withSession(() -> cases.page(String.join(" and ", where), p, limit + 1))
                .map(rows -> {
                    boolean more = rows.size() > limit;
                    List<CaseRecord> page = more ? rows.subList(0, limit) : rows;
                    String next = more
                            ? new CaseCursor(page.get(limit - 1).createdAt, page.get(limit - 1).id).encode()
                            : null;
                    return new CaseListing(
                            page.stream()
                                    .map(c -> new CaseDetails(c, parties.decode(c.parties), null))
                                    .toList(),
                            next);
                });
    }

    private Uni<CaseRecord> readable(Caller caller, UUID id) {
        return cases.findById(id).chain(c -> {
            if (c == null) {
                return Uni.createFrom().failure(ProblemException.notFound("case", id));
            }
            return readers.readersOf(c.id).map(list -> {
                if (!CaseAccess.canRead(
                        caller.agencyCode(),
                        caller.is(AgencyType.PROCURATORATE),
                        caller.region(),
                        c.agencyCode,
                        c.region,
                        list)) {
                    throw ProblemException.notFound("case", id);
                }
                return c;
            });
        });
    }

    private static String likeEscape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
