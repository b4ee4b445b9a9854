package org.xianjie.referral.service.sharing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.xianjie.events.SharingEventTypes;
import org.xianjie.platform.identity.AgencyDirectory;
import org.xianjie.platform.identity.Caller;
import org.xianjie.platform.problem.Problem;
import org.xianjie.platform.problem.ProblemException;
import org.xianjie.referral.domain.access.ReferralAccess;
import org.xianjie.referral.domain.sharing.AddresseeState;
import org.xianjie.referral.domain.sharing.BulletinAudience;
import org.xianjie.referral.domain.sharing.MajorCaseRule;
import org.xianjie.referral.domain.sharing.SharingKind;
import org.xianjie.referral.persistence.KnownCase;
import org.xianjie.referral.persistence.KnownCaseRepository;
import org.xianjie.referral.persistence.ReferralRecord;
import org.xianjie.referral.persistence.ReferralRepository;
import org.xianjie.referral.persistence.sharing.AddresseeRecord;
import org.xianjie.referral.persistence.sharing.SharingItemRecord;

/**
 * Major-case bulletins (重大案件通报): an agency that owns a case, or is party to its referral,
 * marks it major (by the amount rule or by its own decision with reasons) and the bulletin goes to
 * the agencies {@link BulletinAudience} names. Addressees sign a read receipt; sender and
 * addressees add follow-ups.
 */
@ApplicationScoped
public class BulletinService {

    public static final String STATE_ISSUED = "ISSUED";

    private final SharedItems shared;
    private final KnownCaseRepository knownCases;
    private final ReferralRepository referrals;
    private final AgencyDirectory directory;
    private final MajorCaseRule rule;
    private final ObjectMapper mapper;

    public BulletinService(
            SharedItems shared,
            KnownCaseRepository knownCases,
            ReferralRepository referrals,
            AgencyDirectory directory,
            MajorCaseRule rule,
            ObjectMapper mapper) {
        this.shared = shared;
        this.knownCases = knownCases;
        this.referrals = referrals;
        this.directory = directory;
        this.rule = rule;
        this.mapper = mapper;
    }

    /** What an agency states when it issues a bulletin. */
    public record Issue(
            UUID caseId, String title, String summary, BigDecimal amount, String decision, OffsetDateTime occurredAt) {}

    public Uni<SharedItem> issue(Caller caller, Issue request) {
        SharedItems.ActTime time = shared.actTime(caller, request.occurredAt(), null);
        return Panache.withSession(() -> knownCases
                        .findById(request.caseId())
                        .chain(known -> referrals
                                .findByCase(request.caseId())
                                .map(rs -> facts(caller, request.caseId(), known, rs))))
                .chain(c -> {
                    Optional<String> byRule = rule.grounds(c.category(), request.amount());
                    boolean byDecision =
                            request.decision() != null && !request.decision().isBlank();
                    if (byRule.isEmpty() && !byDecision) {
                        throw ProblemException.unprocessable(
                                "Not a major case",
                                "amount: below the major-case threshold "
                                        + rule.thresholdFor(c.category()).toPlainString() + " for " + c.category()
                                        + "; mark the case major by decision with reasons",
                                List.of(
                                        new Problem.FieldError("amount", "below the major-case threshold"),
                                        new Problem.FieldError(
                                                "decision", "required when the amount rule does not apply")),
                                null);
                    }
                    ObjectNode content = mapper.createObjectNode();
                    content.put("summary", request.summary());
                    content.put("basis", byRule.isPresent() ? "RULE" : "DECISION");
                    content.put(
                            "grounds", byRule.orElseGet(() -> request.decision().strip()));
                    if (request.amount() != null) {
                        content.put("amount", request.amount());
                    }
                    content.put("category", c.category());
                    SharingItemRecord item = new SharingItemRecord();
                    item.kind = SharingKind.BULLETIN;
                    item.region = caller.region();
                    item.title = request.title().strip();
                    item.content = content.toString();
                    item.caseId = request.caseId();
                    item.caseNumber = c.caseNumber();
                    item.state = STATE_ISSUED;
                    List<String> to = BulletinAudience.of(caller.agency(), directory.all());
                    return shared.create(caller, item, to, time, SharingEventTypes.BULLETIN_ISSUED, List.of());
                });
    }

    /** 已阅: the addressee's read receipt; a second one changes nothing. */
    public Uni<SharedItem> read(Caller caller, UUID id, OffsetDateTime occurredAt) {
        return shared.act(caller, id, SharingKind.BULLETIN, occurredAt, "READ", null, act -> {
            AddresseeRecord own = act.own();
            if (own.readAt != null) {
                act.unchanged();
            } else {
                own.readAt = act.time.occurred();
                own.state = AddresseeState.READ;
                act.announce(SharedItems.Announcement.of(SharingEventTypes.BULLETIN_READ, "READ", null));
            }
            return Uni.createFrom().voidItem();
        });
    }

    /** 跟进: a follow-up by the sender or an addressee (progress, measures taken). */
    public Uni<SharedItem> followUp(Caller caller, UUID id, String text, OffsetDateTime occurredAt) {
        return shared.act(caller, id, SharingKind.BULLETIN, occurredAt, "FOLLOW_UP", text.strip(), act -> {
            act.announce(SharedItems.Announcement.of(SharingEventTypes.BULLETIN_FOLLOWED_UP, "FOLLOW_UP", null));
            return Uni.createFrom().voidItem();
        });
    }

    private record CaseFacts(String category, String caseNumber) {}

    /** The case as the caller may know it: its own case, or one whose referral it is party to; else 404. */
    private static CaseFacts facts(Caller caller, UUID caseId, KnownCase known, List<ReferralRecord> rs) {
        if (known != null && known.agencyCode.equals(caller.agencyCode())) {
            return new CaseFacts(known.category, known.caseNumber);
        }
        for (ReferralRecord r : rs) {
            if (ReferralAccess.parties(r.access()).contains(caller.agencyCode())) {
                return new CaseFacts(r.category, r.caseNumber);
            }
        }
        throw ProblemException.notFound("case", caseId);
    }
}
