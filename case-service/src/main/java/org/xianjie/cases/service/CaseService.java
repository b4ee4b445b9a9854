package org.xianjie.cases.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.xianjie.cases.api.OpenCaseRequest;
import org.xianjie.cases.domain.CaseState;
import org.xianjie.cases.persistence.CaseRecord;
import org.xianjie.cases.persistence.CaseRepository;
import org.xianjie.events.CaseEventTypes;
import org.xianjie.events.CaseSnapshot;
import org.xianjie.events.EventSources;
import org.xianjie.events.Topics;
import org.xianjie.platform.identity.AgencyType;
import org.xianjie.platform.identity.Caller;
import org.xianjie.platform.outbox.Outbox;
import org.xianjie.platform.problem.ProblemException;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Records administrative cases; every accepted change commits together with its CloudEvent. */
@ApplicationScoped
public class CaseService {

    private final CaseRepository cases;
    private final Outbox outbox;

    public CaseService(CaseRepository cases, Outbox outbox) {
        this.cases = cases;
        this.outbox = outbox;
    }

    public Uni<CaseRecord> open(Caller caller, OpenCaseRequest request) {
        if (!caller.is(AgencyType.ADMINISTRATIVE)) {
            throw ProblemException.forbidden("only administrative enforcement agencies open cases");
        }
        return Panache.withTransaction(() -> cases.findByNumber(caller.agencyCode(), request.caseNumber())
                .chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().failure(ProblemException.conflict(
                                "case number " + request.caseNumber() + " already exists for " + caller.agencyCode()));
                    }
                    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                    CaseRecord c = new CaseRecord();
                    c.id = UUID.randomUUID();
                    c.agencyCode = caller.agencyCode();
                    c.caseNumber = request.caseNumber();
                    c.category = request.category();
                    c.region = caller.region();
                    c.title = request.title();
                    c.summary = request.summary();
                    c.state = CaseState.OPEN;
                    c.openedOn = request.openedOn();
                    c.createdAt = now;
                    c.updatedAt = now;
                    return cases.persist(c).call(saved -> announce(saved, CaseEventTypes.OPENED));
                }));
    }

    public Uni<CaseRecord> find(Caller caller, UUID id) {
        return Panache.withSession(() -> cases.findById(id)).map(c -> {
            if (c == null || !c.agencyCode.equals(caller.agencyCode())) {
                throw ProblemException.notFound("case", id);
            }
            return c;
        });
    }

    private Uni<?> announce(CaseRecord c, String type) {
        CaseSnapshot snapshot = new CaseSnapshot(c.id, c.agencyCode, c.caseNumber, c.category.name(), c.region,
                c.title, c.state.name(), null, null, List.of(), 0, c.version);
        return outbox.append(Topics.CASE_EVENTS, c.id.toString(),
                outbox.newEvent(EventSources.CASE_SERVICE, type, "cases/" + c.id, snapshot));
    }
}
