package org.xianjie.referral.domain.process;

import java.util.Objects;

/**
 * A deadline a step opens.
 *
 * @param limitCode code of the time limit (see {@code TimeLimitCodes}), resolved to an amount and
 *                  unit by {@code TimeLimitTable}
 * @param party     who must (or may) act before it runs out
 * @param kind      duty or window
 * @param countFrom the event the limit counts from
 */
public record OpenedDeadline(String limitCode, PartyType party, DeadlineKind kind, CountFrom countFrom) {

    public OpenedDeadline {
        Objects.requireNonNull(limitCode, "limitCode");
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(countFrom, "countFrom");
    }
}
