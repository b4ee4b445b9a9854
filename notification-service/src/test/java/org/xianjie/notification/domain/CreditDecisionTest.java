package org.xianjie.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xianjie.events.CaseSnapshot;
import org.xianjie.events.CreditFeedEventTypes;

class CreditDecisionTest {

    private static final byte[] KEY = "credit-platform-shared-key-0123456789".getBytes(StandardCharsets.UTF_8);
    private static final CreditPublicity FINES = new CreditPublicity(false);
    private static final String PARTY = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static CaseSnapshot decided(BigDecimal fine, BigDecimal confiscation) {
        return new CaseSnapshot(
                UUID.fromString("3f2b8c1e-7d4a-4b6e-9c1f-2a5d8e7b6c40"),
                "TJ-AMR",
                "津市监〔2026〕1号",
                "TRADEMARK",
                "120000",
                "t",
                "PENALTY_DECIDED",
                null,
                new CaseSnapshot.Penalty("津市监罚〔2026〕1号", LocalDate.of(2026, 3, 2), fine, confiscation, null),
                List.of(PARTY),
                1,
                4);
    }

    @Test
    void aDecisionWithAFineOrAConfiscationIsPublicAWarningAloneIsNot() {
        assertThat(FINES.isPublic(decided(new BigDecimal("1000"), null).penalty()))
                .isTrue();
        assertThat(FINES.isPublic(decided(null, new BigDecimal("5")).penalty())).isTrue();
        assertThat(FINES.isPublic(decided(BigDecimal.ZERO, null).penalty())).isFalse();
        assertThat(new CreditPublicity(true).isPublic(decided(null, null).penalty()))
                .isTrue();
        assertThat(FINES.isPublic(null)).isFalse();
    }

    @Test
    void theFirstPublicationIsVersionOneWithPartiesOnlyAsKeyedHashes() {
        var published = CreditDecision.next(decided(new BigDecimal("1000"), null), FINES, KEY, null, null)
                .orElseThrow();
        assertThat(published.type()).isEqualTo(CreditFeedEventTypes.PENALTY_PUBLISHED);
        assertThat(published.data().decisionVersion()).isEqualTo(1);
        assertThat(published.data().partyKeyedHashes())
                .containsExactly(CreditDecision.keyed(KEY, PARTY))
                .doesNotContain(PARTY);
    }

    @Test
    void anUnchangedDecisionIsNotSentAgainAChangedOneIsACorrection() {
        var first = CreditDecision.next(decided(new BigDecimal("1000"), null), FINES, KEY, null, null)
                .orElseThrow();
        assertThat(CreditDecision.next(decided(new BigDecimal("1000.00"), null), FINES, KEY, 1, first.fingerprint()))
                .isEmpty();
        var corrected = CreditDecision.next(decided(new BigDecimal("800"), null), FINES, KEY, 1, first.fingerprint())
                .orElseThrow();
        assertThat(corrected.type()).isEqualTo(CreditFeedEventTypes.PENALTY_CORRECTED);
        assertThat(corrected.data().decisionVersion()).isEqualTo(2);
    }

    private static CaseSnapshot revoked(BigDecimal fine) {
        CaseSnapshot d = decided(fine, null);
        CaseSnapshot.Penalty p = d.penalty();
        return new CaseSnapshot(
                d.caseId(),
                d.agencyCode(),
                d.caseNumber(),
                d.category(),
                d.region(),
                d.title(),
                "OPEN",
                null,
                new CaseSnapshot.Penalty(
                        p.decisionNumber(),
                        p.decisionDate(),
                        p.fine(),
                        p.confiscation(),
                        null,
                        new CaseSnapshot.Revocation("行政复议决定撤销", OffsetDateTime.parse("2026-04-11T10:00:00+08:00"))),
                d.partyIdentityHashes(),
                1,
                5);
    }

    @Test
    void aRevokedPublishedDecisionIsSentOnceAsARevocationWithTheNextVersion() {
        var first = CreditDecision.next(decided(new BigDecimal("1000"), null), FINES, KEY, null, null)
                .orElseThrow();
        var revocation = CreditDecision.next(revoked(new BigDecimal("1000")), FINES, KEY, 1, first.fingerprint())
                .orElseThrow();
        assertThat(revocation.type()).isEqualTo(CreditFeedEventTypes.PENALTY_REVOKED);
        assertThat(revocation.data().decisionVersion()).isEqualTo(2);
        assertThat(revocation.data().decisionNumber()).isEqualTo("津市监罚〔2026〕1号");
        assertThat(revocation.data().revocation().reason()).isEqualTo("行政复议决定撤销");
        // a later event of the case (e.g. closing) carrying the same revoked decision sends nothing
        assertThat(CreditDecision.next(revoked(new BigDecimal("1000")), FINES, KEY, 2, revocation.fingerprint()))
                .isEmpty();
    }

    @Test
    void aDecisionNeverPublishedHasNoRevocationToSend() {
        assertThat(CreditDecision.next(revoked(new BigDecimal("1000")), FINES, KEY, null, null))
                .isEmpty();
    }

    @Test
    void aNonPublicDecisionIsNeverPublished() {
        assertThat(CreditDecision.next(decided(null, null), FINES, KEY, null, null))
                .isEmpty();
    }
}
