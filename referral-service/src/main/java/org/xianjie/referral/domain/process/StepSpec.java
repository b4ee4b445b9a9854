package org.xianjie.referral.domain.process;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Fluent description of a {@link ReferralStep}, so the step table reads like the law's table. */
final class StepSpec {

    final Set<PartyType> actors;
    boolean head;
    boolean reasons;
    boolean start;
    final Set<ReferralState> from = EnumSet.noneOf(ReferralState.class);
    ReferralState to;
    final List<OpenedDeadline> opens = new ArrayList<>();
    final Set<String> closes = new LinkedHashSet<>();
    final Set<PartyType> notifies = EnumSet.noneOf(PartyType.class);

    private StepSpec(PartyType first, PartyType... more) {
        this.actors = EnumSet.of(first, more);
    }

    static StepSpec by(PartyType first, PartyType... more) {
        return new StepSpec(first, more);
    }

    static OpenedDeadline duty(String code, PartyType party) {
        return new OpenedDeadline(code, party, DeadlineKind.DUTY, CountFrom.THIS_STEP);
    }

    static OpenedDeadline window(String code, PartyType party) {
        return new OpenedDeadline(code, party, DeadlineKind.WINDOW, CountFrom.THIS_STEP);
    }

    static OpenedDeadline dutyFromReceipt(String code, PartyType party) {
        return new OpenedDeadline(code, party, DeadlineKind.DUTY, CountFrom.RECEIPT);
    }

    /** Only the agency head (正职负责人或主持工作的负责人) may take it. */
    StepSpec head() {
        this.head = true;
        return this;
    }

    /** The law wants the reasons on record (理由记录在案 / 说明理由). */
    StepSpec reasons() {
        this.reasons = true;
        return this;
    }

    /** Opens a new referral rather than moving an existing one. */
    StepSpec starts() {
        this.start = true;
        return this;
    }

    StepSpec from(ReferralState... states) {
        from.addAll(Arrays.asList(states));
        return this;
    }

    StepSpec to(ReferralState state) {
        this.to = state;
        return this;
    }

    /** A side activity: recorded, deadlines opened or closed, state unchanged. */
    StepSpec stays() {
        this.to = null;
        return this;
    }

    StepSpec opens(OpenedDeadline... deadlines) {
        opens.addAll(Arrays.asList(deadlines));
        return this;
    }

    StepSpec closes(String... codes) {
        closes.addAll(Arrays.asList(codes));
        return this;
    }

    StepSpec notifies(PartyType... parties) {
        notifies.addAll(Arrays.asList(parties));
        return this;
    }
}
