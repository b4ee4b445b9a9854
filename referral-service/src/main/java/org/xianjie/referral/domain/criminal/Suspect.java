package org.xianjie.referral.domain.criminal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A suspect of a referral as a reader sees it: the identity number only masked, the charges, and
 * each decision with its date ({@code null} while not taken).
 */
public record Suspect(
        UUID id,
        UUID referralId,
        SuspectKind kind,
        String name,
        String maskedIdentityNumber,
        SuspectRole role,
        List<String> charges,
        OffsetDateTime arrestRequestedAt,
        ArrestDecision arrestDecision,
        OffsetDateTime arrestDecidedAt,
        ProsecutionDecision prosecutionDecision,
        OffsetDateTime prosecutionDecidedAt,
        OffsetDateTime courtAcceptedAt,
        Judgment judgment,
        OffsetDateTime judgedAt) {}
