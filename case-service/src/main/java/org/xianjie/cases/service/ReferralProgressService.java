package org.xianjie.cases.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.xianjie.cases.domain.CaseState;
import org.xianjie.cases.domain.ReferralProgress;
import org.xianjie.cases.persistence.CaseReaderRecord;
import org.xianjie.cases.persistence.CaseReaderRepository;
import org.xianjie.cases.persistence.CaseRecord;
import org.xianjie.cases.persistence.CaseRepository;
import org.xianjie.events.CaseEventTypes;
import org.xianjie.events.CloudEvent;
import org.xianjie.events.ReferralEventTypes;
import org.xianjie.events.ReferralSnapshot;
import org.xianjie.platform.inbox.InvalidEventException;

/**
 * Learns from referral events what the referral means for the case: every agency named in the
 * referral's parties becomes a reader of the case by {@link ReferralProgress#readers} (the police
 * once the referral is sent or they are asked in early, the court once it is named), the case follows the referral (REFERRED, RETURNED), and each step goes on the
 * case's timeline. Runs inside the idempotent consumer's transaction.
 */
@ApplicationScoped
public class ReferralProgressService {

    private final CaseRepository cases;
    private final CaseReaderRepository readers;
    private final CaseEvents events;
    private final ObjectMapper mapper;

    public ReferralProgressService(
            CaseRepository cases, CaseReaderRepository readers, CaseEvents events, ObjectMapper mapper) {
        this.cases = cases;
        this.readers = readers;
        this.events = events;
        this.mapper = mapper;
    }

    public Uni<Void> apply(CloudEvent event) {
        String step = ReferralEventTypes.stepOf(event.type());
        if (step == null) {
            // Deadline and lead events tell nothing about readers or the case's state.
            return Uni.createFrom().voidItem();
        }
        ReferralSnapshot referral = parse(event);
        if (referral.caseId() == null) {
            return Uni.createFrom().failure(new InvalidEventException("event " + event.id() + " names no caseId"));
        }
        return cases.findById(referral.caseId(), LockModeType.PESSIMISTIC_WRITE).chain(c -> {
            if (c == null) {
                return Uni.createFrom()
                        .failure(new InvalidEventException("event " + event.id() + " is about case " + referral.caseId()
                                + ", which case-service does not know"));
            }
            String stepName = referral.step() == null ? step : referral.step();
            return addReaders(c, referral, stepName).chain(() -> follow(c, event, referral, stepName));
        });
    }

    private Uni<Void> addReaders(CaseRecord c, ReferralSnapshot referral, String stepName) {
        ReferralSnapshot.Parties p = referral.parties();
        List<String> named = p == null
                ? List.of()
                : ReferralProgress.readers(
                        stepName, referral.state(), p.agency(), p.police(), p.procuratorate(), p.court());
        return readers.readersOf(c.id).chain(known -> {
            List<CaseReaderRecord> added = named.stream()
                    .filter(code -> !code.equals(c.agencyCode) && !known.contains(code))
                    .map(code -> {
                        CaseReaderRecord r = new CaseReaderRecord();
                        r.caseId = c.id;
                        r.agencyCode = code;
                        r.since = CaseService.now();
                        return r;
                    })
                    .toList();
            return added.isEmpty()
                    ? Uni.createFrom().voidItem()
                    : readers.persist(added).replaceWithVoid();
        });
    }

    private Uni<Void> follow(CaseRecord c, CloudEvent event, ReferralSnapshot referral, String stepName) {
        String actor = referral.actor() != null && referral.actor().agencyCode() != null
                ? referral.actor().agencyCode()
                : Optional.ofNullable(referral.parties())
                        .map(ReferralSnapshot.Parties::agency)
                        .orElse(c.agencyCode);
        String user = referral.actor() == null ? null : referral.actor().user();
        String summary = "移送 step " + stepName + (referral.state() == null ? "" : " → " + referral.state())
                + (referral.reason() == null ? "" : ": " + referral.reason());
        Optional<CaseState> next = ReferralProgress.caseStateAfter(c.state, stepName, referral.state());
        if (next.isEmpty()) {
            return events.note(
                            c,
                            actor,
                            user,
                            "referral:" + stepName,
                            summary,
                            event.type(),
                            event.id(),
                            referral.occurredAt(),
                            referral.recordedAt())
                    .replaceWithVoid();
        }
        c.state = next.get();
        c.updatedAt = CaseService.now();
        return events.note(
                        c,
                        actor,
                        user,
                        "referral:" + stepName,
                        summary,
                        event.type(),
                        event.id(),
                        referral.occurredAt(),
                        referral.recordedAt())
                .chain(() -> cases.flush())
                .chain(() -> events.announce(
                        c,
                        CaseEventTypes.REFERRAL_STATUS_CHANGED,
                        actor,
                        user,
                        "state:" + c.state,
                        "case is now " + c.state))
                .replaceWithVoid();
    }

    private ReferralSnapshot parse(CloudEvent event) {
        try {
            return mapper.treeToValue(event.data(), ReferralSnapshot.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidEventException("event " + event.id() + " does not carry a ReferralSnapshot", e);
        }
    }
}
