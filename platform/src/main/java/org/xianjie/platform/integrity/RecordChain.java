package org.xianjie.platform.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The tamper-evident record (防篡改案件记录): appends entries to a case's hash chain and verifies it.
 * {@link org.xianjie.platform.outbox.Outbox} appends every event of a chained topic here; a service
 * appends other facts of a case that its events do not carry (an evidence item's SHA-256, a
 * referral's attachment digests) with {@link #append}. Call inside the transaction of the change, so
 * that the entry commits with it; the chain's head row is locked until then, which orders the
 * entries of one chain even where two writers of a case were not already serialised.
 */
@ApplicationScoped
public class RecordChain {

    public static final String EVENT = "event";

    /** Appends {@code entry} (canonicalised with RFC 8785) to the chain {@code chainKey}. */
    public Uni<RecordChainEntry> append(String chainKey, String kind, String entryId, JsonNode entry) {
        String canonical = JsonCanonicalizer.canonical(entry);
        return Panache.getSession()
                .chain(s -> lockedHead(s, chainKey).chain(head -> {
                    RecordChainEntry e = new RecordChainEntry();
                    e.chainKey = chainKey;
                    e.sequence = head.sequence + 1;
                    e.kind = kind;
                    e.entryId = entryId;
                    e.entry = canonical;
                    e.previousHash = head.hash;
                    e.hash = ChainLinks.link(head.hash, canonical);
                    e.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
                    head.sequence = e.sequence;
                    head.hash = e.hash;
                    return s.persist(e).replaceWith(e);
                }));
    }

    private static Uni<RecordChainHead> lockedHead(Mutiny.Session s, String chainKey) {
        return s.find(RecordChainHead.class, chainKey, LockModeType.PESSIMISTIC_WRITE)
                .chain(head -> head != null
                        ? Uni.createFrom().item(head)
                        : s.createNativeQuery("insert into record_chain_head (chain_key, seq, hash) values (?1, 0, ?2) "
                                        + "on conflict do nothing")
                                .setParameter(1, chainKey)
                                .setParameter(2, ChainLinks.GENESIS)
                                .executeUpdate()
                                .chain(() -> s.find(RecordChainHead.class, chainKey, LockModeType.PESSIMISTIC_WRITE)));
    }

    /**
     * Recomputes the chain from its first entry and compares its heads with the latest checkpoint
     * that sealed it: an edited, removed or inserted entry breaks a link; a chain rewritten from the
     * edit onwards (every hash recomputed) no longer gives the head the checkpoint signed.
     */
    public Uni<ChainReport> verify(String chainKey) {
        return Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createQuery(
                                "from RecordChainEntry e where e.chainKey = ?1 order by e.sequence",
                                RecordChainEntry.class)
                        .setParameter(1, chainKey)
                        .getResultList()
                        .chain(entries -> s.createQuery(
                                        "from CheckpointHeadRecord h where h.chainKey = ?1 order by h.sequence desc",
                                        CheckpointHeadRecord.class)
                                .setParameter(1, chainKey)
                                .setMaxResults(1)
                                .getResultList()
                                .chain(heads -> heads.isEmpty()
                                        ? Uni.createFrom().item(report(chainKey, entries, null, null))
                                        : s.find(CheckpointRecord.class, heads.get(0).checkpointId)
                                                .map(c -> report(chainKey, entries, heads.get(0), c))))));
    }

    static ChainReport report(
            String chainKey,
            List<RecordChainEntry> entries,
            CheckpointHeadRecord sealedHead,
            CheckpointRecord checkpoint) {
        List<ChainLinks.Link> links = entries.stream()
                .map(e -> new ChainLinks.Link(e.sequence, e.entryId, e.entry, e.previousHash, e.hash))
                .toList();
        Optional<ChainLinks.BrokenLink> broken = ChainLinks.firstBreak(links);
        String headHash = entries.isEmpty() ? ChainLinks.GENESIS : entries.get(entries.size() - 1).hash;
        ChainReport.Sealed sealed = null;
        if (sealedHead != null) {
            RecordChainEntry at = entries.stream()
                    .filter(e -> e.sequence == sealedHead.sequence)
                    .findFirst()
                    .orElse(null);
            boolean matches = at != null && at.hash.equals(sealedHead.hash);
            sealed = new ChainReport.Sealed(
                    sealedHead.checkpointId,
                    checkpoint == null ? null : checkpoint.sealedAt,
                    sealedHead.sequence,
                    sealedHead.hash,
                    matches);
            if (!matches && broken.isEmpty()) {
                broken = Optional.of(new ChainLinks.BrokenLink(
                        sealedHead.sequence,
                        at == null ? null : at.entryId,
                        sealedHead.hash,
                        at == null ? null : at.hash,
                        at == null
                                ? "entry " + sealedHead.sequence + " sealed by checkpoint " + sealedHead.checkpointId
                                        + " is missing"
                                : "the entry's hash differs from the one checkpoint " + sealedHead.checkpointId
                                        + " sealed (the chain was rewritten)"));
            }
        }
        return new ChainReport(chainKey, broken.isEmpty(), entries.size(), headHash, broken.orElse(null), sealed);
    }
}
