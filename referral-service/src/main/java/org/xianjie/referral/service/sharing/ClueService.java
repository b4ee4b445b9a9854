package org.xianjie.referral.service.sharing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.xianjie.events.SharingEventTypes;
import org.xianjie.platform.identity.AgencyDirectory;
import org.xianjie.platform.identity.AgencyType;
import org.xianjie.platform.identity.Caller;
import org.xianjie.platform.problem.ProblemException;
import org.xianjie.referral.domain.sharing.AddresseeState;
import org.xianjie.referral.domain.sharing.Addressing;
import org.xianjie.referral.domain.sharing.SharingKind;
import org.xianjie.referral.domain.sharing.SharingLimits;
import org.xianjie.referral.persistence.KnownCaseRepository;
import org.xianjie.referral.persistence.sharing.AddresseeRecord;
import org.xianjie.referral.persistence.sharing.SharingItemRecord;

/**
 * Clue bulletins (线索通报) between any agencies, across regions (customs passing an IP clue to the
 * police, a tax clue handed over): to named agencies or to every agency of a type in a region.
 * Each receiver replies within the clue-reply limit: accepts, declines with reasons, forwards to
 * another agency (whose own limit then runs) or opens a case from it, which links the clue and the
 * case both ways (the case id on the clue; the {@code clue-case-opened} event carries both ids for
 * the case's side).
 */
@ApplicationScoped
public class ClueService {

    public static final String STATE_SENT = "SENT";

    private final SharedItems shared;
    private final AgencyDirectory directory;
    private final KnownCaseRepository knownCases;
    private final ObjectMapper mapper;

    public ClueService(
            SharedItems shared, AgencyDirectory directory, KnownCaseRepository knownCases, ObjectMapper mapper) {
        this.shared = shared;
        this.directory = directory;
        this.knownCases = knownCases;
        this.mapper = mapper;
    }

    /** An evidence digest: what the item is and its SHA-256, not the evidence itself. */
    public record EvidenceDigest(String title, String sha256) {}

    /** What the sender states: what, who, where, evidence digests, and to whom. */
    public record Send(
            String title,
            String what,
            List<String> who,
            String where,
            List<EvidenceDigest> evidence,
            List<String> to,
            AgencyType toType,
            String toRegion,
            OffsetDateTime occurredAt) {}

    public Uni<SharedItem> send(Caller caller, Send request) {
        SharedItems.ActTime time = shared.actTime(caller, request.occurredAt(), null);
        Set<String> to = new LinkedHashSet<>();
        List<String> named = request.to() == null ? List.of() : request.to();
        for (int i = 0; i < named.size(); i++) {
            if (directory.find(named.get(i)).isEmpty()) {
                throw ProblemException.badRequest("to[" + i + "]", "no agency " + named.get(i) + " in the directory");
            }
            to.add(named.get(i));
        }
        if (request.toType() != null || request.toRegion() != null) {
            if (request.toType() == null || request.toRegion() == null) {
                throw ProblemException.badRequest(
                        request.toType() == null ? "toType" : "toRegion", "toType and toRegion go together");
            }
            List<String> ofType = Addressing.byTypeInRegion(request.toType(), request.toRegion(), directory.all());
            if (ofType.isEmpty()) {
                throw ProblemException.badRequest(
                        "toRegion",
                        "the directory has no " + request.toType() + " agency in region " + request.toRegion());
            }
            to.addAll(ofType);
        }
        to.remove(caller.agencyCode());
        if (to.isEmpty()) {
            throw ProblemException.badRequest("to", "name at least one other agency, or toType and toRegion");
        }
        ObjectNode content = mapper.createObjectNode();
        content.put("what", request.what());
        content.set("who", mapper.valueToTree(request.who() == null ? List.of() : request.who()));
        content.put("where", request.where());
        content.set("evidence", mapper.valueToTree(request.evidence() == null ? List.of() : request.evidence()));
        SharingItemRecord item = new SharingItemRecord();
        item.kind = SharingKind.CLUE;
        item.region = caller.region();
        item.title = request.title().strip();
        item.content = content.toString();
        item.state = STATE_SENT;
        List<SharedItems.LimitToOpen> limits = to.stream()
                .map(code -> SharedItems.LimitToOpen.of(SharingLimits.CLUE_REPLY, code))
                .toList();
        return shared.create(caller, item, List.copyOf(to), time, SharingEventTypes.CLUE_SENT, limits);
    }

    /** 接收: the receiver takes the clue on; its reply limit is met. */
    public Uni<SharedItem> accept(Caller caller, UUID id, String note, OffsetDateTime occurredAt) {
        return reply(caller, id, occurredAt, "ACCEPT", note, AddresseeState.ACCEPTED, SharingEventTypes.CLUE_ACCEPTED);
    }

    /** 不予接收: declined, with reasons. */
    public Uni<SharedItem> decline(Caller caller, UUID id, String reason, OffsetDateTime occurredAt) {
        return reply(
                caller, id, occurredAt, "DECLINE", reason, AddresseeState.DECLINED, SharingEventTypes.CLUE_DECLINED);
    }

    private Uni<SharedItem> reply(
            Caller caller,
            UUID id,
            OffsetDateTime occurredAt,
            String actName,
            String text,
            AddresseeState outcome,
            String eventType) {
        return shared.act(caller, id, SharingKind.CLUE, occurredAt, actName, text, act -> {
            AddresseeRecord own = act.own();
            requirePending(own);
            settle(act, own, outcome, text);
            act.announce(SharedItems.Announcement.of(eventType, actName, null));
            return Uni.createFrom().voidItem();
        });
    }

    /** 转交: passed to an agency better placed to handle it, whose own reply limit starts now. */
    public Uni<SharedItem> forward(Caller caller, UUID id, String toAgency, String reason, OffsetDateTime occurredAt) {
        if (directory.find(toAgency).isEmpty()) {
            throw ProblemException.badRequest("to", "no agency " + toAgency + " in the directory");
        }
        return shared.act(caller, id, SharingKind.CLUE, occurredAt, "FORWARD", reason, act -> {
            AddresseeRecord own = act.own();
            requirePending(own);
            if (act.addresseeCodes().contains(toAgency) || toAgency.equals(act.item.senderAgency)) {
                throw ProblemException.conflict("the clue already reaches " + toAgency);
            }
            settle(act, own, AddresseeState.FORWARDED, reason);
            shared.addAddressee(act, toAgency, caller.agencyCode());
            var limit = shared.open(act, SharedItems.LimitToOpen.of(SharingLimits.CLUE_REPLY, toAgency));
            act.announce(new SharedItems.Announcement(
                    SharingEventTypes.CLUE_FORWARDED, "FORWARD", null, List.of(toAgency), limit, null));
            return Uni.createFrom().voidItem();
        });
    }

    /**
     * 立案: the receiver opened a case from the clue (in case-service, or its own criminal case). The
     * case must not be another agency's case known to the suite.
     */
    public Uni<SharedItem> openCase(Caller caller, UUID id, UUID caseId, String caseNumber, OffsetDateTime occurredAt) {
        return Panache.withSession(() -> knownCases.findById(caseId)).chain(known -> {
            if (known != null && !known.agencyCode.equals(caller.agencyCode())) {
                throw ProblemException.badRequest("caseId", "not a case of the calling agency");
            }
            String text = caseNumber == null ? caseId.toString() : caseNumber.strip() + " (" + caseId + ")";
            return shared.act(caller, id, SharingKind.CLUE, occurredAt, "OPEN_CASE", text, act -> {
                AddresseeRecord own = act.own();
                if (own.state != AddresseeState.PENDING && own.state != AddresseeState.ACCEPTED) {
                    throw ProblemException.stateConflict(
                            "the clue was already " + own.state, own.state.name(), List.of());
                }
                settle(act, own, AddresseeState.CASE_OPENED, text);
                act.item.linkedCaseId = caseId;
                act.announce(SharedItems.Announcement.of(SharingEventTypes.CLUE_CASE_OPENED, "OPEN_CASE", null));
                return Uni.createFrom().voidItem();
            });
        });
    }

    private void settle(SharedItems.Act act, AddresseeRecord own, AddresseeState outcome, String text) {
        own.state = outcome;
        own.repliedAt = act.time.occurred();
        own.reply = text;
        act.item.state = outcome.name();
        shared.close(act, SharingLimits.CLUE_REPLY, own.agencyCode, null);
    }

    private static void requirePending(AddresseeRecord own) {
        if (own.state != AddresseeState.PENDING) {
            throw ProblemException.stateConflict(
                    "the clue was already " + own.state,
                    own.state.name(),
                    own.state == AddresseeState.ACCEPTED ? List.of("OPEN_CASE") : List.of());
        }
    }
}
