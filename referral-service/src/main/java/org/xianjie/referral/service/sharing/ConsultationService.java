package org.xianjie.referral.service.sharing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.xianjie.events.SharingEventTypes;
import org.xianjie.platform.identity.Agency;
import org.xianjie.platform.identity.AgencyDirectory;
import org.xianjie.platform.identity.AgencyType;
import org.xianjie.platform.identity.Caller;
import org.xianjie.platform.problem.ProblemException;
import org.xianjie.referral.domain.access.ReferralAccess;
import org.xianjie.referral.domain.process.PartyType;
import org.xianjie.referral.domain.process.ReferralState;
import org.xianjie.referral.domain.sharing.AddresseeState;
import org.xianjie.referral.domain.sharing.SharingKind;
import org.xianjie.referral.domain.sharing.SharingLimits;
import org.xianjie.referral.persistence.ReferralRepository;
import org.xianjie.referral.persistence.sharing.AddresseeRecord;
import org.xianjie.referral.persistence.sharing.SharingItemRecord;

/**
 * Consultation before a referral (案件咨询): an agency still investigating asks the police or the
 * procuratorate, who answer within the consultation limit. And the procuratorate's early
 * intervention (提前介入) in a criminal case the police filed from a referral: it asks the police
 * for the state of the evidence, the police answer within their limit, and the procuratorate
 * records its guidance on evidence collection (引导取证) as often as needed.
 */
@ApplicationScoped
public class ConsultationService {

    public static final String STATE_OPEN = "OPEN";

    /**
     * A referral the police filed and still investigate (arrest review included); once transferred for
     * prosecution the case is the procuratorate's own, and before filing there is nothing to guide.
     */
    static final Set<ReferralState> FILED_AND_OPEN = Set.of(
            ReferralState.FILED,
            ReferralState.ARREST_REQUESTED,
            ReferralState.ARREST_APPROVED,
            ReferralState.ARREST_DENIED);

    private final SharedItems shared;
    private final AgencyDirectory directory;
    private final ReferralRepository referrals;
    private final ObjectMapper mapper;

    public ConsultationService(
            SharedItems shared, AgencyDirectory directory, ReferralRepository referrals, ObjectMapper mapper) {
        this.shared = shared;
        this.directory = directory;
        this.referrals = referrals;
        this.mapper = mapper;
    }

    public record Ask(
            String to, UUID caseId, String caseNumber, String title, String question, OffsetDateTime occurredAt) {}

    public Uni<SharedItem> ask(Caller caller, Ask request) {
        SharedItems.ActTime time = shared.actTime(caller, request.occurredAt(), null);
        Agency to = directory
                .find(request.to())
                .orElseThrow(
                        () -> ProblemException.badRequest("to", "no agency " + request.to() + " in the directory"));
        if (to.type() != AgencyType.POLICE && to.type() != AgencyType.PROCURATORATE) {
            throw ProblemException.badRequest("to", "a consultation goes to the police or the procuratorate");
        }
        if (to.code().equals(caller.agencyCode())) {
            throw ProblemException.badRequest("to", "an agency does not consult itself");
        }
        ObjectNode content = mapper.createObjectNode();
        content.put("question", request.question());
        SharingItemRecord item = new SharingItemRecord();
        item.kind = SharingKind.CONSULTATION;
        item.region = caller.region();
        item.title = request.title().strip();
        item.content = content.toString();
        item.caseId = request.caseId();
        item.caseNumber = request.caseNumber();
        item.state = STATE_OPEN;
        return shared.create(
                caller,
                item,
                List.of(to.code()),
                time,
                SharingEventTypes.CONSULTATION_REQUESTED,
                List.of(SharedItems.LimitToOpen.of(SharingLimits.CONSULTATION_ANSWER, to.code())));
    }

    public Uni<SharedItem> answer(Caller caller, UUID id, String answer, OffsetDateTime occurredAt) {
        return answer(
                caller,
                id,
                SharingKind.CONSULTATION,
                SharingLimits.CONSULTATION_ANSWER,
                SharingEventTypes.CONSULTATION_ANSWERED,
                answer,
                occurredAt);
    }

    public record Intervene(UUID referralId, String purpose, OffsetDateTime occurredAt) {}

    /** 提前介入: the procuratorate that may act on the referral, once the police filed it. */
    public Uni<SharedItem> intervene(Caller caller, Intervene request) {
        SharedItems.ActTime time = shared.actTime(caller, request.occurredAt(), null);
        if (!caller.is(AgencyType.PROCURATORATE)) {
            throw ProblemException.forbidden("early intervention in a filed case is the procuratorate's");
        }
        ReferralAccess.Viewer viewer =
                new ReferralAccess.Viewer(caller.agencyCode(), PartyType.PROCURATORATE, caller.region());
        return Panache.withSession(() -> referrals.findById(request.referralId()))
                .chain(r -> {
                    if (r == null || !ReferralAccess.canRead(viewer, r.access())) {
                        throw ProblemException.notFound("referral", request.referralId());
                    }
                    if (!FILED_AND_OPEN.contains(r.state) || r.policeCode == null) {
                        throw ProblemException.stateConflict(
                                "early intervention needs a case the police filed; the referral is " + r.state,
                                r.state.name(),
                                List.of());
                    }
                    ObjectNode content = mapper.createObjectNode();
                    content.put("purpose", request.purpose());
                    content.put("referralState", r.state.name());
                    SharingItemRecord item = new SharingItemRecord();
                    item.kind = SharingKind.EARLY_INTERVENTION;
                    item.region = r.region;
                    item.title = "提前介入 " + r.caseNumber;
                    item.content = content.toString();
                    item.caseId = r.caseId;
                    item.caseNumber = r.caseNumber;
                    item.referralId = r.id;
                    item.state = STATE_OPEN;
                    return shared.create(
                            caller,
                            item,
                            List.of(r.policeCode),
                            time,
                            SharingEventTypes.EARLY_INTERVENTION_STARTED,
                            List.of(SharedItems.LimitToOpen.of(SharingLimits.EARLY_INTERVENTION_ANSWER, r.policeCode)));
                });
    }

    /** The police answer the early intervention (state of the evidence, measures taken). */
    public Uni<SharedItem> answerIntervention(Caller caller, UUID id, String answer, OffsetDateTime occurredAt) {
        return answer(
                caller,
                id,
                SharingKind.EARLY_INTERVENTION,
                SharingLimits.EARLY_INTERVENTION_ANSWER,
                SharingEventTypes.EARLY_INTERVENTION_ANSWERED,
                answer,
                occurredAt);
    }

    /** 引导取证: the procuratorate's guidance on evidence collection, recorded on the intervention. */
    public Uni<SharedItem> guide(Caller caller, UUID id, String guidance, OffsetDateTime occurredAt) {
        return shared.act(caller, id, SharingKind.EARLY_INTERVENTION, occurredAt, "GUIDANCE", guidance, act -> {
            if (!act.isSender()) {
                throw ProblemException.forbidden("guidance is given by the intervening procuratorate");
            }
            act.announce(SharedItems.Announcement.of(SharingEventTypes.EARLY_INTERVENTION_GUIDANCE, "GUIDANCE", null));
            return Uni.createFrom().voidItem();
        });
    }

    private Uni<SharedItem> answer(
            Caller caller,
            UUID id,
            SharingKind kind,
            String limit,
            String eventType,
            String answer,
            OffsetDateTime occurredAt) {
        return shared.act(caller, id, kind, occurredAt, "ANSWER", answer, act -> {
            AddresseeRecord own = act.own();
            SharedItems.requireOpen(own, kind.name().toLowerCase());
            own.state = AddresseeState.ANSWERED;
            own.repliedAt = act.time.occurred();
            own.reply = answer;
            act.item.state = AddresseeState.ANSWERED.name();
            shared.close(act, limit, own.agencyCode, null);
            act.announce(SharedItems.Announcement.of(eventType, "ANSWER", null));
            return Uni.createFrom().voidItem();
        });
    }
}
