package org.xianjie.notification.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import org.xianjie.events.CaseSnapshot;
import org.xianjie.events.CloudEvent;
import org.xianjie.events.LeadSnapshot;
import org.xianjie.events.PenaltyReviewSnapshot;
import org.xianjie.events.ReferralEventTypes;
import org.xianjie.events.ReferralSnapshot;
import org.xianjie.events.SharingEventTypes;
import org.xianjie.events.SharingSnapshot;
import org.xianjie.notification.domain.Parties;
import org.xianjie.notification.domain.RoutedEvent;
import org.xianjie.platform.identity.Agency;
import org.xianjie.platform.identity.AgencyDirectory;
import org.xianjie.platform.identity.AgencyType;
import org.xianjie.platform.inbox.InvalidEventException;

/** Reads case, referral and lead events into {@link Interpretation}s; unreadable data is an {@link InvalidEventException}. */
@ApplicationScoped
public class EventInterpreter {

    private final ObjectMapper mapper;
    private final AgencyDirectory directory;

    public EventInterpreter(ObjectMapper mapper, AgencyDirectory directory) {
        // Events may carry fields this version does not know; the service-wide strict setting is for requests.
        this.mapper = mapper.copy()
                .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.directory = directory;
    }

    public Interpretation interpret(CloudEvent event) {
        if (event.data() == null || !event.data().isObject()) {
            throw new InvalidEventException(
                    "event " + event.id() + " of type " + event.type() + " has no JSON object data");
        }
        if (SharingEventTypes.isSharing(event.type())) {
            return sharing(event, read(event, SharingSnapshot.class));
        }
        if (event.type().equals(ReferralEventTypes.PENALTY_DECISION_REVIEWED)) {
            return review(event, read(event, PenaltyReviewSnapshot.class));
        }
        if (event.type().startsWith(ReferralEventTypes.PREFIX + "lead-")) {
            return lead(event, read(event, LeadSnapshot.class));
        }
        if (event.type().startsWith(ReferralEventTypes.PREFIX)) {
            return referral(event, read(event, ReferralSnapshot.class));
        }
        if (event.type().startsWith("org.xianjie.case.")) {
            return adminCase(event, read(event, CaseSnapshot.class));
        }
        throw new InvalidEventException("event type " + event.type() + " is not one this service reads");
    }

    private Interpretation referral(CloudEvent event, ReferralSnapshot s) {
        if (s.referralId() == null) {
            throw new InvalidEventException("referral event " + event.id() + " names no referralId");
        }
        String step = ReferralEventTypes.stepOf(event.type());
        // A suspect event names the step that decided, but is not that step: it must not be told again.
        if (step == null
                && s.step() != null
                && !isDeadlineEvent(event.type())
                && !event.type().startsWith(ReferralEventTypes.PREFIX + "suspect-")) {
            step = s.step();
        }
        ReferralSnapshot.Parties p = s.parties();
        Parties parties = p == null
                ? new Parties(null, null, null, null)
                : new Parties(p.agency(), p.police(), p.procuratorate(), p.court());
        ReferralSnapshot.OpenDeadline deadline = s.deadline();
        String deadlineLabel =
                deadline == null ? null : Objects.requireNonNullElse(deadline.description(), deadline.code());
        ObjectNode detail = mapper.createObjectNode();
        detail.put("step", step);
        detail.put("state", s.state());
        detail.put("reason", s.reason());
        detail.put("caseTitle", s.caseTitle());
        if (s.actor() != null) {
            detail.put("actorAgency", s.actor().agencyCode());
        }
        if (deadline != null) {
            detail.set("deadline", mapper.valueToTree(deadline));
        }
        if (s.deadlines() != null) {
            detail.set("deadlines", mapper.valueToTree(s.deadlines()));
        }
        actTimes(detail, s.occurredAt(), s.recordedAt());
        RoutedEvent routed = new RoutedEvent(
                event.type(),
                step,
                parties,
                s.actor() == null ? null : s.actor().agencyCode(),
                deadline == null ? null : deadline.responsibleAgency(),
                label(s.caseNumber(), s.caseTitle()),
                deadlineLabel);
        return new Interpretation(
                routed, event.source(), event.id(), step, s.referralId(), s.caseId(), s.caseNumber(), detail, s);
    }

    /** When the act happened and when it was recorded (absent on events from before they were carried). */
    private static void actTimes(
            ObjectNode detail, java.time.OffsetDateTime occurredAt, java.time.OffsetDateTime recordedAt) {
        if (occurredAt != null) {
            detail.put("occurredAt", occurredAt.toString());
        }
        if (recordedAt != null) {
            detail.put("recordedAt", recordedAt.toString());
        }
    }

    private Interpretation lead(CloudEvent event, LeadSnapshot s) {
        String procuratorate =
                s.procuratorate() != null ? s.procuratorate() : sameLevel(AgencyType.PROCURATORATE, s.region());
        ObjectNode detail = mapper.createObjectNode();
        detail.put("leadId", Objects.toString(s.leadId(), null));
        detail.put("caseTitle", s.caseTitle());
        detail.put("offence", s.offence());
        detail.put("reason", s.reason());
        detail.put("state", s.state());
        RoutedEvent routed = new RoutedEvent(
                event.type(),
                null,
                new Parties(s.agency(), null, procuratorate, null),
                null,
                null,
                label(s.caseNumber(), s.caseTitle()),
                null);
        return new Interpretation(
                routed, event.source(), event.id(), null, null, s.caseId(), s.caseNumber(), detail, null);
    }

    /** A procuratorate's review of a penalty decision: its own act, kept for the record (silent rule). */
    private Interpretation review(CloudEvent event, PenaltyReviewSnapshot s) {
        ObjectNode detail = mapper.createObjectNode();
        detail.put("reviewId", Objects.toString(s.reviewId(), null));
        detail.put("caseTitle", s.caseTitle());
        detail.put("outcome", s.outcome());
        detail.put("note", s.note());
        RoutedEvent routed = new RoutedEvent(
                event.type(),
                null,
                new Parties(s.agency(), null, s.procuratorate(), null),
                s.procuratorate(),
                null,
                label(s.caseNumber(), s.caseTitle()),
                null);
        return new Interpretation(
                routed, event.source(), event.id(), null, null, s.caseId(), s.caseNumber(), detail, null);
    }

    /** A bulletin, clue, consultation, early intervention or meeting: told to its sender and addressees only. */
    private Interpretation sharing(CloudEvent event, SharingSnapshot s) {
        if (s.itemId() == null || s.kind() == null || s.sender() == null) {
            throw new InvalidEventException("sharing event " + event.id() + " names no itemId, kind or sender");
        }
        ObjectNode detail = mapper.createObjectNode();
        detail.put("itemId", s.itemId().toString());
        detail.put("kind", s.kind());
        detail.put("act", s.act());
        detail.put("title", s.title());
        detail.put("sender", s.sender());
        detail.put("actorAgency", s.actor());
        detail.put("state", s.state());
        detail.put("text", s.text());
        if (s.linkedCaseId() != null) {
            detail.put("linkedCaseId", s.linkedCaseId().toString());
        }
        if (s.deadline() != null) {
            detail.set("deadline", mapper.valueToTree(s.deadline()));
        }
        actTimes(detail, s.occurredAt(), s.recordedAt());
        SharingSnapshot.Deadline deadline = s.deadline();
        String deadlineLabel =
                deadline == null ? null : Objects.requireNonNullElse(deadline.description(), deadline.code());
        String label =
                s.caseNumber() != null ? s.title() + " (" + s.caseNumber() + ")" : Objects.toString(s.title(), "");
        RoutedEvent routed = new RoutedEvent(
                event.type(),
                null,
                new Parties(null, null, null, null),
                s.actor(),
                deadline == null ? null : deadline.responsibleAgency(),
                label,
                deadlineLabel,
                s.sender(),
                s.addressees(),
                s.newAddressees());
        return new Interpretation(
                routed, event.source(), event.id(), null, s.referralId(), s.caseId(), s.caseNumber(), detail, null);
    }

    private Interpretation adminCase(CloudEvent event, CaseSnapshot s) {
        String region = s.region() != null
                ? s.region()
                : directory.find(s.agencyCode()).map(Agency::region).orElse(null);
        ObjectNode detail = mapper.createObjectNode();
        detail.put("caseTitle", s.title());
        detail.put("state", s.state());
        if (s.penalty() != null) {
            detail.set("penalty", mapper.valueToTree(s.penalty()));
        }
        actTimes(detail, s.occurredAt(), s.recordedAt());
        // The owning agency acted itself; the procuratorate of its region reviews its penalty decisions.
        RoutedEvent routed = new RoutedEvent(
                event.type(),
                null,
                new Parties(s.agencyCode(), null, sameLevel(AgencyType.PROCURATORATE, region), null),
                s.agencyCode(),
                null,
                label(s.caseNumber(), s.title()),
                null);
        return new Interpretation(
                routed, event.source(), event.id(), null, null, s.caseId(), s.caseNumber(), detail, null);
    }

    private String sameLevel(AgencyType type, String region) {
        return region == null
                ? null
                : directory.sameLevel(type, region).map(Agency::code).orElse(null);
    }

    private static boolean isDeadlineEvent(String type) {
        return type.equals(ReferralEventTypes.DEADLINE_REMINDER) || type.equals(ReferralEventTypes.DEADLINE_BREACHED);
    }

    private static String label(String number, String title) {
        return number != null ? number : Objects.toString(title, "");
    }

    private <T> T read(CloudEvent event, Class<T> type) {
        try {
            return mapper.treeToValue(event.data(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidEventException("event " + event.id() + " carries unreadable " + type.getSimpleName(), e);
        }
    }
}
