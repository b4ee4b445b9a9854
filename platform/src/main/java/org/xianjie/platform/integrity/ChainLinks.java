package org.xianjie.platform.integrity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The rule of a record chain (案件记录哈希链), as pure functions: entry {@code n} has
 * {@code hash(n) = SHA-256(hash(n-1) || UTF-8(canonical entry n))}, where the hashes are the 32 raw
 * bytes and the first entry's previous hash is 32 zero bytes. Hashes are written as lowercase hex.
 */
public final class ChainLinks {

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private ChainLinks() {}

    public static String link(String previousHash, String canonicalEntry) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(HexFormat.of().parseHex(previousHash));
            sha.update(canonicalEntry.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** One stored entry as the verifier reads it. */
    public record Link(long sequence, String entryId, String entry, String previousHash, String hash) {}

    /**
     * The first entry, in sequence order from 1, whose stored hash or previous hash is not what the
     * entries before it and its own content give; empty if the chain is intact.
     */
    public static Optional<BrokenLink> firstBreak(List<Link> links) {
        String previous = GENESIS;
        long expectedSequence = 1;
        for (Link l : links) {
            if (l.sequence() != expectedSequence) {
                return Optional.of(new BrokenLink(
                        expectedSequence,
                        l.entryId(),
                        null,
                        null,
                        "entry " + expectedSequence + " is missing (next stored entry is " + l.sequence() + ")"));
            }
            if (!previous.equals(l.previousHash())) {
                return Optional.of(new BrokenLink(
                        l.sequence(),
                        l.entryId(),
                        previous,
                        l.previousHash(),
                        "the stored previous hash is not the hash of entry " + (l.sequence() - 1)));
            }
            String expected = link(previous, l.entry());
            if (!expected.equals(l.hash())) {
                return Optional.of(new BrokenLink(
                        l.sequence(),
                        l.entryId(),
                        expected,
                        l.hash(),
                        "the entry's content does not give its stored hash"));
            }
            previous = l.hash();
            expectedSequence++;
        }
        return Optional.empty();
    }

    /**
     * Where a chain breaks: the entry's sequence and id, the hash the verifier computed and the hash
     * stored (or, for a broken previous-hash link, the previous hash expected and stored).
     */
    public record BrokenLink(long sequence, String entryId, String expectedHash, String storedHash, String reason) {}
}
