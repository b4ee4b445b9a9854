package org.xianjie.platform.integrity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;
import org.xianjie.events.IntegrityEventTypes;
import org.xianjie.events.Topics;
import org.xianjie.platform.outbox.Outbox;

/**
 * Seals the heads of the chains that grew since the last checkpoint into a checkpoint signed with
 * this service's key (签名检查点), stores it and publishes it on {@link Topics#INTEGRITY_CHECKPOINTS}
 * so that other agencies keep a copy: a rewritten chain would then contradict a signature that is
 * no longer only in the suite's hands (anchoring by exchange). Each checkpoint names the hash of the
 * one before it, so the checkpoints of a service form a chain of their own.
 *
 * <p>Chains appear in a checkpoint as the SHA-256 of their key, so that a checkpoint, which every
 * agency may read, does not list the case ids; whoever knows a case id finds its head.
 */
@ApplicationScoped
public class Checkpoints {

    private static final Logger LOG = Logger.getLogger(Checkpoints.class);
    /** The advisory lock sealers take, so that replicas seal one after another on one checkpoint chain. */
    private static final long SEAL_LOCK = 0x5845_4e4a_4945_0080L;

    private final ObjectMapper mapper;
    private final IntegritySigner signer;
    private final Outbox outbox;
    private final String issuer;
    private final int maxHeads;

    public Checkpoints(
            ObjectMapper mapper,
            IntegritySigner signer,
            Outbox outbox,
            @ConfigProperty(name = "quarkus.application.name") String issuer,
            @ConfigProperty(name = "xianjie.integrity.checkpoint-max-heads", defaultValue = "5000") int maxHeads) {
        this.mapper = mapper;
        this.signer = signer;
        this.outbox = outbox;
        this.issuer = issuer;
        this.maxHeads = maxHeads;
    }

    @Scheduled(
            every = "${xianjie.integrity.checkpoint-interval:10m}",
            delayed = "${xianjie.integrity.checkpoint-first-delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return seal().onFailure()
                .invoke(f -> LOG.warnf("sealing a checkpoint failed, will try again: %s", f.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** Seals the chains that grew since they were last sealed; null when none did. */
    public Uni<CheckpointRecord> seal() {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1)) l", Integer.class)
                        .setParameter(1, SEAL_LOCK)
                        .getSingleResult()
                        .chain(() -> s.createQuery(
                                        "from RecordChainHead h where h.sequence > h.sealedSequence order by h.chainKey",
                                        RecordChainHead.class)
                                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                                .setMaxResults(maxHeads)
                                .getResultList())
                        .chain(heads -> heads.isEmpty()
                                ? Uni.createFrom().nullItem()
                                : s.createQuery(
                                                "from CheckpointRecord c where c.issuer = ?1 order by c.sealedAt desc",
                                                CheckpointRecord.class)
                                        .setParameter(1, issuer)
                                        .setMaxResults(1)
                                        .getResultList()
                                        .chain(previous -> store(
                                                s,
                                                heads,
                                                previous.isEmpty()
                                                        ? ChainLinks.GENESIS
                                                        : previous.get(0).payloadHash)))));
    }

    private Uni<CheckpointRecord> store(Mutiny.Session s, List<RecordChainHead> heads, String previous) {
        CheckpointRecord c = new CheckpointRecord();
        c.id = UUID.randomUUID();
        c.issuer = issuer;
        c.sealedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        c.keyId = signer.keyId();
        ObjectNode payload = mapper.createObjectNode()
                .put("checkpointId", c.id.toString())
                .put("issuer", issuer)
                .put("sealedAt", c.sealedAt.toInstant().toString())
                .put("previous", previous)
                .put("algorithm", IntegritySigner.ALGORITHM)
                .put("keyId", c.keyId);
        ArrayNode list = payload.putArray("heads");
        List<CheckpointHeadRecord> sealed = heads.stream()
                .map(h -> {
                    list.addObject()
                            .put("chain", chainDigest(h.chainKey))
                            .put("sequence", h.sequence)
                            .put("hash", h.hash);
                    h.sealedSequence = h.sequence;
                    CheckpointHeadRecord r = new CheckpointHeadRecord();
                    r.checkpointId = c.id;
                    r.chainKey = h.chainKey;
                    r.sequence = h.sequence;
                    r.hash = h.hash;
                    return r;
                })
                .toList();
        c.payload = JsonCanonicalizer.canonical(payload);
        c.payloadHash = sha256(c.payload);
        c.signature = signer.sign(c.payload);
        ObjectNode data = mapper.createObjectNode()
                .put("checkpointId", c.id.toString())
                .put("issuer", issuer)
                .put("payload", c.payload)
                .put("payloadHash", c.payloadHash)
                .put("signature", c.signature)
                .put("algorithm", IntegritySigner.ALGORITHM)
                .put("keyId", c.keyId);
        return s.persist(c)
                .chain(() -> s.persistAll(sealed.toArray()))
                .chain(() -> outbox.append(
                        Topics.INTEGRITY_CHECKPOINTS,
                        issuer,
                        outbox.newEvent(
                                "/xianjie/" + issuer,
                                IntegrityEventTypes.CHECKPOINT_SEALED,
                                "checkpoints/" + c.id,
                                data)))
                .invoke(() -> LOG.infof("sealed checkpoint %s over %d chains", c.id, heads.size()))
                .replaceWith(c);
    }

    /** The latest checkpoints of this service, newest first. */
    public Uni<List<CheckpointRecord>> latest(int limit) {
        return Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createQuery(
                                "from CheckpointRecord c where c.issuer = ?1 order by c.sealedAt desc",
                                CheckpointRecord.class)
                        .setParameter(1, issuer)
                        .setMaxResults(limit)
                        .getResultList()));
    }

    /** How a chain is named in a checkpoint: the SHA-256 (hex) of its key's UTF-8 bytes. */
    public static String chainDigest(String chainKey) {
        return sha256(chainKey);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
