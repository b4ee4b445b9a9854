package org.xianjie.referral.domain.process;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The outcome of a step: the new state and the deadlines to close and open. The service closes
 * {@code closed} first (those not open are ignored), then opens {@code opened}.
 *
 * @param from   the state before, or null when the step started the referral
 * @param step   the step taken
 * @param to     the state after; equal to {@code from} for a side activity
 * @param opened deadlines to open, each counted from the event its {@link CountFrom} names
 * @param closed codes of deadlines to close; every code when {@code to} is terminal, so that no
 *               deadline outlives the referral
 */
public record Transition(
        ReferralState from, ReferralStep step, ReferralState to, List<OpenedDeadline> opened, Set<String> closed) {

    public Transition {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(to, "to");
        opened = List.copyOf(opened);
        closed = Set.copyOf(closed);
    }

    public boolean changesState() {
        return from != to;
    }
}
