package org.xianjie.referral.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.xianjie.referral.domain.criminal.Suspect;

/** A suspect with the decisions taken for them; the identity number masked (last 4 shown). */
public record SuspectView(
        UUID id,
        UUID referralId,
        String kind,
        String name,
        String maskedIdentityNumber,
        String role,
        List<String> charges,
        Arrest arrest,
        Prosecution prosecution,
        OffsetDateTime courtAcceptedAt,
        Judgment judgment) {

    /** 提请批准逮捕 and its decision. */
    public record Arrest(OffsetDateTime requestedAt, String decision, OffsetDateTime decidedAt) {}

    /** 提起公诉 or 不起诉. */
    public record Prosecution(String decision, OffsetDateTime decidedAt) {}

    /** 判决, with the administrative fine set off against the criminal fine (Decree 310 art. 11). */
    public record Judgment(
            String verdict,
            int imprisonmentMonths,
            int probationMonths,
            BigDecimal criminalFine,
            BigDecimal administrativeFineSetOff,
            BigDecimal fineDue,
            OffsetDateTime judgedAt) {}

    static SuspectView of(Suspect s) {
        Arrest arrest = s.arrestRequestedAt() == null
                ? null
                : new Arrest(
                        s.arrestRequestedAt(),
                        s.arrestDecision() == null ? null : s.arrestDecision().name(),
                        s.arrestDecidedAt());
        Prosecution prosecution = s.prosecutionDecision() == null
                ? null
                : new Prosecution(s.prosecutionDecision().name(), s.prosecutionDecidedAt());
        Judgment judgment = s.judgment() == null
                ? null
                : new Judgment(
                        s.judgment().verdict().name(),
                        s.judgment().imprisonmentMonths(),
                        s.judgment().probationMonths(),
                        s.judgment().criminalFine(),
                        s.judgment().administrativeFineSetOff(),
                        s.judgment().fineDue(),
                        s.judgedAt());
        return new SuspectView(
                s.id(),
                s.referralId(),
                s.kind().name(),
                s.name(),
                s.maskedIdentityNumber(),
                s.role().name(),
                s.charges(),
                arrest,
                prosecution,
                s.courtAcceptedAt(),
                judgment);
    }
}
