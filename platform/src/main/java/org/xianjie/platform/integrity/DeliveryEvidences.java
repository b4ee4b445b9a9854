package org.xianjie.platform.integrity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues evidences of delivery (送达证据) in the manner of ETSI REM (EN 319 522): a statement of what
 * happened to a sent item, when, signed with this service's key, so that neither sender nor
 * addressee can later deny the hand-over. Generic over the item: a referral, a clue, a bulletin is
 * named by (subject type, subject id), so any service calls {@link #issue} in the transaction of the
 * act it attests.
 */
@ApplicationScoped
public class DeliveryEvidences {

    /** What an evidence attests (ETSI REM event names in brackets). */
    public enum Type {
        /** The suite accepted the item for delivery (SubmissionAcceptance). */
        SUBMISSION_ACCEPTANCE,
        /** The addressee's system has it: inbox stored or webhook acknowledged (ContentConsignment). */
        DELIVERY,
        /** A person of the addressee retrieved or acknowledged it (ContentHandover / Retrieval). */
        RETRIEVAL
    }

    private final ObjectMapper mapper;
    private final IntegritySigner signer;
    private final String issuer;

    public DeliveryEvidences(
            ObjectMapper mapper,
            IntegritySigner signer,
            @ConfigProperty(name = "quarkus.application.name") String issuer) {
        this.mapper = mapper;
        this.signer = signer;
        this.issuer = issuer;
    }

    /**
     * Signs and stores an evidence in the caller's transaction. {@code eventId} is the event that
     * recorded the act (it is in the case's chain), {@code actor} the person who acted, if any.
     */
    public Uni<DeliveryEvidenceRecord> issue(
            Type type,
            String subjectType,
            String subjectId,
            String sender,
            String addressee,
            String actor,
            String eventId,
            OffsetDateTime at) {
        DeliveryEvidenceRecord e = sign(type, subjectType, subjectId, sender, addressee, actor, eventId, at);
        return Panache.getSession().chain(s -> s.persist(e)).replaceWith(e);
    }

    /**
     * The signed evidence, not yet stored: for a service that writes its rows with its own SQL
     * client (notification-service) and stores it in the transaction of the act it attests.
     */
    public DeliveryEvidenceRecord sign(
            Type type,
            String subjectType,
            String subjectId,
            String sender,
            String addressee,
            String actor,
            String eventId,
            OffsetDateTime at) {
        DeliveryEvidenceRecord e = new DeliveryEvidenceRecord();
        e.id = UUID.randomUUID();
        e.subjectType = subjectType;
        e.subjectId = subjectId;
        e.evidenceType = type.name();
        e.sender = sender;
        e.addressee = addressee;
        e.at = (at == null ? OffsetDateTime.now(ZoneOffset.UTC) : at).truncatedTo(ChronoUnit.MILLIS);
        e.keyId = signer.keyId();
        ObjectNode payload = mapper.createObjectNode()
                .put("evidenceId", e.id.toString())
                .put("evidenceType", e.evidenceType)
                .put("subjectType", subjectType)
                .put("subjectId", subjectId)
                .put("sender", sender)
                .put("addressee", addressee)
                .put("actor", actor)
                .put("eventId", eventId)
                .put("at", e.at.toInstant().toString())
                .put("issuer", issuer)
                .put("algorithm", IntegritySigner.ALGORITHM)
                .put("keyId", e.keyId);
        e.payload = JsonCanonicalizer.canonical(payload);
        e.signature = signer.sign(e.payload);
        return e;
    }

    /** The evidences issued for one item, oldest first. */
    public Uni<List<DeliveryEvidenceRecord>> of(String subjectType, String subjectId) {
        return Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createQuery(
                                "from DeliveryEvidenceRecord e where e.subjectType = ?1 and e.subjectId = ?2 order by e.at",
                                DeliveryEvidenceRecord.class)
                        .setParameter(1, subjectType)
                        .setParameter(2, subjectId)
                        .getResultList()));
    }
}
