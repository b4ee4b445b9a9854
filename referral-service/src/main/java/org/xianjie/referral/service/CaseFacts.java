package org.xianjie.referral.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.xianjie.events.CaseEventTypes;
import org.xianjie.events.CaseSnapshot;
import org.xianjie.referral.persistence.CaseFactRecord;
import org.xianjie.referral.persistence.CaseFactRepository;

/**
 * Keeps {@code case_fact} from case events (inside the inbox transaction): the filing and closing
 * times come from the opened and closed events themselves, the amounts and the penalty from the
 * newest snapshot. The yearly figures and the fine set-off read it.
 */
@ApplicationScoped
public class CaseFacts {

    private final CaseFactRepository facts;

    public CaseFacts(CaseFactRepository facts) {
        this.facts = facts;
    }

    public Uni<Void> remember(String type, CaseSnapshot s) {
        if (s.region() == null) {
            return Uni.createFrom().voidItem();
        }
        return facts.findById(s.caseId()).chain(existing -> {
            CaseFactRecord f = existing == null ? new CaseFactRecord() : existing;
            OffsetDateTime at = actTime(s);
            if (CaseEventTypes.OPENED.equals(type)) {
                f.openedAt = at;
            } else if (CaseEventTypes.CLOSED.equals(type)) {
                f.closedAt = at;
            }
            if (existing == null || s.version() >= existing.version) {
                f.caseId = s.caseId();
                f.agencyCode = s.agencyCode();
                f.region = s.region();
                if (s.amounts() != null && s.amounts().illegalBusinessVolume() != null) {
                    f.caseValue = s.amounts().illegalBusinessVolume();
                }
                if (s.penalty() != null) {
                    f.penaltyFine = s.penalty().fine();
                    f.confiscation = s.penalty().confiscation();
                    f.decisionDate = s.penalty().decisionDate();
                }
                f.version = s.version();
            }
            return existing == null
                    ? facts.persist(f).replaceWithVoid()
                    : Uni.createFrom().voidItem();
        });
    }

    /** When the act happened; events from before acts carried their times count when they arrive. */
    private static OffsetDateTime actTime(CaseSnapshot s) {
        if (s.occurredAt() != null) {
            return s.occurredAt();
        }
        return s.recordedAt() != null ? s.recordedAt() : OffsetDateTime.now(ZoneOffset.UTC);
    }
}
