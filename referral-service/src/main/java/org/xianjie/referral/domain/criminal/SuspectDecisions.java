package org.xianjie.referral.domain.criminal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.xianjie.referral.domain.process.ReferralStep;

/**
 * Which suspects a step may decide for, and what it decides. A step decides for the suspects it
 * names, so "arrest approved for 2 of 3" is {@code APPROVE_ARREST} naming all three with the third
 * {@code NOT_APPROVED}; a person is decided once per request:
 * <ul>
 *   <li>{@code REQUEST_ARREST}: suspects with no request pending (again after a denial);</li>
 *   <li>{@code APPROVE_ARREST} / {@code DENY_ARREST}: suspects whose arrest was requested and not yet
 *       decided; {@code APPROVE_ARREST} approves at least one;</li>
 *   <li>{@code PROSECUTE} / {@code DECIDE_NOT_TO_PROSECUTE}: suspects not yet decided;
 *       {@code PROSECUTE} prosecutes at least one;</li>
 *   <li>{@code ACCEPT_CASE}: prosecuted suspects the court has not accepted yet;</li>
 *   <li>{@code RENDER_JUDGMENT}: accepted defendants not yet judged, with the judgment's terms.</li>
 * </ul>
 * A step that names nobody decides for nobody (the referral-level record stays as before).
 */
public final class SuspectDecisions {

    /** Probation (缓刑) is for 拘役 or up to 3 years (Criminal Law art. 72), tested for 1 to 5 years (art. 73). */
    public static final int MAX_IMPRISONMENT_FOR_PROBATION = 36;

    public static final int MIN_PROBATION = 12;
    public static final int MAX_PROBATION = 60;

    private SuspectDecisions() {}

    /**
     * The decisions of {@code step} for the suspects named in {@code named}; {@code standings}
     * holds every suspect of the referral. Throws {@link SuspectRuleViolation} naming the field.
     */
    public static List<SuspectDecision> decide(
            ReferralStep step, List<SuspectDecisionInput> named, Map<UUID, SuspectStanding> standings) {
        if (named == null || named.isEmpty()) {
            return List.of();
        }
        SuspectAct act = SuspectAct.of(step)
                .orElseThrow(() -> new SuspectRuleViolation(
                        "suspects",
                        step + " decides for no person; name suspects on REQUEST_ARREST, APPROVE_ARREST, DENY_ARREST, "
                                + "PROSECUTE, DECIDE_NOT_TO_PROSECUTE, ACCEPT_CASE or RENDER_JUDGMENT"));
        Set<UUID> seen = new HashSet<>();
        List<SuspectDecision> decisions = new ArrayList<>();
        for (int i = 0; i < named.size(); i++) {
            SuspectDecisionInput in = named.get(i);
            String field = "suspects[" + i + "]";
            if (in == null || in.suspectId() == null) {
                throw new SuspectRuleViolation(field + ".suspectId", "required");
            }
            if (!seen.add(in.suspectId())) {
                throw new SuspectRuleViolation(field + ".suspectId", "named twice");
            }
            SuspectStanding s = standings.get(in.suspectId());
            if (s == null) {
                throw new SuspectRuleViolation(
                        field + ".suspectId", "no suspect " + in.suspectId() + " on this referral");
            }
            decisions.add(decideOne(step, act, in, s, field));
        }
        if (step == ReferralStep.APPROVE_ARREST
                && decisions.stream().noneMatch(d -> d.arrest() == ArrestDecision.APPROVED)) {
            throw new SuspectRuleViolation(
                    "suspects",
                    "APPROVE_ARREST approves the arrest of at least one suspect; "
                            + "use DENY_ARREST when none is approved");
        }
        if (step == ReferralStep.PROSECUTE
                && decisions.stream().noneMatch(d -> d.prosecution() == ProsecutionDecision.PROSECUTED)) {
            throw new SuspectRuleViolation(
                    "suspects",
                    "PROSECUTE prosecutes at least one suspect; "
                            + "use DECIDE_NOT_TO_PROSECUTE when none is prosecuted");
        }
        return decisions;
    }

    private static SuspectDecision decideOne(
            ReferralStep step, SuspectAct act, SuspectDecisionInput in, SuspectStanding s, String field) {
        if (act != SuspectAct.JUDGED
                && (in.verdict() != null
                        || in.imprisonmentMonths() != null
                        || in.probationMonths() != null
                        || in.criminalFine() != null)) {
            throw new SuspectRuleViolation(field, "judgment terms belong to RENDER_JUDGMENT only");
        }
        if (act != SuspectAct.ARREST_DECIDED && act != SuspectAct.PROSECUTION_DECIDED && in.decision() != null) {
            throw new SuspectRuleViolation(field + ".decision", step + " takes no per-suspect decision");
        }
        UUID id = in.suspectId();
        return switch (act) {
            case ARREST_REQUESTED -> {
                if (s.arrestRequested() && s.arrest() != ArrestDecision.NOT_APPROVED) {
                    throw new SuspectRuleViolation(
                            field + ".suspectId",
                            "arrest already " + (s.arrest() == null ? "requested and pending" : "approved"));
                }
                yield new SuspectDecision(id, act, null, null, null);
            }
            case ARREST_DECIDED -> {
                if (!s.arrestRequested() || s.arrest() != null) {
                    throw new SuspectRuleViolation(field + ".suspectId", "no arrest request pending for this suspect");
                }
                ArrestDecision d =
                        step == ReferralStep.DENY_ARREST ? ArrestDecision.NOT_APPROVED : ArrestDecision.APPROVED;
                if (in.decision() != null) {
                    d = parse(ArrestDecision.class, in.decision(), field + ".decision");
                    if (step == ReferralStep.DENY_ARREST && d != ArrestDecision.NOT_APPROVED) {
                        throw new SuspectRuleViolation(field + ".decision", "DENY_ARREST approves no arrest");
                    }
                }
                yield new SuspectDecision(id, act, d, null, null);
            }
            case PROSECUTION_DECIDED -> {
                if (s.prosecution() != null) {
                    throw new SuspectRuleViolation(field + ".suspectId", "already " + s.prosecution());
                }
                ProsecutionDecision d = step == ReferralStep.DECIDE_NOT_TO_PROSECUTE
                        ? ProsecutionDecision.NOT_PROSECUTED
                        : ProsecutionDecision.PROSECUTED;
                if (in.decision() != null) {
                    d = parse(ProsecutionDecision.class, in.decision(), field + ".decision");
                    if (step == ReferralStep.DECIDE_NOT_TO_PROSECUTE && d != ProsecutionDecision.NOT_PROSECUTED) {
                        throw new SuspectRuleViolation(
                                field + ".decision", "DECIDE_NOT_TO_PROSECUTE prosecutes nobody");
                    }
                }
                yield new SuspectDecision(id, act, null, d, null);
            }
            case COURT_ACCEPTED -> {
                if (s.prosecution() != ProsecutionDecision.PROSECUTED || s.courtAccepted()) {
                    throw new SuspectRuleViolation(
                            field + ".suspectId",
                            s.courtAccepted()
                                    ? "the court has already accepted this defendant's case"
                                    : "this suspect was not prosecuted");
                }
                yield new SuspectDecision(id, act, null, null, null);
            }
            case JUDGED -> {
                if (!s.courtAccepted() || s.judged()) {
                    throw new SuspectRuleViolation(
                            field + ".suspectId",
                            s.judged() ? "already judged" : "the court has not accepted this defendant's case");
                }
                yield new SuspectDecision(id, act, null, null, judgment(in, field));
            }
        };
    }

    /** The judgment's terms, checked; the set-off is left at zero for the service to complete. */
    static Judgment judgment(SuspectDecisionInput in, String field) {
        if (in.verdict() == null) {
            throw new SuspectRuleViolation(
                    field + ".verdict", "required: " + java.util.Arrays.toString(Verdict.values()));
        }
        int prison = in.imprisonmentMonths() == null ? 0 : in.imprisonmentMonths();
        int probation = in.probationMonths() == null ? 0 : in.probationMonths();
        BigDecimal fine = in.criminalFine() == null ? BigDecimal.ZERO : in.criminalFine();
        if (prison < 0 || prison > 300) {
            throw new SuspectRuleViolation(field + ".imprisonmentMonths", "between 0 and 300");
        }
        if (fine.signum() < 0 || fine.scale() > 2) {
            throw new SuspectRuleViolation(field + ".criminalFine", "an amount in yuan, 0 or more, at most 2 decimals");
        }
        if (in.verdict() != Verdict.GUILTY) {
            if (prison > 0 || probation > 0 || fine.signum() > 0) {
                throw new SuspectRuleViolation(field + ".verdict", in.verdict() + " imposes no punishment");
            }
        } else if (prison == 0 && fine.signum() == 0) {
            throw new SuspectRuleViolation(
                    field + ".verdict",
                    "GUILTY imposes imprisonment or a fine; " + "use GUILTY_EXEMPT_FROM_PUNISHMENT otherwise");
        }
        if (probation != 0) {
            if (prison == 0 || prison > MAX_IMPRISONMENT_FOR_PROBATION) {
                throw new SuspectRuleViolation(
                        field + ".probationMonths",
                        "probation suspends imprisonment of at most " + MAX_IMPRISONMENT_FOR_PROBATION + " months");
            }
            if (probation < Math.max(prison, MIN_PROBATION) || probation > MAX_PROBATION) {
                throw new SuspectRuleViolation(
                        field + ".probationMonths",
                        "between max(imprisonment, " + MIN_PROBATION + ") and " + MAX_PROBATION
                                + " months (Criminal Law art. 73)");
            }
        }
        return new Judgment(in.verdict(), prison, probation, fine, BigDecimal.ZERO, fine);
    }

    /** The standing after {@code d}. */
    public static SuspectStanding after(SuspectStanding s, SuspectDecision d) {
        return switch (d.act()) {
            case ARREST_REQUESTED -> new SuspectStanding(true, null, s.prosecution(), s.courtAccepted(), s.judged());
            case ARREST_DECIDED ->
                new SuspectStanding(true, d.arrest(), s.prosecution(), s.courtAccepted(), s.judged());
            case PROSECUTION_DECIDED ->
                new SuspectStanding(s.arrestRequested(), s.arrest(), d.prosecution(), s.courtAccepted(), s.judged());
            case COURT_ACCEPTED ->
                new SuspectStanding(s.arrestRequested(), s.arrest(), s.prosecution(), true, s.judged());
            case JUDGED ->
                new SuspectStanding(s.arrestRequested(), s.arrest(), s.prosecution(), s.courtAccepted(), true);
        };
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new SuspectRuleViolation(
                    field, "'" + value + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
