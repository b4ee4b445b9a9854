package org.xianjie.notification.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.xianjie.events.CaseSnapshot;
import org.xianjie.events.CreditFeedEventTypes;
import org.xianjie.events.CreditPenalty;

/**
 * A penalty decision as the credit feed publishes it, and what a later case event means for it:
 * nothing (not public, or unchanged since the last published version), its first publication, a
 * correction (any published field changed), or its revocation (撤销; only of a decision the feed
 * published: one never published has nothing to withdraw). Parties are re-hashed under the feed's key, so the
 * credit platform can match them only if it holds that key.
 */
public final class CreditDecision {

    /** What to send: the event type and its data. */
    public record Publication(String type, CreditPenalty data, String fingerprint) {}

    private CreditDecision() {}

    /**
     * @param lastVersion the decision version last published for the case, if any
     * @param lastFingerprint its fingerprint
     */
    public static Optional<Publication> next(
            CaseSnapshot snapshot,
            CreditPublicity publicity,
            byte[] partyKey,
            Integer lastVersion,
            String lastFingerprint) {
        CaseSnapshot.Penalty p = snapshot.penalty();
        if (lastVersion == null && (!publicity.isPublic(p) || p.revocation() != null)) {
            return Optional.empty();
        }
        if (p == null || p.decisionNumber() == null) {
            return Optional.empty();
        }
        CaseSnapshot.Revocation revoked = p.revocation();
        List<String> parties = snapshot.partyIdentityHashes() == null
                ? List.of()
                : snapshot.partyIdentityHashes().stream()
                        .map(h -> keyed(partyKey, h))
                        .sorted()
                        .toList();
        String fingerprint = String.join(
                        "|",
                        snapshot.caseNumber(),
                        snapshot.agencyCode(),
                        String.valueOf(snapshot.category()),
                        p.decisionNumber(),
                        String.valueOf(p.decisionDate()),
                        plain(p.fine()),
                        plain(p.confiscation()),
                        String.valueOf(p.otherMeasures()),
                        String.join(",", parties))
                // only a revoked decision's fingerprint grows: those stored before revocations stay comparable
                + (revoked == null ? "" : "|REVOKED");
        if (lastVersion != null && Objects.equals(fingerprint, lastFingerprint)) {
            return Optional.empty();
        }
        int version = lastVersion == null ? 1 : lastVersion + 1;
        CreditPenalty data = new CreditPenalty(
                snapshot.caseId(),
                snapshot.caseNumber(),
                snapshot.agencyCode(),
                snapshot.region(),
                snapshot.category(),
                p.decisionNumber(),
                p.decisionDate(),
                p.fine(),
                p.confiscation(),
                p.otherMeasures(),
                parties,
                version,
                snapshot.version(),
                revoked == null ? null : new CreditPenalty.Revocation(revoked.reason(), revoked.revokedAt()));
        String type = revoked != null
                ? CreditFeedEventTypes.PENALTY_REVOKED
                : version == 1 ? CreditFeedEventTypes.PENALTY_PUBLISHED : CreditFeedEventTypes.PENALTY_CORRECTED;
        return Optional.of(new Publication(type, data, fingerprint));
    }

    /** Hex HMAC-SHA256 of the suite's identity hash under the feed's party key. */
    public static String keyed(byte[] key, String identityHash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of()
                    .formatHex(mac.doFinal(identityHash.toLowerCase().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? "-" : amount.stripTrailingZeros().toPlainString();
    }
}
