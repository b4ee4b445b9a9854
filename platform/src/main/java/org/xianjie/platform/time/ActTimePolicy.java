package org.xianjie.platform.time;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.xianjie.platform.problem.Problem;
import org.xianjie.platform.problem.ProblemException;
import org.xianjie.platform.problem.ProblemTypes;

/**
 * When an act happened ({@code occurredAt}) as opposed to when the suite heard of it
 * ({@code recordedAt}): limits count from the act, so the stated time must keep the record honest.
 * Pure rules, no framework: the services call {@link #check} before they change anything.
 *
 * @param clockSkew        how far ahead of the server's clock a stated time may be (the caller's
 *                         clock may run a little fast)
 * @param backdatingWindow how far back an act may be stated without the {@link #CORRECTOR_ROLE}
 */
public record ActTimePolicy(Duration clockSkew, Duration backdatingWindow) {

    /**
     * The role that may enter acts older than the backdating window (补录/更正历史记录): a
     * deliberate correction of history, by someone the agency entrusts with it.
     */
    public static final String CORRECTOR_ROLE = "history-corrector";

    public static final String FIELD = "occurredAt";

    public ActTimePolicy {
        Objects.requireNonNull(clockSkew, "clockSkew");
        Objects.requireNonNull(backdatingWindow, "backdatingWindow");
        if (clockSkew.isNegative() || backdatingWindow.isNegative()) {
            throw new IllegalArgumentException("clock skew and backdating window must not be negative");
        }
    }

    /** Why a stated time is refused; {@code status} 400 for the request itself, 409 against the record. */
    public record Refusal(int status, String limit, String message) {

        /** As problem+json naming {@code field} (e.g. {@code occurredAt}, {@code [2].time}) and the limit. */
        public ProblemException problem(String field) {
            return new ProblemException(
                    status,
                    status == 409 ? ProblemTypes.CONFLICT : ProblemTypes.INVALID_INPUT,
                    status == 409 ? "Act out of order" : "Invalid input",
                    field + ": " + message,
                    List.of(new Problem.FieldError(field, message)),
                    Map.of("field", field, "limit", limit));
        }
    }

    /** The time of the act: the stated one, else the time of the request; microseconds as PostgreSQL keeps them. */
    public static Instant occurredAt(Instant stated, Instant recordedAt) {
        return (stated == null ? recordedAt : stated).truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Checks a stated act time.
     *
     * @param occurredAt    when the act happened (already defaulted)
     * @param recordedAt    now, by the server's clock
     * @param previousAct   when the previous act of the same referral or case happened, or null
     * @param mayCorrect    whether the caller has {@link #CORRECTOR_ROLE}
     */
    public Optional<Refusal> check(Instant occurredAt, Instant recordedAt, Instant previousAct, boolean mayCorrect) {
        Instant latest = recordedAt.plus(clockSkew);
        if (occurredAt.isAfter(latest)) {
            return Optional.of(new Refusal(
                    400,
                    latest.toString(),
                    "must not be in the future (at most " + clockSkew + " ahead of the server clock, i.e. not after "
                            + latest + ")"));
        }
        Instant earliest = recordedAt.minus(backdatingWindow);
        if (!mayCorrect && occurredAt.isBefore(earliest)) {
            return Optional.of(new Refusal(
                    400,
                    earliest.toString(),
                    "must not be more than " + backdatingWindow
                            + " in the past (not before " + earliest + "); older acts are entered by the role '"
                            + CORRECTOR_ROLE + "'"));
        }
        if (previousAct != null && occurredAt.isBefore(previousAct)) {
            return Optional.of(new Refusal(
                    409,
                    previousAct.toString(),
                    "must not be before the previous act of the same record (" + previousAct + ")"));
        }
        return Optional.empty();
    }
}
